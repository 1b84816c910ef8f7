using CareerBot.Bot.Operations;
using CareerBot.Bot.State;
using CareerBot.Bot.Telemetry;
using CareerBot.Knowledge;
using CareerBot.Knowledge.Answers;
using Span = System.Diagnostics.Activity;

namespace CareerBot.Bot.Turns;

/// <summary>
/// One turn, whatever the channel: <see cref="UserInput"/> in, throttle -> the conversation's queue -> state -> engine ->
/// <see cref="Answer"/> -> the channel's <see cref="IAnswerSink"/> out. It knows no channel id,
/// payload or card. Each turn is a "turn" span (channel, kind; for questions the intent, kind,
/// whether answered, citations); a turn that throws goes to the <see cref="TurnErrorHandler"/>.
/// </summary>
internal sealed partial class TurnCore(
    KnowledgeProvider knowledge,
    ConversationStateStore states,
    UserThrottle throttle,
    ConversationQueue queue,
    Votes votes,
    ITurnLog turnLog,
    BotMetrics metrics,
    TurnErrorHandler errors,
    TimeProvider time,
    ILogger<TurnCore> logger)
{
    public const string FeedbackThanks = "Thanks for your feedback!";

    /// <summary>The one reply a user gets when sending faster than the throttle allows.</summary>
    public const string SlowDown = "You're sending messages faster than I can answer. Please wait a few seconds, then ask again.";

    /// <summary>Handles the inputs of one turn (<paramref name="throttled"/>: a message, counted by the per-user throttle); false when the turn failed.</summary>
    public async Task<bool> HandleAsync(TurnAddress turn, IReadOnlyList<UserInput> inputs, bool throttled, IAnswerSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(sink);
        using var span = BotTelemetry.Source.StartActivity(BotTelemetry.TurnSpan);
        span?.SetTag(BotTelemetry.ChannelTag, turn.Channel);
        span?.SetTag(BotTelemetry.ActivityTypeTag, turn.Kind);
        try
        {
            if (!knowledge.IsLoaded)
            {
                // Arrived while start-up was still loading the knowledge base: answer once it is there.
                await knowledge.WhenLoaded.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            if (throttled && !await AdmitAsync(turn, sink, span, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            using var inTurn = await queue.EnterAsync(turn.Channel, turn.ChannelId + ":" + turn.ConversationId, cancellationToken).ConfigureAwait(false);
            foreach (var input in inputs)
            {
                await (input switch
                {
                    Ask ask => AskAsync(turn, ask.Text, sink, span, cancellationToken),
                    Reset => ResetAsync(turn, sink, cancellationToken),
                    Vote vote => VoteAsync(turn, vote, sink, cancellationToken),
                    Joined => WelcomeAsync(turn, sink, cancellationToken),
                    Ended => states.ClearAsync(turn.ChannelId, turn.ConversationId, cancellationToken),
                    _ => throw new InvalidOperationException($"No handler for {input.GetType().Name}."),
                }).ConfigureAwait(false);
            }

            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            BotTelemetry.Failed(span, ex);
            await errors.HandleAsync(turn, ex, sink, cancellationToken).ConfigureAwait(false);
            return false;
        }
    }

    /// <summary>The per-user throttle: false (and the turn recorded as a throttled decline) when the user is over it.</summary>
    private async Task<bool> AdmitAsync(TurnAddress turn, IAnswerSink sink, Span? span, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var verdict = throttle.Check(turn.ChannelId + ":" + (turn.UserId ?? turn.ConversationId));
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
            await sink.SayAsync(SlowDown, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    private async Task AskAsync(TurnAddress turn, string text, IAnswerSink sink, Span? span, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var read = await states.ReadForUpdateAsync(turn.ChannelId, turn.ConversationId, cancellationToken).ConfigureAwait(false);
        Answer answer;
        try
        {
            answer = knowledge.Current.Engine.Answer(new Question(text, read.State.Context) { AskedOn = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime) });
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
        var replyId = await sink.AnswerAsync(answer, voteKey, cancellationToken).ConfigureAwait(false);
        Log.Answered(logger, turn.Channel, answer.Intent.Name, answer.Kind.ToString(), answer.Citations.Count);
        var milliseconds = time.GetElapsedTime(started).TotalMilliseconds;
        metrics.Answered(turn.Channel, answer.Intent.Name, answer.Answered, answer.Kind == AnswerKind.Declined, milliseconds);
        var (outcome, reason) = DeclineReason.Of(answer);
        var passageIds = answer.Citations.Select(c => c.PassageId).ToArray();
        turnLog.Record(new TurnRecord(
            time.GetUtcNow(), turn.Channel, answer.Intent.Name, answer.Intent.Score, answer.Answered, passageIds, milliseconds, text, outcome, reason, voteKey));
        if (answer.Complaint && read.State.RecentAnswers.LastOrDefault() is { Answered: true } complainedOf)
        {
            // "that was useless, give me something concrete": a thumbs down on the answer complained of, for the
            // operator's report. It is one person's vote on that answer, so a click on its button replaces it.
            // After a decline or small talk it is no vote: an older answer is not what the complaint is about.
            await votes.RecordAsync(turn, new Vote(Helpful: false, ReplyId: null, Comment: text), complainedOf, cancellationToken).ConfigureAwait(false);
        }

        var record = new AnswerRecord(replyId, answer.Intent.Name, answer.Answered, passageIds, voteKey);
        await states.UpdateAsync(read, s => s.Remember(record) with
        {
            Context = answer.Context,
            Turns = s.Turns + 1,
            Welcomed = true,
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task ResetAsync(TurnAddress turn, IAnswerSink sink, CancellationToken cancellationToken)
    {
        await states.ClearAsync(turn.ChannelId, turn.ConversationId, cancellationToken).ConfigureAwait(false);
        await sink.AnswerAsync(knowledge.Current.Engine.StartOver(), null, cancellationToken).ConfigureAwait(false);
    }

    private async Task VoteAsync(TurnAddress turn, Vote vote, IAnswerSink sink, CancellationToken cancellationToken)
    {
        await votes.RecordAsync(turn, vote, cancellationToken).ConfigureAwait(false);
        if (vote.Thank)
        {
            await sink.SayAsync(FeedbackThanks, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WelcomeAsync(TurnAddress turn, IAnswerSink sink, CancellationToken cancellationToken)
    {
        var first = false;
        var stored = await states.UpdateAsync(turn.ChannelId, turn.ConversationId, s =>
        {
            first = !s.Welcomed;
            return s with { Welcomed = true };
        }, cancellationToken).ConfigureAwait(false);
        if (first || !stored)
        {
            await sink.AnswerAsync(knowledge.Current.Engine.Welcome(), null, cancellationToken).ConfigureAwait(false);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2000, Level = LogLevel.Debug, Message = "Answered on {Channel}: intent {Intent}, {Kind}, {Citations} citations")]
        public static partial void Answered(ILogger logger, string channel, string intent, string kind, int citations);

        [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Throttled a user on {Channel} (told to slow down: {Warned})")]
        public static partial void Throttled(ILogger logger, string channel, bool warned);
    }
}
