using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CareerBot.Bot.Channels.Slack;
using Microsoft.Extensions.DependencyInjection;
using static CareerBot.Bot.Tests.Channels.Slack.SlackRequests;

namespace CareerBot.Bot.Tests.Channels.Slack;

/// <summary>
/// <c>/api/slack</c> and <c>/api/slack/interactions</c> end to end: signed requests in, the
/// exact <c>chat.postMessage</c> calls a fake Slack Web API on 127.0.0.1 receives out.
/// </summary>
public sealed class SlackEndpointTests
{
    /// <summary>What the small test knowledge base answers to "Do I need a PhD?", in mrkdwn.</summary>
    private const string PhdAnswer =
        "A PhD is not required for most machine learning engineer jobs. A bachelor's degree and a strong portfolio are enough for many employers. [1]\n\n"
        + "Employers expect a Master's or PhD in computer science or a related field. [2]\n\n"
        + "[1] *Guide A*, Frequently asked questions &gt; Do I need a PhD?\n"
        + "[2] *Guide B*, Required education";

    private const string PhdSuggestion = "How is the role different from a data scientist?";

    [Fact]
    public async Task DirectMessage_Signed_IsAcknowledgedThenAnsweredInItsThreadWithMrkdwnAndButtons()
    {
        await using var env = await SlackEnv.StartAsync();

        var response = await env.Client.SendAsync(Event(Envelope("Ev01", DirectMessage("Do I need a PhD?", ts: "1763888400.000100"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var post = Assert.Single(await env.Slack.WaitForPostsAsync(1));
        Assert.Equal("chat.postMessage", post.Method);
        Assert.Equal("Bearer " + Token, post.Authorization);
        Assert.Equal("application/json; charset=utf-8", post.ContentType);
        var expected = new JsonObject
        {
            ["channel"] = DirectChannel,
            ["text"] = PhdAnswer,
            ["thread_ts"] = "1763888400.000100",
            ["blocks"] = new JsonArray(
                new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = PhdAnswer } },
                new JsonObject
                {
                    ["type"] = "actions",
                    ["block_id"] = "careerbot_suggestions",
                    ["elements"] = new JsonArray(new JsonObject
                    {
                        ["type"] = "button",
                        ["action_id"] = "careerbot_suggestion_0",
                        ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = PhdSuggestion },
                        ["value"] = PhdSuggestion,
                    }),
                }),
        };
        Assert.True(JsonNode.DeepEquals(expected, post.Body), post.Body.ToJsonString());
    }

    [Fact]
    public async Task DirectMessage_InAThread_IsAnsweredInThatThread()
    {
        await using var env = await SlackEnv.StartAsync();

        await env.Client.SendAsync(Event(Envelope("Ev01", DirectMessage("Do I need a PhD?", ts: "1763888460.000300", threadTs: "1763888400.000100"))));

        var post = Assert.Single(await env.Slack.WaitForPostsAsync(1));
        Assert.Equal(DirectChannel, (string?)post.Body["channel"]);
        Assert.Equal("1763888400.000100", (string?)post.Body["thread_ts"]);
        Assert.Equal(PhdAnswer, (string?)post.Body["text"]);
    }

    [Fact]
    public async Task AppMention_LeadingBotMentionIsStripped_AnsweredInTheChannelThread()
    {
        await using var env = await SlackEnv.StartAsync();

        var response = await env.Client.SendAsync(Event(Envelope("Ev01", Mention($"<@{BotUser}> Do I need a PhD?", channel: "C0GENERAL", ts: "1763888500.000200"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = Assert.Single(await env.Slack.WaitForPostsAsync(1));
        Assert.Equal("C0GENERAL", (string?)post.Body["channel"]);
        Assert.Equal("1763888500.000200", (string?)post.Body["thread_ts"]);
        Assert.Equal(PhdAnswer, (string?)post.Body["text"]);
    }

    [Fact]
    public async Task UrlVerification_Signed_EchoesTheChallenge()
    {
        await using var env = await SlackEnv.StartAsync();
        var body = new JsonObject { ["token"] = "deprecated", ["challenge"] = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", ["type"] = "url_verification" };

        var response = await env.Client.SendAsync(Event(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("bad signature")]
    [InlineData("other secret")]
    [InlineData("body changed after signing")]
    [InlineData("timestamp 301 s old")]
    [InlineData("timestamp 301 s ahead")]
    [InlineData("no timestamp header")]
    [InlineData("no signature header")]
    [InlineData("no headers")]
    [InlineData("timestamp not a number")]
    public async Task Event_NotProperlySigned_Is401AndNotAnswered(string flaw)
    {
        await using var env = await SlackEnv.StartAsync();
        var body = Envelope("Ev01", DirectMessage("Do I need a PhD?")).ToJsonString();
        using var request = flaw switch
        {
            "other secret" => Signed("/api/slack", body, secret: "another-secret"),
            "timestamp 301 s old" => Signed("/api/slack", body, at: Now.AddSeconds(-301)),
            "timestamp 301 s ahead" => Signed("/api/slack", body, at: Now.AddSeconds(301)),
            _ => Signed("/api/slack", body),
        };
        switch (flaw)
        {
            case "bad signature":
                request.Headers.Remove(SlackSignature.SignatureHeader);
                request.Headers.Add(SlackSignature.SignatureHeader, "v0=" + new string('0', 64));
                break;
            case "body changed after signing":
                request.Content = new StringContent(body.Replace("PhD", "MBA", StringComparison.Ordinal), Encoding.UTF8, "application/json");
                break;
            case "no timestamp header":
                request.Headers.Remove(SlackSignature.TimestampHeader);
                break;
            case "no signature header":
                request.Headers.Remove(SlackSignature.SignatureHeader);
                break;
            case "no headers":
                request.Headers.Remove(SlackSignature.TimestampHeader);
                request.Headers.Remove(SlackSignature.SignatureHeader);
                break;
            case "timestamp not a number":
                request.Headers.Remove(SlackSignature.TimestampHeader);
                request.Headers.Add(SlackSignature.TimestampHeader, "soon");
                break;
        }

        var response = await env.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(env.Bot.Logs.Events, e => e.EventId == 2600);
        await env.AnsweredOnlyTheBarrierAsync();
    }

    [Fact]
    public async Task Event_TimestampAtTheEdgeOfTheReplayWindow_IsAccepted()
    {
        await using var env = await SlackEnv.StartAsync();

        var response = await env.Client.SendAsync(Signed("/api/slack", Envelope("Ev01", DirectMessage("Do I need a PhD?")).ToJsonString(), at: Now.AddSeconds(-300)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await env.Slack.WaitForPostsAsync(1));
    }

    [Fact]
    public async Task Interaction_NotSigned_Is401()
    {
        await using var env = await SlackEnv.StartAsync();
        using var request = Interaction(Click("Do I need a PhD?", 0, DirectChannel, "1763888400.000100"));
        request.Headers.Remove(SlackSignature.SignatureHeader);

        var response = await env.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await env.AnsweredOnlyTheBarrierAsync();
    }

    /// <summary>A signed click whose actions list holds a null before the button: it answered 500 before nulls were skipped.</summary>
    [Fact]
    public async Task Interaction_NullBeforeTheButton_IsAnsweredInTheThread()
    {
        await using var env = await SlackEnv.StartAsync();
        var click = Click("Do I need a PhD?", 0, DirectChannel, "1763888400.000100");
        click["actions"]!.AsArray().Insert(0, null);

        var response = await env.Client.SendAsync(Interaction(click));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = Assert.Single(await env.Slack.WaitForPostsAsync(1));
        Assert.Equal(PhdAnswer, (string?)post.Body["text"]);
        Assert.Equal("1763888400.000100", (string?)post.Body["thread_ts"]);
    }

    [Fact]
    public async Task Routes_NoSigningSecret_Are404()
    {
        await using var env = await SlackEnv.StartAsync(new() { ["Slack:SigningSecret"] = string.Empty, ["Slack:BotToken"] = string.Empty });

        var events = await env.Client.SendAsync(Event(Envelope("Ev01", DirectMessage("Do I need a PhD?"))));
        var interactions = await env.Client.SendAsync(Interaction(Click("Do I need a PhD?", 0, DirectChannel, "1763888400.000100")));

        Assert.Equal(HttpStatusCode.NotFound, events.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, interactions.StatusCode);
        Assert.DoesNotContain(env.Bot.Logs.Events, e => e.EventId == 2604);
    }

    [Fact]
    public async Task Event_BodyOverTheLimit_Is413()
    {
        await using var env = await SlackEnv.StartAsync(new() { ["Slack:MaxBodyBytes"] = "1024" });

        var response = await env.Client.SendAsync(Event(Envelope("Ev01", DirectMessage(new string('a', 1100)))));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Event_RetriedAndDuplicated_IsAcknowledgedEachTimeButAnsweredOnce()
    {
        await using var env = await SlackEnv.StartAsync();
        var envelope = Envelope("Ev01", DirectMessage("Do I need a PhD?"));

        var first = await env.Client.SendAsync(Event(envelope));
        var retry = await env.Client.SendAsync(Event(envelope, retryNum: 1));
        var duplicate = await env.Client.SendAsync(Event(envelope));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], [first.StatusCode, retry.StatusCode, duplicate.StatusCode]);
        Assert.Equal(["retry 1", "retry 0"], env.Bot.Logs.Events.Where(e => e.EventId == 2602).Select(e => e.Message[(e.Message.IndexOf("retry", StringComparison.Ordinal))..e.Message.IndexOf(')', StringComparison.Ordinal)]));
        await env.AnsweredOnlyTheBarrierAsync(alsoAnswered: "1763888400.000100");
    }

    [Fact]
    public async Task Event_ARetryOfAnEventNotSeenBefore_IsAnswered()
    {
        await using var env = await SlackEnv.StartAsync();

        await env.Client.SendAsync(Event(Envelope("Ev01", DirectMessage("Do I need a PhD?")), retryNum: 2));

        Assert.Equal("1763888400.000100", (string?)Assert.Single(await env.Slack.WaitForPostsAsync(1)).Body["thread_ts"]);
    }

    [Fact]
    public async Task Events_FromBotsEditsTheBotItselfAndChannelMessages_AreIgnored()
    {
        await using var env = await SlackEnv.StartAsync();
        var fromBot = DirectMessage("I am another bot", ts: "1763888401.000001");
        fromBot["bot_id"] = "B0OTHER";
        var edited = DirectMessage("Do I need a PhD?", ts: "1763888402.000001");
        edited["subtype"] = "message_changed";
        var botMessage = DirectMessage("Do I need a PhD?", ts: "1763888403.000001");
        botMessage["subtype"] = "bot_message";
        var own = DirectMessage("No. A PhD is not required", ts: "1763888404.000001", user: BotUser);
        var channelMessage = DirectMessage("Do I need a PhD?", ts: "1763888405.000001");
        channelMessage["channel_type"] = "channel";
        var ownMention = Mention($"<@{BotUser}> talking to myself", ts: "1763888406.000001");
        ownMention["user"] = BotUser;

        JsonObject[] events = [fromBot, edited, botMessage, own, channelMessage, ownMention];
        for (var i = 0; i < events.Length; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await env.Client.SendAsync(Event(Envelope($"EvIgnored{i}", events[i])))).StatusCode);
        }

        Assert.Equal(6, env.Bot.Logs.Events.Count(e => e.EventId == 2603));
        await env.AnsweredOnlyTheBarrierAsync();
    }

    [Fact]
    public async Task Interaction_SuggestionButtonClicked_AsksThatQuestionInTheSameThread()
    {
        await using var env = await SlackEnv.StartAsync();

        var response = await env.Client.SendAsync(Interaction(Click("Do I need a PhD?", 2, DirectChannel, "1763888400.000100")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = Assert.Single(await env.Slack.WaitForPostsAsync(1));
        Assert.Equal("Bearer " + Token, post.Authorization);
        Assert.Equal(DirectChannel, (string?)post.Body["channel"]);
        Assert.Equal("1763888400.000100", (string?)post.Body["thread_ts"]);
        Assert.Equal(PhdAnswer, (string?)post.Body["text"]);
    }

    [Fact]
    public async Task Interaction_ReplayedPayload_IsAcknowledgedEachTimeButAnsweredOnce()
    {
        await using var env = await SlackEnv.StartAsync();
        var click = Click("Do I need a PhD?", 2, DirectChannel, "1763888400.000100");

        var first = await env.Client.SendAsync(Interaction(click));
        var replayed = await env.Client.SendAsync(Interaction(click));
        var again = await env.Client.SendAsync(Interaction(click));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], [first.StatusCode, replayed.StatusCode, again.StatusCode]);
        Assert.Equal(2, env.Bot.Logs.Events.Count(e => e.EventId == 2605));
        await env.AnsweredOnlyTheBarrierAsync(alsoAnswered: "1763888400.000100");
    }

    [Fact]
    public async Task Interaction_ASecondClickOfTheSameButton_IsAnsweredAgain()
    {
        await using var env = await SlackEnv.StartAsync();
        var click = Click("Do I need a PhD?", 2, DirectChannel, "1763888400.000100");
        var secondClick = Click("Do I need a PhD?", 2, DirectChannel, "1763888400.000100");
        secondClick["trigger_id"] = "789.012.def";
        secondClick["actions"]![0]!["action_ts"] = "1700000200.654321";

        await env.Client.SendAsync(Interaction(click));
        await env.Client.SendAsync(Interaction(secondClick));

        await env.AnsweredOnlyTheBarrierAsync(alsoAnswered: ["1763888400.000100", "1763888400.000100"]);
    }

    [Fact]
    public async Task Interaction_OtherButtonOrType_IsAcknowledgedAndIgnored()
    {
        await using var env = await SlackEnv.StartAsync();
        var otherButton = Click("Do I need a PhD?", 0, DirectChannel, "1763888400.000100");
        otherButton["actions"]![0]!["block_id"] = "someone_elses_block";
        var shortcut = new JsonObject { ["type"] = "shortcut", ["callback_id"] = "x", ["user"] = new JsonObject { ["id"] = User } };

        Assert.Equal(HttpStatusCode.OK, (await env.Client.SendAsync(Interaction(otherButton))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await env.Client.SendAsync(Interaction(shortcut))).StatusCode);

        await env.AnsweredOnlyTheBarrierAsync();
    }

    [Fact]
    public async Task Post_RateLimitedWithRetryAfter_IsRetriedAfterThatDelayAndPostedOnce()
    {
        await using var env = await SlackEnv.StartAsync();
        env.Slack.FailNext(429, retryAfterSeconds: 1);

        await env.Client.SendAsync(Event(Envelope("Ev01", DirectMessage("Do I need a PhD?"))));

        var post = Assert.Single(await env.Slack.WaitForPostsAsync(1));
        var calls = env.Slack.Calls.ToArray();
        Assert.Equal(2, calls.Length);
        Assert.True(JsonNode.DeepEquals(calls[0].Body, post.Body));
        Assert.True(Stopwatch.GetElapsedTime(calls[0].At, calls[1].At) >= TimeSpan.FromMilliseconds(900), "the retry waited for Retry-After");
    }

    [Fact]
    public async Task Post_ServerKeepsFailing_GivesUpAfterTheRetryBudgetAndLogsTheEventWithoutSecrets()
    {
        // Everything logged, HttpClient's request and header lines included.
        await using var env = await SlackEnv.StartAsync(new() { ["Logging:LogLevel:Default"] = "Trace" });
        for (var i = 0; i < 5; i++)
        {
            env.Slack.FailNext(500);
        }

        await env.Client.SendAsync(Event(Envelope("Ev0FAIL", DirectMessage("Do I need a PhD?"))));

        await Poll.UntilAsync(() => env.Bot.Logs.Events.Any(e => e.EventId == 2611), TimeSpan.FromSeconds(15), "the give-up log line");
        Assert.Equal(4, env.Slack.Calls.Count);
        Assert.Empty(env.Slack.Posted);
        var line = Assert.Single(env.Bot.Logs.Events, e => e.EventId == 2611);
        Assert.Equal("Slack chat.postMessage answered HTTP 500 after retries for event Ev0FAIL; the reply is dropped", line.Message);
        Assert.DoesNotContain(env.Bot.Logs.Events, e => e.Message.Contains(Token, StringComparison.Ordinal) || e.Message.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_SlackAnswersOkFalse_LogsTheErrorWithTheEventId()
    {
        await using var env = await SlackEnv.StartAsync();
        env.Slack.ErrorNext("channel_not_found");

        await env.Client.SendAsync(Event(Envelope("Ev0NOCHAN", DirectMessage("Do I need a PhD?"))));

        await Poll.UntilAsync(() => env.Bot.Logs.Events.Any(e => e.EventId == 2610), TimeSpan.FromSeconds(15), "the API error log line");
        Assert.Equal("Slack chat.postMessage answered ok:false (channel_not_found) for event Ev0NOCHAN; the reply is dropped", Assert.Single(env.Bot.Logs.Events, e => e.EventId == 2610).Message);
        Assert.Single(env.Slack.Calls);
    }

    [Fact]
    public async Task Event_QueueFull_IsAcknowledgedAndLogged()
    {
        await using var env = await SlackEnv.StartAsync(new() { ["Slack:QueueCapacity"] = "1" });
        env.Slack.Close();

        await env.Client.SendAsync(Event(Envelope("Ev01", DirectMessage("Do I need a PhD?", ts: "1763888401.000001"))));
        await Poll.UntilAsync(() => env.Slack.Calls.Count == 1, TimeSpan.FromSeconds(15), "the first answer on its way");
        var queued = await env.Client.SendAsync(Event(Envelope("Ev02", DirectMessage("Do I need a PhD?", ts: "1763888402.000001"))));
        var overflow = await env.Client.SendAsync(Event(Envelope("Ev03", DirectMessage("Do I need a PhD?", ts: "1763888403.000001"))));
        env.Slack.Open();
        await env.Slack.WaitForPostsAsync(2);

        Assert.Equal(HttpStatusCode.OK, queued.StatusCode);
        Assert.Equal(HttpStatusCode.OK, overflow.StatusCode);
        Assert.Equal("Slack queue is full: event Ev03 was acknowledged but will not be answered", Assert.Single(env.Bot.Logs.Events, e => e.EventId == 2601).Message);
        await env.AnsweredOnlyTheBarrierAsync(alsoAnswered: ["1763888401.000001", "1763888402.000001"]);
    }

    [Fact]
    public async Task Shutdown_WithQuestionsQueued_AnswersThemBeforeStopping()
    {
        await using var env = await SlackEnv.StartAsync();
        env.Slack.Close();
        for (var i = 1; i <= 3; i++)
        {
            await env.Client.SendAsync(Event(Envelope($"Ev0{i}", DirectMessage("Do I need a PhD?", ts: $"176388840{i}.000001"))));
        }

        await Poll.UntilAsync(() => env.Slack.Calls.Count == 1, TimeSpan.FromSeconds(15), "the first answer on its way");
        var queue = env.Bot.Services.GetRequiredService<SlackTurnQueue>();
        var stopping = Task.Run(async () => await env.Bot.DisposeAsync());
        await Poll.UntilAsync(() => queue.Closed, TimeSpan.FromSeconds(15), "the queue to close");
        env.Slack.Open();
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["1763888401.000001", "1763888402.000001", "1763888403.000001"], env.Slack.Posted.Select(p => (string?)p.Body["thread_ts"]));
        Assert.DoesNotContain(env.Bot.Logs.Events, e => e.EventId == 2621);
    }

    [Theory]
    [InlineData("Slack:BotToken", "", "Slack:BotToken")]
    [InlineData("Slack:ApiBaseUrl", "ftp://slack.example/api/", "Slack:ApiBaseUrl")]
    [InlineData("Slack:ApiBaseUrl", "http://slack.example/api/", "Slack:ApiBaseUrl")]
    [InlineData("Slack:ReplayWindow", "02:00:00", "ReplayWindow")]
    [InlineData("Slack:DedupeWindow", "00:05:00", "Slack:DedupeWindow")]
    [InlineData("Slack:QueueCapacity", "0", "QueueCapacity")]
    public void Start_BadSlackSetting_FailsNamingTheKey(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        settings.TryAdd("Slack:SigningSecret", Secret);
        settings.TryAdd("Slack:BotToken", Token);

        var ex = StartupValidation.Failure(settings);

        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }

    private static BotFactory Bot(FakeSlackApi slack, TimeProvider clock, Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        settings.TryAdd("Slack:SigningSecret", Secret);
        settings.TryAdd("Slack:BotToken", Token);
        settings.TryAdd("Slack:ApiBaseUrl", slack.BaseUrl);
        settings.TryAdd("Slack:ApiRetries", "3");
        settings.TryAdd("Slack:ApiRetryDelay", "00:00:00.010");
        settings.TryAdd("Slack:MaxConcurrentTurns", "1"); // one worker: questions are answered in the order they came
        settings.TryAdd("Logging:LogLevel:CareerBot.Bot.Channels.Slack", "Debug"); // ignored events are logged at Debug
        return new BotFactory(settings, services => services.AddSingleton(clock));
    }

    /// <summary>A fake Slack Web API and the bot pointed at it, on the tests' clock.</summary>
    [Fact]
    public async Task MutatedRequests_NeverGetA5xx_AndTheBotStillAnswers()
    {
        await using var env = await SlackEnv.StartAsync();
        var random = new Random(20261124);
        string[] strings = ["", "\"", "{", "<@U0BOT>", "<script>alert(1)</script>", "\uD800", "\u202Esalary", "NEAR(a b)", new string('x', 5000), "Do I need a PhD?", "null", "[]"];
        for (var i = 0; i < 2_000; i++)
        {
            var envelope = Envelope($"EvFuzz{i}", DirectMessage(strings[random.Next(strings.Length)], ts: $"17638{i:D5}.000100"));
            var ev = envelope["event"]!.AsObject();
            switch (random.Next(8))
            {
                case 0:
                    ev[new[] { "type", "channel", "user", "ts", "thread_ts", "channel_type", "subtype", "bot_id" }[random.Next(8)]] = random.Next(2) == 0 ? null : (JsonNode)new JsonArray(1, 2);
                    break;
                case 1:
                    envelope["type"] = strings[random.Next(strings.Length)];
                    break;
                case 2:
                    envelope["event"] = strings[random.Next(strings.Length)];
                    break;
                case 3:
                    envelope["authorizations"] = new JsonObject { ["user_id"] = new JsonArray() };
                    break;
                case 4:
                    {
                        // Signed but truncated: malformed JSON from a valid signer.
                        var json = envelope.ToJsonString();
                        var response = await env.Client.SendAsync(Signed("/api/slack", json[..random.Next(json.Length)]));
                        Assert.True((int)response.StatusCode < 500, $"Slack case {i}: {(int)response.StatusCode}");
                        continue;
                    }

                case 5:
                    {
                        var response = await env.Client.SendAsync(Signed("/api/slack/interactions", "payload=" + Uri.EscapeDataString(strings[random.Next(strings.Length)]), "application/x-www-form-urlencoded"));
                        Assert.True((int)response.StatusCode < 500, $"Slack interaction case {i}: {(int)response.StatusCode}");
                        continue;
                    }

                case 6:
                    {
                        var unsigned = new HttpRequestMessage(HttpMethod.Post, "/api/slack") { Content = new StringContent(envelope.ToJsonString(), Encoding.UTF8, "application/json") };
                        unsigned.Headers.TryAddWithoutValidation("X-Slack-Signature", strings[random.Next(strings.Length)]);
                        unsigned.Headers.TryAddWithoutValidation("X-Slack-Request-Timestamp", strings[random.Next(strings.Length)]);
                        Assert.Equal(HttpStatusCode.Unauthorized, (await env.Client.SendAsync(unsigned)).StatusCode);
                        continue;
                    }
            }

            var result = await env.Client.SendAsync(Event(envelope));
            Assert.True((int)result.StatusCode < 500, $"Slack case {i} (seed 20261124): {(int)result.StatusCode}");
        }

        // The flood filled the bounded queue (overflow is acknowledged and dropped) and the throttle
        // holds the fuzzing user back; once the queue has room, another user is answered as usual.
        var answered = false;
        for (var attempt = 0; attempt < 30 && !answered; attempt++)
        {
            var ts = $"17638999{attempt:D2}.000999";
            var final = await env.Client.SendAsync(Event(Envelope($"EvAfterFuzz{attempt}", DirectMessage("Do I need a PhD?", ts: ts, user: "U0BOB"))));
            Assert.Equal(HttpStatusCode.OK, final.StatusCode);
            try
            {
                await Poll.UntilAsync(() => env.Slack.Posted.Any(p => (string?)p.Body["thread_ts"] == ts), TimeSpan.FromSeconds(5), "the answer after fuzzing");
                answered = true;
            }
            catch (TimeoutException)
            {
                // Still draining: ask again.
            }
        }

        Assert.True(answered, "a new user is answered after the flood");
    }

    private sealed class SlackEnv : IAsyncDisposable
    {
        private SlackEnv(FakeSlackApi slack, BotFactory bot)
        {
            Slack = slack;
            Bot = bot;
            Client = bot.CreateClient();
        }

        public FakeSlackApi Slack { get; }

        public BotFactory Bot { get; }

        public HttpClient Client { get; }

        public static async Task<SlackEnv> StartAsync(Dictionary<string, string?>? settings = null)
        {
            var slack = await FakeSlackApi.StartAsync();
            return new SlackEnv(slack, SlackEndpointTests.Bot(slack, new ManualTimeProvider(Now), settings));
        }

        /// <summary>
        /// Sends one more question and waits for its answer: with one worker, anything queued
        /// before it was handled by then, so the posts show exactly what was answered.
        /// </summary>
        public async Task AnsweredOnlyTheBarrierAsync(params string[] alsoAnswered)
        {
            var response = await Client.SendAsync(Event(Envelope("EvBarrier", DirectMessage("Do I need a PhD?", ts: "1763889999.000999"))));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var posts = await Slack.WaitForPostsAsync(alsoAnswered.Length + 1);
            Assert.Equal([.. alsoAnswered, "1763889999.000999"], posts.Select(p => (string?)p.Body["thread_ts"]));
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await Bot.DisposeAsync();
            await Slack.DisposeAsync();
        }
    }
}
