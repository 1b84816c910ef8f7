using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CareerBot.Bot.Operations;
using CareerBot.Bot.Tests.Channels.Slack;
using Microsoft.Extensions.DependencyInjection;
using static CareerBot.Bot.Tests.Channels.Slack.SlackRequests;

namespace CareerBot.Bot.Tests.Channels;

/// <summary>
/// Structure-aware fuzzing of every channel route: realistic payloads of every activity type and
/// channel (and signed Slack events and interactions) are generated, then mutated at every depth —
/// nulls and wrong JSON types inside arrays and nested objects, huge and empty values, unknown
/// types — and sent through the real HTTP pipeline. No 5xx (but 501 to an unhandled invoke), the
/// bot answers a normal question afterwards, and the turn log and report hold only normalised
/// channel ids and no user text. Seeded: a failure names its case and reproduces exactly.
/// </summary>
public sealed class StructuredFuzzTests
{
    private const int Seed = 20261203;
    private const int MessagesCases = 14_000;
    private const int DirectLineCases = 3_000;
    private const int SlackCases = 3_000;

    private static readonly HashSet<string> StoredChannels =
    [
        "msteams", "webchat", "directline", "emulator", "slack", "test", "facebook", "telegram", "email", "sms", "line", "kik",
        "groupme", "skype", "skypeforbusiness", "alexa", "omnichannel", "outlook", "m365extensions", "twilio-sms", "cortana", "other",
    ];

    private static readonly string[] Channels = ["emulator", "msteams", "webchat", "directline", "slack", "test", "x", "", "Do I need a PhD?", new string('c', 300)];

    private static readonly string[] Strings =
    [
        "", " ", "\"", "null", "[]", "{}", "<at>CareerBot</at>", "<script>alert(1)</script>", "\u202Esalary\u202C", "\u0000\u001F", "\uD800", "💥",
        new string('a', 5000), "Do I need a PhD?", "feedback", "like", "dislike", "LikeAction", "DislikeAction", "mention", "careerbot-vote:0123",
        "message", "invoke", "adaptiveCard/action", "message/submitAction", "webchat:activity-status/feedback", "reset",
    ];

    [Fact]
    public async Task MutatedPayloads_OnEveryRoute_NeverGetA5xx_AndLeaveOnlyNormalisedRecords()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        using var factory = new BotFactory(new Dictionary<string, string?>
        {
            ["Bot:ConnectorRetries"] = "0", // replies to the unreachable service URL fail at once
            ["Bot:MessagesPerMinute"] = "100000", // the turns run through the engine rather than the throttle
            ["Bot:MessageBurst"] = "10000",
            ["Slack:SigningSecret"] = Secret,
            ["Slack:BotToken"] = Token,
            ["Slack:ApiBaseUrl"] = slack.BaseUrl,
            ["Slack:ApiRetries"] = "0",
        }, services => services.AddSingleton<TimeProvider>(new SlackClock()));
        var client = factory.CreateClient();
        var random = new Random(Seed);
        var failures = new List<string>();

        for (var i = 0; i < MessagesCases; i++)
        {
            var activity = RealisticActivity(random, i);
            Mutate(random, activity);
            var sent = activity.ToJsonString();
            var response = await client.PostAsync("/api/messages", new StringContent(sent, Encoding.UTF8, "application/json"));
            var status = (int)response.StatusCode;
            var unhandledInvoke = status == 501 && (activity["type"] as JsonValue)?.ToString() == "invoke";
            if (status >= 500 && !unhandledInvoke)
            {
                failures.Add($"/api/messages case {i} got {status}: {Shorten(sent)}");
            }
        }

        var directLine = new List<(string Conversation, string Token)>();
        for (var c = 0; c < 5; c++)
        {
            var grant = (await (await client.PostAsync("/api/directline/token", null)).Content.ReadFromJsonAsync<JsonObject>())!;
            directLine.Add(((string)grant["conversationId"]!, (string)grant["token"]!));
        }

        for (var i = 0; i < DirectLineCases; i++)
        {
            var (conversation, token) = directLine[i % directLine.Count];
            var activity = RealisticActivity(random, i);
            Mutate(random, activity);
            var sent = activity.ToJsonString();
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/activities")
            {
                Content = new StringContent(sent, Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var status = (int)(await client.SendAsync(request)).StatusCode;
            if (status >= 500)
            {
                failures.Add($"Direct Line case {i} got {status}: {Shorten(sent)}");
            }
        }

        for (var i = 0; i < SlackCases; i++)
        {
            var interaction = random.Next(3) == 0;
            var payload = interaction ? SlackClick(random) : Envelope($"EvFuzz{i}", SlackEvent(random, i));
            Mutate(random, payload);
            using var request = interaction ? Interaction(payload) : Event(payload);
            var status = (int)(await client.SendAsync(request)).StatusCode;
            if (status >= 500)
            {
                failures.Add($"Slack {(interaction ? "interaction" : "event")} case {i} got {status}: {Shorten(payload.ToJsonString())}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {MessagesCases + DirectLineCases + SlackCases} cases (seed {Seed}) got a 5xx, first:\n" + string.Join('\n', failures.Take(5)));

        // A normal question after the storm is answered as usual.
        await Answered.AfterFuzzAsync(client);

        // What the turn log and the report keep: known channel ids or "other", no user text (transcripts are off).
        var log = factory.Services.GetRequiredService<ITurnLog>();
        IReadOnlyList<TurnRecord> records = [];
        await Poll.UntilAsync(
            () => (records = log.ReadAsync(Now.AddDays(-1), Now.AddDays(1), CancellationToken.None).GetAwaiter().GetResult()).Count > 1000,
            TimeSpan.FromSeconds(20),
            "the turn records");
        Assert.All(records, r => Assert.Contains(r.ChannelId, StoredChannels));
        Assert.All(records, r => Assert.Null(r.Question));
        Assert.Contains(records, r => r.ChannelId == "other");
        var report = OperatorReportBuilder.Build(records, [], Now.AddDays(-1), Now.AddDays(1), 10);
        Assert.All(report.ByChannel, row => Assert.Contains(row.Name, StoredChannels));
        var votes = await factory.Services.GetRequiredService<IFeedbackStore>().ReadAllAsync(CancellationToken.None);
        Assert.NotEmpty(votes);
        Assert.All(votes, v => Assert.Contains(v.ChannelId, StoredChannels));
        Assert.All(votes, v => Assert.Null(v.Comment));
    }

    /// <summary>An activity as one of the channels sends it, of any type the bot may be sent.</summary>
    internal static JsonObject RealisticActivity(Random random, int index)
    {
        var channel = Pick(random, Channels);
        var activity = Activities.Message(Pick(random, ["Do I need a PhD?", "hi", "What does an ML engineer earn?", "reset", "thanks"]), channelId: channel, conversationId: $"fuzz-{index % 200}", id: $"f-{index}", expectReplies: random.Next(10) != 0);
        activity["from"] = new JsonObject { ["id"] = $"user-{index % 300}", ["name"] = "User", ["aadObjectId"] = "6e6d9a2b-3c41-4f5e-8a7d-2b9c0e1f4a35" };
        activity["entities"] = new JsonArray(
            new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["platform"] = "Web" },
            new JsonObject { ["type"] = "mention", ["text"] = "<at>CareerBot</at>", ["mentioned"] = new JsonObject { ["id"] = "bot-1", ["name"] = "CareerBot" } });
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" }, ["source"] = new JsonObject { ["name"] = "message" } };
        activity["conversation"]!["conversationType"] = Pick(random, ["personal", "channel", "groupChat"]);
        switch (random.Next(12))
        {
            case 0:
                activity["type"] = "conversationUpdate";
                activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "user-1", ["name"] = "User" }, new JsonObject { ["id"] = "bot-1", ["name"] = "CareerBot" });
                activity["membersRemoved"] = new JsonArray();
                break;
            case 1:
                activity["type"] = "invoke";
                activity["name"] = "adaptiveCard/action";
                activity["value"] = new JsonObject
                {
                    ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "feedback", ["data"] = new JsonObject { ["action"] = "feedback", ["helpful"] = random.Next(2) == 0, ["replyId"] = "reply-1", ["comment"] = "a comment" } },
                    ["trigger"] = "manual",
                };
                break;
            case 2:
                activity["type"] = "invoke";
                activity["name"] = "message/submitAction";
                activity["replyToId"] = "reply-1";
                activity["value"] = new JsonObject
                {
                    ["actionName"] = "feedback",
                    ["actionValue"] = new JsonObject { ["reaction"] = Pick(random, ["like", "dislike"]), ["feedback"] = "{\"feedbackText\":\"helpful\"}" },
                };
                break;
            case 3:
                activity["type"] = "invoke";
                activity["name"] = Pick(random, ["composeExtension/query", "task/fetch", "signin/verifyState", "config/fetch"]);
                activity["value"] = new JsonObject { ["commandId"] = "x", ["parameters"] = new JsonArray(new JsonObject { ["name"] = "q", ["value"] = "phd" }) };
                break;
            case 4:
                activity["type"] = "messageReaction";
                activity["replyToId"] = "reply-1";
                activity["reactionsAdded"] = new JsonArray(new JsonObject { ["type"] = Pick(random, ["like", "heart", "angry", "+1"]) });
                activity["reactionsRemoved"] = new JsonArray(new JsonObject { ["type"] = "laugh" });
                break;
            case 5:
                activity["type"] = "event";
                activity["name"] = "webchat:activity-status/feedback";
                activity["replyToId"] = "reply-1";
                activity["entities"] = new JsonArray(new JsonObject { ["@type"] = Pick(random, ["LikeAction", "DislikeAction"]), ["@id"] = "careerbot-vote:0123456789abcdef", ["actionStatus"] = "CompletedActionStatus" });
                break;
            case 6:
                activity["type"] = "event";
                activity["name"] = Pick(random, ["webchat/join", "tokens/response", "x"]);
                activity["value"] = new JsonObject { ["language"] = "en-US" };
                break;
            case 7:
                activity["type"] = "installationUpdate";
                activity["action"] = Pick(random, ["add", "remove"]);
                break;
            case 8:
                activity["type"] = Pick(random, ["typing", "endOfConversation", "messageUpdate", "unknownType"]);
                break;
            case 9:
                // A card submit (Action.Submit) carrying the feedback data.
                activity["text"] = null;
                activity["value"] = new JsonObject { ["action"] = "feedback", ["helpful"] = random.Next(2) == 0, ["replyId"] = "reply-1", ["comment"] = "a comment" };
                break;
            case 10:
                activity["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "image/png", ["contentUrl"] = "https://example.invalid/a.png", ["name"] = "a.png" });
                break;
            default:
                break; // a plain message
        }

        return activity;
    }

    /// <summary>A message or mention event for the bot, as Slack delivers it.</summary>
    private static JsonObject SlackEvent(Random random, int index)
    {
        var ts = $"1763888{index:D3}.{index:D6}";
        var ev = random.Next(2) == 0 ? DirectMessage("Do I need a PhD?", ts: ts, user: $"U{index % 50}") : Mention($"<@{BotUser}> Do I need a PhD?", ts: ts);
        ev["blocks"] = new JsonArray(new JsonObject
        {
            ["type"] = "rich_text",
            ["elements"] = new JsonArray(new JsonObject { ["type"] = "rich_text_section", ["elements"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "Do I need a PhD?" }) }),
        });
        return ev;
    }

    private static JsonObject SlackClick(Random random) =>
        Click(Pick(random, ["How is the role different from a data scientist?", "Do I need a PhD?"]), random.Next(3), DirectChannel, "1763888400.000100");

    /// <summary>
    /// Replaces one to four values anywhere in the tree — a member of a nested object or an item of
    /// an array, the root's members included — with a hostile value.
    /// </summary>
    internal static void Mutate(Random random, JsonObject root)
    {
        for (var m = random.Next(1, 5); m > 0; m--)
        {
            var places = new List<(JsonNode Parent, object Key)>();
            Collect(root, places);
            var (parent, key) = places[random.Next(places.Count)];
            var value = Hostile(random, 0);
            if (parent is JsonObject obj)
            {
                obj[(string)key] = value;
            }
            else if (parent is JsonArray array)
            {
                if (random.Next(4) == 0)
                {
                    array.Add(value); // one more item, of another shape
                }
                else
                {
                    array[(int)key] = value;
                }
            }
        }
    }

    private static void Collect(JsonNode node, List<(JsonNode Parent, object Key)> places)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    places.Add((obj, key));
                    if (child is not null)
                    {
                        Collect(child, places);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    places.Add((array, i));
                    if (array[i] is { } child)
                    {
                        Collect(child, places);
                    }
                }

                break;
        }
    }

    private static JsonNode? Hostile(Random random, int depth) => random.Next(depth > 1 ? 8 : 11) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(3) == 0 ? -1 : random.Next()),
        2 => JsonValue.Create(random.Next(2) == 0),
        3 => JsonValue.Create(1e308),
        4 or 5 => JsonValue.Create(Pick(random, Strings)),
        6 => new JsonObject(),
        7 => new JsonArray(),
        8 => new JsonArray(Hostile(random, depth + 1), Hostile(random, depth + 1)),
        9 => new JsonObject { ["type"] = Pick(random, Strings), ["id"] = Pick(random, Strings), ["name"] = Hostile(random, depth + 1), ["text"] = Hostile(random, depth + 1) },
        _ => new JsonArray(null, JsonValue.Create(1), new JsonObject { ["type"] = null }),
    };

    private static string Shorten(string json) => json.Length <= 600 ? json : json[..600] + "…";

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    /// <summary>The system clock, except that Slack's signed timestamps (fixed at the tests' "now") stay fresh.</summary>
    private sealed class SlackClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
