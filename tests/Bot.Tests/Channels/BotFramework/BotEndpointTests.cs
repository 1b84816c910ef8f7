using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace CareerBot.Bot.Tests.Channels.BotFramework;

public sealed class BotEndpointTests : IDisposable
{
    private readonly BotFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Post_ExpectReplies_ReturnsAnswerAndTraceInTheBody()
    {
        var client = _factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/messages", Activities.Message("Do I need a PhD?"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        var activities = body!["activities"]!.AsArray();
        Assert.Equal(2, activities.Count);
        var trace = activities[1]!;
        Assert.Equal("trace", (string?)trace["type"]);
        Assert.Equal("CareerBot", (string?)trace["name"]);
        Assert.Equal("Answer", (string?)trace["label"]);
        Assert.Equal("CareerBot.Answer", (string?)trace["valueType"]);
        Assert.Equal("Do I need a PhD?", (string?)trace["value"]!["question"]);
        Assert.True((bool)trace["value"]!["answered"]!);
        Assert.Equal("guide-a#do-i-need-a-phd", (string?)trace["value"]!["citations"]![0]!["passageId"]);
        var reply = activities[0]!;
        Assert.Equal("message", (string?)reply["type"]);
        Assert.Equal("conv-1", (string?)reply["conversation"]!["id"]);
        Assert.Equal("bot-1", (string?)reply["from"]!["id"]);
        Assert.Equal("user-1", (string?)reply["recipient"]!["id"]);
        Assert.Equal("act-1", (string?)reply["replyToId"]);
    }

    [Fact]
    public async Task Post_NormalDelivery_RepliesThroughTheConnector()
    {
        await using var channel = await FakeChannelServer.StartAsync();
        var client = _factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/messages", Activities.Message("Do I need a PhD?", serviceUrl: channel.ServiceUrl, expectReplies: false));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, response.Content.Headers.ContentLength);
        var replies = await channel.WaitForAsync(2);
        Assert.Equal("/v3/conversations/conv-1/activities/act-1", channel.Received.First().Path);
        Assert.Equal("message", (string?)replies[0]["type"]);
        Assert.Equal("trace", (string?)replies[1]["type"]);
    }

    [Fact]
    public async Task Post_MalformedJson_Returns400ProblemDetails()
    {
        var client = _factory.CreateClient();

        var response = await client.PostAsync("/api/messages", new StringContent("{\"type\": \"message\", ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("{}")]
    [InlineData("{\"type\":\"message\",\"channelId\":\"emulator\"}")]
    [InlineData("{\"type\":\"message\",\"channelId\":\"emulator\",\"conversation\":{\"id\":\"..\"},\"id\":\"..\",\"serviceUrl\":\"http://127.0.0.1:1/svc/\"}")] // replies went to /svc/v3/
    [InlineData("{\"type\":\"message\",\"channelId\":\"emulator\",\"conversation\":{\"id\":\"c1\"},\"id\":\".\",\"serviceUrl\":\"http://127.0.0.1:1/svc/\"}")]
    public async Task Post_NotAnActivity_Returns400(string body)
    {
        var client = _factory.CreateClient();

        var response = await client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"type\":\"message\",\"channelId\":\"emulator\",\"conversation\":{\"id\":\"c1\"},\"deliveryMode\":\"expectReplies\",\"value\":{\"action\":\"feedback\",\"action\":\"x\"}}")] // threw in the turn, its message in the Emulator's trace
    [InlineData("{\"type\":\"message\",\"type\":\"message\",\"channelId\":\"emulator\",\"conversation\":{\"id\":\"c1\"},\"deliveryMode\":\"expectReplies\",\"text\":\"hi\"}")]
    public async Task Post_DuplicateProperty_Returns400(string body)
    {
        var client = _factory.CreateClient();

        var response = await client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_WrongContentType_Returns415()
    {
        var client = _factory.CreateClient();

        var response = await client.PostAsync("/api/messages", new StringContent(Activities.Message("hi").ToJsonString(), Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Post_BodyOverLimit_Returns413()
    {
        var client = _factory.CreateClient();
        var activity = Activities.Message(new string('a', 300 * 1024));

        var response = await client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_AnonymousModeToForeignServiceUrl_IsRefused()
    {
        var client = _factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/messages", Activities.Message("hi", serviceUrl: "https://example.com/", expectReplies: false));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Healthz_AfterStart_IsOk()
    {
        var client = _factory.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }
}
