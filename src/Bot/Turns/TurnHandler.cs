using System.Security.Cryptography;
using System.Text;
using CareerBot.Bot.Operations;
using CareerBot.Bot.Protocol;
using CareerBot.Bot.Rendering;
using CareerBot.Bot.Telemetry;
using CareerBot.Knowledge;
using CareerBot.Knowledge.Answers;
using CareerBot.Bot.State;
using Span = System.Diagnostics.Activity;

namespace CareerBot.Bot.Turns;

/// <summary>
/// Handles one activity, whatever channel it came from: <see cref="ActivityInput"/> reads it as
/// typed input, then questions go through the throttle and the answer engine with the
/// conversation's context, new members get one welcome, votes are stored, and the state is
/// saved; a turn that throws goes to the <see cref="TurnErrorHandler"/>. Each
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

            var input = ActivityInput.Read(turn.Activity, botOptions.Value.MaxTextLength);
            if (input.UnhandledInvoke is { } name)
            {
                Log.UnhandledInvoke(logger, Truncate(name, 64)!);
            }

            if (input.IsMessage && !await AdmitAsync(turn, span, cancellationToken).ConfigureAwait(false))
            {
                return input.Response;
            }

            foreach (var each in input.Inputs)
            {
                await (each switch
                {
                    Ask ask => AskAsync(turn, ask.Text, span, cancellationToken),
                    Reset => ResetAsync(turn, cancellationToken),
                    Vote vote => VoteAsync(turn, vote, cancellationToken),
                    Joined => WelcomeAsync(turn, cancellationToken),
                    Ended => states.ClearAsync(turn.ChannelId, turn.ConversationId, cancellationToken),
                    _ => throw new InvalidOperationException($"No handler for {each.GetType().Name}."),
                }).ConfigureAwait(false);
            }

            return input.Response;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            BotTelemetry.Failed(span, ex);
            return await errors.HandleAsync(turn, ex, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The per-user throttle: false (and the turn recorded as a throttled decline) when the user is over it.</summary>
    private async Task<bool> AdmitAsync(Turn turn, Span? span, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var verdict = throttle.Check(turn.ChannelId + ":" + (turn.Activity.From?.Id ?? turn.ConversationId));
        if (verdict == ThrottleVerdict.Allowed)
        {
            return true;
        }

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

        return false;
    }

    private async Task VoteAsync(Turn turn, Vote vote, CancellationToken cancellationToken)
    {
        await RecordAsync(turn, vote.Helpful, vote.ReplyId, vote.Comment, cancellationToken, vote.VoteKey).ConfigureAwait(false);
        if (vote.Thank)
        {
            await turn.ReplyAsync(new Activity { Text = FeedbackThanks }, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ResetAsync(Turn turn, CancellationToken cancellationToken)
    {
        await states.ClearAsync(turn.ChannelId, turn.ConversationId, cancellationToken).ConfigureAwait(false);
        await turn.ReplyAsync(Render(turn, knowledge.Current.Engine.StartOver()), cancellationToken).ConfigureAwait(false);
    }

    private async Task AskAsync(Turn turn, string text, Span? span, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var engine = knowledge.Current.Engine;
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
        var reply = ActivityInput.StampVoteKey(Render(turn, botOptions.Value.ShowSourceDates ? WithSourceDates(answer) : answer), voteKey);
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

    private async Task WelcomeAsync(Turn turn, CancellationToken cancellationToken)
    {
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
                new Feedback(time.GetUtcNow(), turn.Channel, helpful, answer?.Intent ?? "unknown", answer?.PassageIds ?? [], transcripts.Value.Enabled ? Truncate(comment, 500) : null, VoteId(turn, answer), answer?.VoteKey),
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

    /// <summary>
    /// One person's vote on one answer: the channel, conversation and user with the answer's vote key,
    /// hashed. None when the answer is not known (nothing to replace).
    /// </summary>
    private static string? VoteId(Turn turn, AnswerRecord? answer) =>
        answer?.VoteKey is { } key
            ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', turn.ChannelId, turn.ConversationId, turn.Activity.From?.Id ?? string.Empty, key))))[..32]
            : null;

    /// <summary>Each source names the date its guide was last updated ("as of ..."), in every channel's rendering.</summary>
    internal static Answer WithSourceDates(Answer answer) => answer with
    {
        Citations = [.. answer.Citations.Select(c => c with { SectionPath = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{c.SectionPath} (as of {c.Updated:yyyy-MM-dd})") })],
    };

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
