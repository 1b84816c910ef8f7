using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CareerBot.Bot.Channels.Slack;

namespace CareerBot.Bot.Tests.Channels.Slack;

/// <summary>Requests as Slack sends them: Events API envelopes and interaction payloads, signed.</summary>
internal static class SlackRequests
{
    public const string Secret = "test-signing-secret";
    public const string Token = "xoxb-test-bot-token";
    public const string Team = "T0TEAM";
    public const string BotUser = "U0BOT";
    public const string User = "U0ALICE";
    public const string DirectChannel = "D0ALICE";

    /// <summary>The tests' clock: Slack's timestamps are signed against it.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static HttpRequestMessage Signed(string route, string body, string contentType = "application/json", DateTimeOffset? at = null, string secret = Secret)
    {
        var timestamp = (at ?? Now).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(secret, timestamp, Encoding.UTF8.GetBytes(body)));
        return request;
    }

    public static HttpRequestMessage Event(JsonObject envelope, int? retryNum = null)
    {
        var request = Signed("/api/slack", envelope.ToJsonString());
        if (retryNum is { } n)
        {
            request.Headers.Add("X-Slack-Retry-Num", n.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return request;
    }

    /// <summary>Form-encoded as Slack sends it (spaces as '+').</summary>
    public static HttpRequestMessage Interaction(JsonObject payload) =>
        Signed("/api/slack/interactions", "payload=" + WebUtility.UrlEncode(payload.ToJsonString()), "application/x-www-form-urlencoded");

    /// <summary>An <c>event_callback</c> envelope around <paramref name="ev"/>, delivered for the bot user.</summary>
    public static JsonObject Envelope(string eventId, JsonObject ev) => new()
    {
        ["token"] = "deprecated-verification-token",
        ["team_id"] = Team,
        ["api_app_id"] = "A0APP",
        ["event"] = ev,
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = Now.ToUnixTimeSeconds(),
        ["authorizations"] = new JsonArray(new JsonObject { ["enterprise_id"] = null, ["team_id"] = Team, ["user_id"] = BotUser, ["is_bot"] = true, ["is_enterprise_install"] = false }),
        ["is_ext_shared_channel"] = false,
    };

    /// <summary>A direct message to the bot (<c>message.im</c>).</summary>
    public static JsonObject DirectMessage(string text, string ts = "1763888400.000100", string? threadTs = null, string user = User) => WithoutNulls(new()
    {
        ["type"] = "message",
        ["channel"] = DirectChannel,
        ["user"] = user,
        ["text"] = text,
        ["ts"] = ts,
        ["thread_ts"] = threadTs,
        ["event_ts"] = ts,
        ["channel_type"] = "im",
        ["team"] = Team,
    });

    /// <summary>An <c>app_mention</c> in a public channel.</summary>
    public static JsonObject Mention(string text, string channel = "C0GENERAL", string ts = "1763888500.000200", string? threadTs = null) => WithoutNulls(new()
    {
        ["type"] = "app_mention",
        ["user"] = User,
        ["text"] = text,
        ["ts"] = ts,
        ["thread_ts"] = threadTs,
        ["channel"] = channel,
        ["event_ts"] = ts,
        ["team"] = Team,
    });

    /// <summary>A <c>block_actions</c> click on the bot's suggestion button <paramref name="index"/> in a threaded reply.</summary>
    public static JsonObject Click(string question, int index, string channel, string threadTs, string messageTs = "1700000000.000001") => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = User, ["username"] = "alice", ["team_id"] = Team },
        ["api_app_id"] = "A0APP",
        ["token"] = "deprecated-verification-token",
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = channel, ["is_ephemeral"] = false, ["thread_ts"] = threadTs },
        ["trigger_id"] = "123.456.abc",
        ["team"] = new JsonObject { ["id"] = Team, ["domain"] = "example" },
        ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "directmessage" },
        ["message"] = new JsonObject { ["type"] = "message", ["user"] = BotUser, ["bot_id"] = "B0BOT", ["ts"] = messageTs, ["thread_ts"] = threadTs, ["text"] = "…" },
        ["response_url"] = "https://hooks.slack.invalid/actions/T0TEAM/1/abc",
        ["actions"] = new JsonArray(new JsonObject
        {
            ["action_id"] = $"careerbot_suggestion_{index}",
            ["block_id"] = "careerbot_suggestions",
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = question, ["emoji"] = true },
            ["value"] = question,
            ["type"] = "button",
            ["action_ts"] = "1700000100.123456",
        }),
    };

    /// <summary>Slack leaves absent fields out rather than sending null.</summary>
    private static JsonObject WithoutNulls(JsonObject json)
    {
        foreach (var key in json.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            json.Remove(key);
        }

        return json;
    }
}
