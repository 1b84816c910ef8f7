using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareerBot.Bot.Telemetry;

namespace CareerBot.Bot.Tests.Telemetry;

/// <summary>Direct Line tokens never reach a log line, whatever the logging levels say.</summary>
public sealed class TokenRedactionTests
{
    [Fact]
    public async Task StreamUrl_RequestLoggingOnAtDebug_LogsTheRequestButNeverItsToken()
    {
        using var bot = new BotFactory(new()
        {
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
        });
        var client = bot.CreateClient();
        var grant = (await (await client.PostAsync("/api/directline/token", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        var token = (string)grant["token"]!;
        var conversationId = (string)grant["conversationId"]!;

        // Not a WebSocket request, so 400, but logged like any request.
        var response = await client.GetAsync($"/v3/directline/conversations/{conversationId}/stream?t={Uri.EscapeDataString(token)}&watermark=3");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var lines = bot.Logs.Events.Select(e => e.Message).ToList();
        Assert.Contains(lines, line => line.Contains("/stream?t=[redacted]&watermark=3", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(token.Split('.')[2], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("GET http://h/v3/directline/conversations/c/stream?t=abc.def.ghi", "GET http://h/v3/directline/conversations/c/stream?t=[redacted]")]
    [InlineData("?watermark=1&t=abc&x=2", "?watermark=1&t=[redacted]&x=2")]
    [InlineData("\"streamUrl\":\"ws://h/s?t=abc\"", "\"streamUrl\":\"ws://h/s?t=[redacted]\"")]
    [InlineData("/stream?T=abc.def.ghi&watermark=3", "/stream?T=[redacted]&watermark=3")] // the query's keys ignore case: the stream took this token, and it was logged
    [InlineData("/stream?%74=abc.def.ghi", "/stream?%74=[redacted]")]
    [InlineData("/stream?x=1&%54=abc", "/stream?x=1&%54=[redacted]")]
    [InlineData("?format=json&st=1", "?format=json&st=1")]
    [InlineData("no query at all", "no query at all")]
    public void Redact_TakesOutOnlyTheTokenParameter(string text, string expected)
    {
        Assert.Equal(expected, TokenRedactingLoggerFactory.Redact(text));
    }
}
