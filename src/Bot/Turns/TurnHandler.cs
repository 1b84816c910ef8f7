using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareerBot.Bot.Operations;
using CareerBot.Bot.Protocol;
using CareerBot.Bot.Rendering;
using CareerBot.Bot.Telemetry;
using CareerBot.Knowledge;
using CareerBot.Knowledge.Answers;
using Span = System.Diagnostics.Activity;

using CareerBot.Bot.State;

namespace CareerBot.Bot.Turns;

/// <summary>
/// Handles one activity, whatever channel it came from: messages go through the answer
/// engine with the conversation's context, new members get one welcome, feedback (card
/// buttons, Teams feedback invokes, reactions) is stored, and the state is saved. Each
/// activity is one "turn" span (channel, type; for messages the intent, whether it was
/// answered and how many citations), with "render" and "reply" spans under it.
/// </summary>
internal sealed partial class TurnHandler(
    KnowledgeProvider knowledge,
    ConversationStateStore states,
    RendererSelector renderers,
    IFeedbackStore feedback,
    UserThrottle throttle,
    ITurnLog turnLog,
    BotMetrics metrics,
    Microsoft.Extensions.Options.IOptions<TranscriptOptions> transcripts,
    Microsoft.Extensions.Options.IOptions<BotOptions> botOptions,
    TurnErrorHandler errors,
    TimeProvider time,
    ILogger<TurnHandler> logger)
{
    public const string FeedbackThanks = "Thanks for your feedback!";

    /// <summary>The one reply a user gets when sending faster than the throttle allows.</summary>
    public const string SlowDown = "You're sending messages faster than I can answer. Please wait a few seconds, then ask again.";

    /// <summary>What Web Chat posts when a thumbs button under an answer is pressed.</summary>
    public const string WebChatFeedbackEvent = "webchat:activity-status/feedback";
    private static readonly string[] ResetWords = ["reset", "start over", "restart", "new conversation", "clear"];

    /// <summary>Handles the activity; returns the invoke response for invokes, null otherwise.</summary>
    public async Task<InvokeResponse?> HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        using var span = BotTelemetry.Source.StartActivity(BotTelemetry.TurnSpan);
        if (span is not null)
        {
            span.SetTag(BotTelemetry.ChannelTag, turn.Channel);
            span.SetTag(BotTelemetry.ActivityTypeTag, BotTelemetry.ActivityType(turn.Activity.Type));
        }

        try
        {
            if (!knowledge.IsLoaded)
            {
                // Arrived while start-up was still loading the knowledge base: answer once it is there.
                await knowledge.WhenLoaded.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            return await DispatchAsync(turn, span, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            BotTelemetry.Failed(span, ex);
            return await errors.HandleAsync(turn, ex, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<InvokeResponse?> DispatchAsync(Turn turn, Span? span, CancellationToken cancellationToken)
    {
        switch (turn.Activity.Type)
        {
            case ActivityTypes.Message:
                await OnMessageAsync(turn, span, cancellationToken).ConfigureAwait(false);
                return null;
            case ActivityTypes.ConversationUpdate:
                await OnConversationUpdateAsync(turn, cancellationToken).ConfigureAwait(false);
                return null;
            case ActivityTypes.Invoke:
                return await OnInvokeAsync(turn, cancellationToken).ConfigureAwait(false);
            case ActivityTypes.MessageReaction:
                await OnReactionAsync(turn, cancellationToken).ConfigureAwait(false);
                return null;
            case ActivityTypes.Event when turn.Activity.Name == WebChatFeedbackEvent:
                await OnWebChatVoteAsync(turn, cancellationToken).ConfigureAwait(false);
                return null;
            case ActivityTypes.EndOfConversation:
                await states.ClearAsync(turn.ChannelId, turn.ConversationId, cancellationToken).ConfigureAwait(false);
                return null;
            default:
                return null; // typing, event, installationUpdate, ...: nothing to do
        }
    }

    private async Task OnMessageAsync(Turn turn, Span? span, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var verdict = throttle.Check(turn.ChannelId + ":" + (turn.Activity.From?.Id ?? turn.ConversationId));
        if (verdict != ThrottleVerdict.Allowed)
        {
            Log.Throttled(logger, turn.Channel, verdict == ThrottleVerdict.Warn);
            metrics.Throttled(turn.Channel);
            span?.SetTag(BotTelemetry.KindTag, "throttled");
            // A throttled question is a decline too, of its own reason: it was not read (nor classified).
            turnLog.Record(new TurnRecord(
                time.GetUtcNow(), turn.Channel, "unclassified", 0, false, [], time.GetElapsedTime(started).TotalMilliseconds, null,
                TurnOutcome.Declined, DeclineReason.Throttled));
            if (verdict == ThrottleVerdict.Warn)
            {
                await turn.ReplyAsync(new Activity { Text = SlowDown }, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var text = IncomingText.Of(turn.Activity);
        if (text.Length > botOptions.Value.MaxTextLength)
        {
            text = text[..botOptions.Value.MaxTextLength]; // long text is read in part, not refused
        }

        if (FeedbackFromValue(turn.Activity.Value) is { } cardFeedback)
        {
            await RecordAsync(turn, cardFeedback.Helpful, cardFeedback.ReplyId, cardFeedback.Comment, cancellationToken).ConfigureAwait(false);
            await turn.ReplyAsync(new Activity { Text = FeedbackThanks }, cancellationToken).ConfigureAwait(false);
            return;
        }

        var engine = knowledge.Current.Engine;
        if (ResetWords.Contains(text.Trim().TrimEnd('.', '!').ToLowerInvariant()))
        {
            await states.ClearAsync(turn.ChannelId, turn.ConversationId, cancellationToken).ConfigureAwait(false);
            await turn.ReplyAsync(Render(turn, engine.StartOver()), cancellationToken).ConfigureAwait(false);
            return;
        }

        var read = await states.ReadForUpdateAsync(turn.ChannelId, turn.ConversationId, cancellationToken).ConfigureAwait(false);
        Answer answer;
        try
        {
            answer = engine.Answer(new Question(text, read.State.Context));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Recorded as a decline for the report, then handled as every turn error is.
            turnLog.Record(new TurnRecord(
                time.GetUtcNow(), turn.Channel, "unclassified", 0, false, [], time.GetElapsedTime(started).TotalMilliseconds, text,
                TurnOutcome.Declined, DeclineReason.Error));
            throw;
        }

        if (span is not null)
        {
            span.SetTag(KnowledgeTelemetry.IntentTag, answer.Intent.Name);
            span.SetTag(BotTelemetry.KindTag, answer.Kind.ToString());
            span.SetTag(BotTelemetry.AnsweredTag, answer.Answered);
            span.SetTag(KnowledgeTelemetry.CitationsTag, answer.Citations.Count);
        }

        // Vote buttons carry a key for this answer, so a thumbs up on an older answer is counted for that answer.
        var voteKey = Guid.NewGuid().ToString("N")[..16];
        var reply = StampVoteKey(Render(turn, botOptions.Value.ShowSourceDates ? WithSourceDates(answer) : answer), voteKey);
        var replyId = await turn.ReplyAsync(reply, cancellationToken).ConfigureAwait(false);
        if (turn.ChannelId == "emulator")
        {
            await turn.ReplyAsync(EmulatorTrace.For(answer), cancellationToken).ConfigureAwait(false);
        }

        Log.Answered(logger, turn.Channel, answer.Intent.Name, answer.Kind.ToString(), answer.Citations.Count);
        var milliseconds = time.GetElapsedTime(started).TotalMilliseconds;
        metrics.Answered(turn.Channel, answer.Intent.Name, answer.Answered, answer.Kind == AnswerKind.Declined, milliseconds);
        var (outcome, reason) = DeclineReason.Of(answer);
        turnLog.Record(new TurnRecord(
            time.GetUtcNow(), turn.Channel, answer.Intent.Name, answer.Intent.Score, answer.Answered,
            answer.Citations.Select(c => c.PassageId).ToArray(), milliseconds, text, outcome, reason, voteKey));
        var record = new AnswerRecord(replyId, answer.Intent.Name, answer.Answered, answer.Citations.Select(c => c.PassageId).ToArray(), voteKey);
        await states.UpdateAsync(read, s => s.Remember(record) with
        {
            Context = answer.Context,
            Turns = s.Turns + 1,
            Welcomed = true,
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task OnConversationUpdateAsync(Turn turn, CancellationToken cancellationToken)
    {
        var botId = turn.Activity.Recipient?.Id;
        if (turn.Activity.MembersAdded is not { } added || !added.Any(m => m.Id != botId))
        {
            return;
        }

        var first = false;
        var stored = await states.UpdateAsync(turn.ChannelId, turn.ConversationId, s =>
        {
            first = !s.Welcomed;
            return s with { Welcomed = true };
        }, cancellationToken).ConfigureAwait(false);
        if (first || !stored)
        {
            var welcome = knowledge.Current.Engine.Welcome();
            await turn.ReplyAsync(Render(turn, welcome), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<InvokeResponse> OnInvokeAsync(Turn turn, CancellationToken cancellationToken)
    {
        var value = turn.Activity.Value as JsonObject;
        switch (turn.Activity.Name)
        {
            // Teams' feedback loop: 200 with an empty body.
            case "message/submitAction" when Str(value?["actionName"]) == "feedback":
                {
                    var actionValue = value?["actionValue"] as JsonObject;
                    var reaction = Str(actionValue?["reaction"]);
                    await RecordAsync(turn, reaction == "like", turn.Activity.ReplyToId, FeedbackText(Str(actionValue?["feedback"])), cancellationToken).ConfigureAwait(false);
                    return new InvokeResponse(200);
                }

            // Adaptive Card Action.Execute (universal actions).
            case "adaptiveCard/action" when FeedbackFromValue((value?["action"] as JsonObject)?["data"]) is { } cardFeedback:
                await RecordAsync(turn, cardFeedback.Helpful, cardFeedback.ReplyId ?? turn.Activity.ReplyToId, cardFeedback.Comment, cancellationToken).ConfigureAwait(false);
                return new InvokeResponse(200, new JsonObject
                {
                    ["statusCode"] = 200,
                    ["type"] = "application/vnd.microsoft.activity.message",
                    ["value"] = FeedbackThanks,
                });

            // As the Bot Framework SDKs answer an invoke no handler takes: 501, empty body, so the
            // channel knows the bot has no such feature rather than taking silence for success.
            default:
                Log.UnhandledInvoke(logger, Truncate(turn.Activity.Name, 64) ?? "(none)");
                return new InvokeResponse(StatusCodes.Status501NotImplemented);
        }
    }

    private async Task OnReactionAsync(Turn turn, CancellationToken cancellationToken)
    {
        foreach (var reaction in turn.Activity.ReactionsAdded ?? [])
        {
            bool? helpful = reaction.Type switch
            {
                "like" or "plusOne" or "heart" or "laugh" or "+1" => true,
                "dislike" or "angry" or "sad" or "-1" => false,
                _ => null,
            };
            if (helpful is { } h)
            {
                await RecordAsync(turn, h, turn.Activity.ReplyToId, null, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Web Chat's vote: an event whose entity is the LikeAction or DislikeAction we offered.</summary>
    private async Task OnWebChatVoteAsync(Turn turn, CancellationToken cancellationToken)
    {
        var action = turn.Activity.Entities?.FirstOrDefault(e => Str(e["@type"]) is "LikeAction" or "DislikeAction");
        if (action is not null)
        {
            var key = Str(action["@id"]) is { } id && id.StartsWith(VoteKeyPrefix, StringComparison.Ordinal) ? id[VoteKeyPrefix.Length..] : null;
            await RecordAsync(turn, Str(action["@type"]) == "LikeAction", turn.Activity.ReplyToId, null, cancellationToken, key).ConfigureAwait(false);
        }
    }

    /// <summary>Stores feedback on the answer with the given reply id (the latest answer when unknown).</summary>
    private async Task RecordAsync(Turn turn, bool helpful, string? replyId, string? comment, CancellationToken cancellationToken, string? voteKey = null)
    {
        var state = await states.ReadAsync(turn.ChannelId, turn.ConversationId, cancellationToken).ConfigureAwait(false);
        var answer = (voteKey is null ? null : state.RecentAnswers.LastOrDefault(a => a.VoteKey == voteKey))
            ?? (replyId is null ? null : state.RecentAnswers.LastOrDefault(a => a.ReplyId == replyId))
            ?? state.RecentAnswers.LastOrDefault(a => a.Answered);
        try
        {
            await feedback.RecordAsync(
                new Feedback(time.GetUtcNow(), turn.Channel, helpful, answer?.Intent ?? "unknown", answer?.PassageIds ?? [], transcripts.Value.Enabled ? Truncate(comment, 500) : null, Vote(turn, answer), answer?.VoteKey),
                cancellationToken).ConfigureAwait(false);
            Log.FeedbackRecorded(logger, turn.Channel, helpful, answer?.Intent ?? "unknown");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.FeedbackFailed(logger, ex);
        }
    }

    /// <summary>The channel's rendering of an answer, in a "render" span.</summary>
    private Activity Render(Turn turn, Answer answer)
    {
        using var span = BotTelemetry.Source.StartActivity(BotTelemetry.RenderSpan);
        return TeamsRenderer.ForConversation(renderers.Render(turn.ChannelId, answer), turn.ChannelId, turn.Activity.Conversation?.ConversationType);
    }

    /// <summary>Feedback sent as card data: <c>{ "action": "feedback", "helpful": true, "replyId": "..." }</c>.</summary>
    /// <summary>
    /// One person's vote on one answer: the channel, conversation and user with the answer's vote key,
    /// hashed. None when the answer is not known (nothing to replace).
    /// </summary>
    private static string? Vote(Turn turn, AnswerRecord? answer) =>
        answer?.VoteKey is { } key
            ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', turn.ChannelId, turn.ConversationId, turn.Activity.From?.Id ?? string.Empty, key))))[..32]
            : null;

    internal static (bool Helpful, string? ReplyId, string? Comment)? FeedbackFromValue(JsonNode? value)
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
        return (helpful, Str(data["replyId"]), Str(data["comment"]));
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

    private const string VoteKeyPrefix = "careerbot-vote:";

    /// <summary>Marks the vote actions of a rendered answer (Web Chat's Like/Dislike) with the answer's key.</summary>
    private static Activity StampVoteKey(Activity reply, string key)
    {
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

    /// <summary>Each source names the date its guide was last updated ("as of ..."), in every channel's rendering.</summary>
    internal static Answer WithSourceDates(Answer answer) => answer with
    {
        Citations = [.. answer.Citations.Select(c => c with { SectionPath = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{c.SectionPath} (as of {c.Updated:yyyy-MM-dd})") })],
    };

    private static string? Str(JsonNode? node) => node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;

    private static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..max];

    private static partial class Log
    {
        [LoggerMessage(EventId = 2000, Level = LogLevel.Debug, Message = "Answered on {Channel}: intent {Intent}, {Kind}, {Citations} citations")]
        public static partial void Answered(ILogger logger, string channel, string intent, string kind, int citations);

        [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Feedback on {Channel}: helpful {Helpful}, intent {Intent}")]
        public static partial void FeedbackRecorded(ILogger logger, string channel, bool helpful, string intent);

        [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Feedback could not be stored")]
        public static partial void FeedbackFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Throttled a user on {Channel} (told to slow down: {Warned})")]
        public static partial void Throttled(ILogger logger, string channel, bool warned);

        [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Invoke {Name} is not handled; answered 501")]
        public static partial void UnhandledInvoke(ILogger logger, string name);
    }
}
