using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace CareerBot.Bot.Tests.Channels.BotFramework;

/// <summary>
/// Seeded fuzzing of /api/messages and the Direct Line activity route: mutated activities and raw bodies must never get a 5xx,
/// and the bot must answer normally afterwards. The seed and count are fixed, so a failure
/// reproduces exactly.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private const int Seed = 20261122;
    private const int Cases = 10_000;
    private const int DirectLineCases = 3_000;

    private static readonly string[] Strings =
    [
        "", " ", "\"", "*", "NEAR(a b, 2)", "salary* OR \"x", "-phd ^title:x", "AND OR NOT", "{title body}: x",
        "<script>alert(1)</script>", "[x](javascript:alert(1))", "<at>CareerBot</at>", "\u202Esalary\u202C", "\u0000\u0001\u001F",
        "\uD800", "\uDFFF", "💥🚀", new string('a', 5000), "Do I need a PhD?", "emulator", "msteams", "webchat", "expectReplies",
        "http://127.0.0.1:1/", "not a url", "message", "invoke", "conversationUpdate", "messageReaction",
    ];

    private static readonly string[] Fields =
    [
        "type", "id", "channelId", "serviceUrl", "text", "conversation", "from", "recipient", "value", "name",
        "entities", "attachments", "membersAdded", "reactionsAdded", "channelData", "deliveryMode", "locale", "timestamp", "replyToId",
    ];

    // Replies to the unreachable service URL in the cases fail at once rather than after backoff.
    private readonly BotFactory _factory = new(new Dictionary<string, string?> { ["Bot:ConnectorRetries"] = "0" });

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task MutatedActivities_NeverGetA5xx_AndTheBotStillAnswers()
    {
        var random = new Random(Seed);
        var client = _factory.CreateClient();
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < Cases; i++)
        {
            using var content = Body(random, i);
            var response = await client.PostAsync("/api/messages", content);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var sent = await content.ReadAsStringAsync();

            // The one 5xx the protocol asks for: 501 to an invoke the bot does not handle.
            var unhandledInvoke = status == 501 && JsonNode.Parse(sent) is JsonObject { } sentActivity && (string?)sentActivity["type"] == "invoke";
            Assert.True(status < 500 || unhandledInvoke, $"case {i} (seed {Seed}) got {status}: {sent}");
        }

        Assert.True(statuses.Keys.Count >= 2, "the fuzzer should reach more than one outcome");
        // The fuzzing user floods the bot, so the throttle holds them back; someone else is answered as usual.
        Assert.Contains(_factory.Logs.Events, e => e.EventId == 2004);
        await Answered.AfterFuzzAsync(client);
    }

    /// <summary>Well-formed JSON with a null where an entity would be: it answered 500 before the reader dropped such items.</summary>
    [Theory]
    [InlineData("entities")]
    [InlineData("attachments")]
    public async Task Message_WithANullItemInAList_IsAnsweredAsUsual(string list)
    {
        var client = _factory.CreateClient();
        var activity = Activities.Message("Do I need a PhD?", conversationId: "null-" + list);
        activity[list] = new JsonArray(null, new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US" });

        await Answered.AssertAsync(client, activity);
    }

    [Fact]
    public async Task MutatedActivities_OnDirectLine_NeverGetA5xx_AndTheConversationStillAnswers()
    {
        var random = new Random(Seed + 1);
        var client = _factory.CreateClient();
        var grant = (await (await client.PostAsync("/api/directline/token", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        var conversationId = (string)grant["conversationId"]!;
        var token = (string)grant["token"]!;
        var path = $"/v3/directline/conversations/{conversationId}/activities";
        for (var i = 0; i < DirectLineCases; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Body(random, i) };
            request.Headers.TryAddWithoutValidation("Authorization", random.Next(20) == 0 ? "Bearer " + Pick(random, Strings) : "Bearer " + token);
            var response = await client.SendAsync(request);
            Assert.True((int)response.StatusCode < 500, $"Direct Line case {i} (seed {Seed + 1}) got {(int)response.StatusCode}");
        }

        // The fuzzing visitor is throttled by now; a new visitor on the same channel is answered.
        var fresh = (await (await client.PostAsync("/api/directline/token", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        using var ask = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{fresh["conversationId"]}/activities")
        {
            Content = JsonContent.Create(new JsonObject { ["type"] = "message", ["text"] = "Do I need a PhD?", ["from"] = new JsonObject { ["id"] = "x" } }),
        };
        ask.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", (string)fresh["token"]!);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(ask)).StatusCode);
        using var poll = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{fresh["conversationId"]}/activities?watermark=");
        poll.Headers.Authorization = ask.Headers.Authorization;
        var feed = (await (await client.SendAsync(poll)).Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray();
        Assert.Contains(feed, a => ((string?)a!["text"])?.Contains("[1]: cite:1", StringComparison.Ordinal) == true);
    }

    private static HttpContent Body(Random random, int index)
    {
        switch (random.Next(10))
        {
            case 0:
                {
                    // Raw bytes: truncated JSON, invalid UTF-8, or noise.
                    var bytes = Encoding.UTF8.GetBytes(Activities.Message(Pick(random, Strings)).ToJsonString());
                    var cut = bytes.AsSpan(0, random.Next(bytes.Length)).ToArray();
                    if (random.Next(2) == 0 && cut.Length > 10)
                    {
                        cut[random.Next(cut.Length)] = (byte)(0x80 + random.Next(0x7F));
                    }

                    var raw = new ByteArrayContent(cut);
                    raw.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                    return raw;
                }

            case 1:
                return Json(Deep(random.Next(50, 200)));
            default:
                {
                    var activity = Activities.Message(Pick(random, Strings), channelId: Pick(random, ["emulator", "msteams", "webchat", "slack", "directline", "x"]), conversationId: $"fuzz-{index % 50}", id: $"f-{index}");
                    for (var m = random.Next(1, 5); m > 0; m--)
                    {
                        var field = Pick(random, Fields);
                        activity[field] = random.Next(6) switch
                        {
                            0 => null,
                            1 => JsonValue.Create(random.Next()),
                            2 => JsonValue.Create(Pick(random, Strings)),
                            3 => new JsonArray(JsonValue.Create(Pick(random, Strings)), new JsonObject { ["type"] = Pick(random, Strings), ["id"] = Pick(random, Strings) }),
                            4 => new JsonObject { ["id"] = Pick(random, Strings), ["name"] = Pick(random, Strings), ["text"] = Pick(random, Strings), ["type"] = Pick(random, Strings) },
                            _ => JsonValue.Create(true),
                        };
                    }

                    if (random.Next(3) == 0)
                    {
                        activity["deliveryMode"] = "expectReplies";
                    }

                    return Json(activity.ToJsonString());
                }
        }
    }

    private static string Deep(int depth) =>
        "{\"type\":\"message\",\"channelId\":\"emulator\",\"conversation\":{\"id\":\"deep\"},\"value\":" + string.Concat(Enumerable.Repeat("[", depth)) + string.Concat(Enumerable.Repeat("]", depth)) + "}";

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
