using System.Net;
using System.Net.Http.Json;
using CareerBot.Bot.Channels.BotFramework;

namespace CareerBot.Bot.Tests.Channels.BotFramework;

/// <summary>Anonymous mode's service URL allow-list, compared as parsed URIs, not string prefixes.</summary>
public sealed class ServiceUrlAllowListTests
{
    private static readonly string[] Entries = ["https://smba.trafficmanager.net", "https://example.com/amer/"];

    [Theory]
    [InlineData("https://smba.trafficmanager.net/", true)]
    [InlineData("https://smba.trafficmanager.net/amer/", true)]
    [InlineData("https://SMBA.trafficmanager.net:443/emea", true)]
    [InlineData("https://example.com/amer", true)]
    [InlineData("https://example.com/amer/x/", true)]
    [InlineData("http://127.0.0.1:9000/", true)]
    [InlineData("http://localhost:9000/", true)]
    [InlineData("https://smba.trafficmanager.net@169.254.169.254/", false)]
    [InlineData("https://user:pw@smba.trafficmanager.net/", false)]
    [InlineData("https://smba.trafficmanager.net.attacker.example/", false)]
    [InlineData("https://smba.trafficmanager.net:8443/", false)]
    [InlineData("http://smba.trafficmanager.net/", false)]
    [InlineData("https://example.com/americas/", false)]
    [InlineData("https://example.com/", false)]
    [InlineData("http://169.254.169.254/", false)]
    public void Allows_ComparesSchemeHostPortThenWholePathSegments(string serviceUrl, bool expected)
    {
        Assert.Equal(expected, ServiceUrlAllowList.Allows(new Uri(serviceUrl), Entries, IPAddress.Loopback));
    }

    [Theory]
    [InlineData("http://127.0.0.1:9000/")]
    [InlineData("http://localhost:9000/")]
    [InlineData("http://127.1:4001/svc/")]
    [InlineData("http://2130706433:4001/")]
    [InlineData("http://[::1]:4001/")]
    [InlineData("http://[::ffff:127.0.0.1]:4001/")]
    public void Allows_LoopbackServiceUrl_OnlyForACallerOnLoopback(string serviceUrl)
    {
        var uri = new Uri(serviceUrl);

        Assert.True(ServiceUrlAllowList.Allows(uri, Entries, IPAddress.Loopback));
        Assert.True(ServiceUrlAllowList.Allows(uri, Entries, IPAddress.IPv6Loopback));
        Assert.True(ServiceUrlAllowList.Allows(uri, Entries, IPAddress.Loopback.MapToIPv6()));
        Assert.False(ServiceUrlAllowList.Allows(uri, Entries, IPAddress.Parse("203.0.113.5")));
        Assert.False(ServiceUrlAllowList.Allows(uri, Entries, IPAddress.Parse("2001:db8::5")));
        Assert.True(ServiceUrlAllowList.Allows(uri, Entries, caller: null)); // no IP connection: a Unix socket or the test host
    }

    [Fact]
    public async Task AnonymousBot_CallerFromElsewhere_CannotMakeItPostToALocalPort()
    {
        // Anonymous mode on a public address: any caller could name http://127.0.0.1:<port>/ and have the
        // bot post to a local service on its behalf.
        using var bot = new BotFactory();
        var body = System.Text.Encoding.UTF8.GetBytes(Activities.Message("Do I need a PhD?", serviceUrl: "http://127.0.0.1:1/svc/", expectReplies: false).ToJsonString());

        var context = await bot.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.5");
            c.Request.Method = "POST";
            c.Request.Path = "/api/messages";
            c.Request.ContentType = "application/json";
            c.Request.ContentLength = body.Length;
            c.Request.Body = new MemoryStream(body);
        });

        Assert.Equal((int)HttpStatusCode.Forbidden, context.Response.StatusCode);
        Assert.DoesNotContain(bot.Logs.Events, e => e.EventId is 2200 or 2201 or 2202);
    }

    [Theory]
    [InlineData("smba.trafficmanager.net", "is not an absolute http(s) URL")]
    [InlineData("ftp://smba.trafficmanager.net/", "is not an absolute http(s) URL")]
    [InlineData("https://u:p@smba.trafficmanager.net/", "must not carry user information")]
    [InlineData("https://smba.trafficmanager.net/?x=1", "must not carry a query or fragment")]
    public void Problem_BadEntry_IsNamed(string entry, string expected)
    {
        Assert.Equal(expected, ServiceUrlAllowList.Problem(entry));
    }

    [Fact]
    public void StartUp_BadAllowListEntry_FailsNamingTheSetting()
    {
        var failure = StartupValidation.Failure(new() { ["Bot:AllowedServiceUrls:0"] = "https://u:p@smba.trafficmanager.net/" });

        Assert.Contains("Bot:AllowedServiceUrls", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net@169.254.169.254/")]
    [InlineData("https://smba.trafficmanager.net.attacker.example/")]
    public async Task AnonymousBot_LookAlikeOfAnAllowedServiceUrl_IsRefusedAndNothingIsPosted(string serviceUrl)
    {
        using var bot = new BotFactory(new() { ["Bot:AllowedServiceUrls:0"] = "https://smba.trafficmanager.net" });

        var response = await bot.CreateClient().PostAsJsonAsync("/api/messages", Activities.Message("Do I need a PhD?", serviceUrl: serviceUrl, expectReplies: false));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden, $"got {response.StatusCode}");
        Assert.DoesNotContain(bot.Logs.Events, e => e.EventId is 2200 or 2201 or 2202);
    }
}
