using System.Net;

namespace CareerBot.Bot.Tests.Page;

/// <summary>The careers page's response headers: where it may connect, referrer and HSTS.</summary>
public sealed class CareersPageHeadersTests
{
    [Fact]
    public async Task Page_OverHttp_ConnectsOnlyToItsOwnOriginAndSendsNoReferrer()
    {
        using var bot = new BotFactory();

        var response = await bot.CreateClient().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("connect-src 'self' ws://localhost", Directive(response, "connect-src"));
        Assert.Equal("no-referrer", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Page_OverHttps_HasHstsAndASecureSocketOfItsOwnOrigin()
    {
        using var bot = new BotFactory();
        var client = bot.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://careers.example.com") });

        var response = await client.GetAsync("/");

        Assert.Equal("max-age=31536000", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
        Assert.Equal("connect-src 'self' wss://careers.example.com", Directive(response, "connect-src"));
    }

    [Fact]
    public async Task Page_WithAzureDirectLine_AlsoConnectsToThatEndpointsOriginOnly()
    {
        using var bot = new BotFactory(new()
        {
            ["DirectLine:AzureSecret"] = "azure-secret",
            ["DirectLine:AzureEndpoint"] = "https://europe.directline.botframework.com/v3/directline",
        });

        var response = await bot.CreateClient().GetAsync("/");

        Assert.Equal(
            "connect-src 'self' ws://localhost https://europe.directline.botframework.com wss://europe.directline.botframework.com",
            Directive(response, "connect-src"));
    }

    private static string Directive(HttpResponseMessage response, string name)
    {
        var policy = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
        return policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith(name + " ", StringComparison.Ordinal));
    }
}
