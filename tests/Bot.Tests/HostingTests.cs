using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CareerBot.Bot.Tests;

public sealed class HostingTests
{
    [Theory]
    [InlineData("Bot:MaxBodyBytes", "12", "MaxBodyBytes")]
    [InlineData("State:BlobContainer", "Not_A_Container", "State:BlobContainer")]
    [InlineData("MicrosoftAppId", "not-a-guid", "MicrosoftAppId")]
    [InlineData("Knowledge:Retrieval:MinCoverage", "7", "MinCoverage")]
    [InlineData("TurnLog:Retention", "00:10:00", "Retention")]
    public void Start_BadSetting_FailsNamingTheKey(string key, string value, string named)
    {
        var ex = StartupValidation.Failure(new() { [key] = value, ["MicrosoftAppPassword"] = "secret" });

        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_BrokenGuide_StopsWithFileAndLineLoggedAndNoStackTrace()
    {
        using var kb = new CareerBot.Knowledge.Tests.TempKnowledgeBase(guideB: BrokenGuide);
        using var factory = new BotFactory(new Dictionary<string, string?> { ["Knowledge:BasePath"] = kb.BasePath });

        // Start-up may or may not have returned before the stop (a race inside WebApplicationFactory).
        _ = Record.Exception(() => factory.CreateClient());
        await Poll.UntilAsync(() => Stopped(factory), TimeSpan.FromSeconds(30), "the bot to stop");

        Assert.Contains(factory.Logs.Events, e => e.EventId == 1010
            && e.Message.EndsWith("guide-b.md:8: section 'Oops' has no <!-- topics: ... --> comment after its heading", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs.Events, e => e.Level >= LogLevel.Error && e.EventId != 1010);
    }

    [Fact]
    public void Serve_BrokenGuide_ExitsWithOne()
    {
        using var kb = new CareerBot.Knowledge.Tests.TempKnowledgeBase(guideB: BrokenGuide);
        var data = Path.Combine(Path.GetTempPath(), "careerbot-serve-" + Guid.NewGuid().ToString("N"));
        try
        {
            var exit = Program.Serve([$"--Knowledge:BasePath={kb.BasePath}", $"--Knowledge:DataPath={data}", "--Urls=http://127.0.0.1:0", "--Reload:OnDataChange=false", "--Logging:LogLevel:Default=None"]);

            Assert.Equal(1, exit);
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    private static bool Stopped(BotFactory factory)
    {
        try
        {
            return factory.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested;
        }
        catch (ObjectDisposedException)
        {
            return true; // the test host has already been torn down after the stop
        }
    }

    private const string BrokenGuide = "---\nid: guide-b\ntitle: B\nsource: S\nupdated: 2026-01-01\nsummary: s\n---\n## Oops\nNo topics here.\n";
}
