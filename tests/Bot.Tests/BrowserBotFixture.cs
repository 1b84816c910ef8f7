using System.Net;
using CareerBot.Knowledge;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CareerBot.Bot.Tests;

/// <summary>
/// One bot on 127.0.0.1 (the repository's knowledge base, a port chosen at run time) and one headless
/// Debian Chromium driven through Playwright, shared by the tests of a browser test class.
/// </summary>
public abstract class BrowserBotFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    /// <summary>Where browser tests put their screenshots: "artifacts" in the test output folder.</summary>
    public static string ArtifactsFolder { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts");

    /// <summary>A fixture whose bot has test services added (for example a handler on an outbound client).</summary>
    private protected BrowserBotFixture(Action<IServiceCollection>? services = null) =>
        Factory = new(services: services, useRepositoryKnowledgeBase: true);

    internal BotFactory Factory { get; }

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The bot's address, http://127.0.0.1:PORT.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        Factory.StartServer();
        await Poll.UntilAsync(() => Factory.Services.GetRequiredService<KnowledgeProvider>().IsLoaded, TimeSpan.FromMinutes(2), "the knowledge base to load");
        BaseUrl = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
        });
        Directory.CreateDirectory(ArtifactsFolder);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}
