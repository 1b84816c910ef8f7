using System.Text.Json;
using System.Text.Json.Nodes;

using CareerBot.Bot.Turns;

namespace CareerBot.Bot.Channels.BotFramework;

/// <summary>
/// A Bot Framework activity read as <see cref="UserInput"/>: the one place that knows the
/// activity types and every feedback wire format the bot's replies can come back in (card data
/// <c>{"action":"feedback"}</c> on a message or in an <c>adaptiveCard/action</c> invoke, Teams'
/// <c>message/submitAction</c> feedback invoke, reactions, Web Chat's like/dislike event with the
/// vote key its buttons carry). Also the invoke's own answer, as the SDKs give it: 200 for the
/// feedback invokes, 501 for any other.
/// </summary>
/// <param name="Inputs">What the person did; empty for activities the bot does nothing with (typing, events, ...).</param>
/// <param name="IsMessage">A message: its inputs are subject to the per-user throttle.</param>
/// <param name="UnhandledInvoke">The name of an invoke the bot has no handler for, answered 501.</param>
internal sealed record ActivityInput(IReadOnlyList<UserInput> Inputs, bool IsMessage = false, InvokeResponse? Response = null, string? UnhandledInvoke = null)
{
    /// <summary>What Web Chat posts when a thumbs button under an answer is pressed.</summary>
    public const string WebChatFeedbackEvent = "webchat:activity-status/feedback";

    private const string VoteKeyPrefix = "careerbot-vote:";

    private static readonly ActivityInput Nothing = new([]);

    public static ActivityInput Read(Activity activity, int maxTextLength)
    {
        ArgumentNullException.ThrowIfNull(activity);
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                return new([Message(activity, maxTextLength)], IsMessage: true);
            case ActivityTypes.ConversationUpdate:
                var botId = activity.Recipient?.Id;
                return activity.MembersAdded is { } added && added.Any(m => m is not null && m.Id != botId) ? new([new Joined()]) : Nothing;
            case ActivityTypes.Invoke:
                return Invoke(activity);
            case ActivityTypes.MessageReaction:
                return new([.. Reactions(activity)]);
            case ActivityTypes.Event when activity.Name == WebChatFeedbackEvent:
                return WebChatVote(activity) is { } vote ? new([vote]) : Nothing;
            case ActivityTypes.EndOfConversation:
                return new([new Ended()]);
            default:
                return Nothing; // typing, other events, installationUpdate, ...: nothing to do
        }
    }

    /// <summary>Marks the vote actions of a rendered answer (Web Chat's Like/Dislike) with the answer's key, which <see cref="Read"/> reads back.</summary>
    public static Activity StampVoteKey(Activity reply, string key)
    {
        ArgumentNullException.ThrowIfNull(reply);
        foreach (var entity in reply.Entities ?? [])
        {
            if (entity["potentialAction"] is JsonArray actions)
            {
                foreach (var action in actions.OfType<JsonObject>())
                {
                    if (Str(action["@type"]) is "LikeAction" or "DislikeAction")
                    {
                        action["@id"] = VoteKeyPrefix + key;
                    }
                }
            }
        }

        return reply;
    }

    /// <summary>Feedback sent as card data: <c>{ "action": "feedback", "helpful": true, "replyId": "..." }</c>.</summary>
    internal static Vote? FeedbackFromValue(JsonNode? value)
    {
        if (value is not JsonObject data || Str(data["action"]) != "feedback")
        {
            return null;
        }

        var helpful = data["helpful"]?.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => Str(data["reaction"]) is "like" or "up",
        };
        return new Vote(helpful, Str(data["replyId"]), Str(data["comment"]));
    }

    private static UserInput Message(Activity activity, int maxTextLength)
    {
        if (FeedbackFromValue(activity.Value) is { } cardFeedback)
        {
            return cardFeedback with { Thank = true };
        }

        return UserInput.Typed(IncomingText.Of(activity, maxTextLength), maxTextLength);
    }

    private static ActivityInput Invoke(Activity activity)
    {
        var value = activity.Value as JsonObject;
        switch (activity.Name)
        {
            // Teams' feedback loop: 200 with an empty body.
            case "message/submitAction" when Str(value?["actionName"]) == "feedback":
                {
                    var actionValue = value?["actionValue"] as JsonObject;
                    var vote = new Vote(Str(actionValue?["reaction"]) == "like", activity.ReplyToId, FeedbackText(Str(actionValue?["feedback"])));
                    return new([vote], Response: new InvokeResponse(200));
                }

            // Adaptive Card Action.Execute (universal actions).
            case "adaptiveCard/action" when FeedbackFromValue((value?["action"] as JsonObject)?["data"]) is { } cardFeedback:
                return new([cardFeedback with { ReplyId = cardFeedback.ReplyId ?? activity.ReplyToId }], Response: new InvokeResponse(200, new JsonObject
                {
                    ["statusCode"] = 200,
                    ["type"] = "application/vnd.microsoft.activity.message",
                    ["value"] = TurnCore.FeedbackThanks,
                }));

            // As the Bot Framework SDKs answer an invoke no handler takes: 501, empty body, so the
            // channel knows the bot has no such feature rather than taking silence for success.
            default:
                return new([], Response: new InvokeResponse(StatusCodes.Status501NotImplemented), UnhandledInvoke: activity.Name ?? "(none)");
        }
    }

    private static IEnumerable<UserInput> Reactions(Activity activity)
    {
        foreach (var reaction in activity.ReactionsAdded ?? [])
        {
            bool? helpful = reaction?.Type switch
            {
                "like" or "plusOne" or "heart" or "laugh" or "+1" => true,
                "dislike" or "angry" or "sad" or "-1" => false,
                _ => null,
            };
            if (helpful is { } h)
            {
                yield return new Vote(h, activity.ReplyToId);
            }
        }
    }

    /// <summary>Web Chat's vote: an event whose entity is the LikeAction or DislikeAction we offered.</summary>
    private static Vote? WebChatVote(Activity activity)
    {
        var action = activity.Entities?.FirstOrDefault(e => e is not null && Str(e["@type"]) is "LikeAction" or "DislikeAction");
        if (action is null)
        {
            return null;
        }

        var key = Str(action["@id"]) is { } id && id.StartsWith(VoteKeyPrefix, StringComparison.Ordinal) ? id[VoteKeyPrefix.Length..] : null;
        return new Vote(Str(action["@type"]) == "LikeAction", activity.ReplyToId, VoteKey: key);
    }

    private static string? FeedbackText(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return Str((JsonNode.Parse(json) as JsonObject)?["feedbackText"]);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Str(JsonNode? node) => node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;
}
