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
    public void Start_BrokenGuide_FailsWithFileAndLineLogged()
    {
        using var kb = new CareerBot.Knowledge.Tests.TempKnowledgeBase(guideB: "---\nid: guide-b\ntitle: B\nsource: S\nupdated: 2026-01-01\nsummary: s\n---\n## Oops\nNo topics here.\n");
        using var factory = new BotFactory(new Dictionary<string, string?> { ["Knowledge:BasePath"] = kb.BasePath });

        // The host's start fails; which exception the test host surfaces depends on a race inside
        // WebApplicationFactory (sometimes its own ObjectDisposedException), so the log line is what is checked.
        var ex = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(ex);
        Assert.Contains(factory.Logs.Events, e => e.EventId == 1010
            && e.Message.EndsWith("guide-b.md:8: section 'Oops' has no <!-- topics: ... --> comment after its heading", StringComparison.Ordinal));
    }
}
