using System.Diagnostics.Metrics;
using CareerBot.Knowledge;

namespace CareerBot.Bot.Telemetry;

/// <summary>
/// The bot's instruments on the "CareerBot" meter, created through the host's
/// <see cref="IMeterFactory"/>. Each method checks <see cref="Instrument.Enabled"/> first, so
/// with no listener a turn builds no tag lists. The knowledge gauges are info-style: the value
/// is a count, the tag says which version of the index or model is serving.
/// </summary>
internal sealed class BotMetrics
{
    public const string MeterName = KnowledgeTelemetry.Name;

    public const string IntentTag = KnowledgeTelemetry.IntentTag;
    public const string ContentHashTag = "content_hash";
    public const string ModelVersionTag = "model_version";

    private readonly Counter<long> _turns;
    private readonly Counter<long> _declines;
    private readonly Counter<long> _throttled;
    private readonly Counter<long> _replyFailures;
    private readonly Counter<long> _turnErrors;
    private readonly Histogram<double> _turnDuration;

    public BotMetrics(IMeterFactory meters, KnowledgeProvider knowledge)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _turns = meter.CreateCounter<long>("careerbot.turns", "{turn}", "Messages answered by the engine (answers, small talk and declines)");
        _declines = meter.CreateCounter<long>("careerbot.declines", "{turn}", "Messages the guides could not answer");
        _throttled = meter.CreateCounter<long>("careerbot.throttled", "{message}", "Messages dropped by the per-user throttle");
        _replyFailures = meter.CreateCounter<long>("careerbot.reply_failures", "{reply}", "Replies a channel did not take after retries");
        _turnErrors = meter.CreateCounter<long>("careerbot.turn_errors", "{turn}", "Turns that failed with an error (the user was sent an apology)");
        _turnDuration = meter.CreateHistogram<double>("careerbot.turn.duration", "ms", "Time from a message's arrival to its reply being sent");
        meter.CreateObservableGauge(
            "careerbot.knowledge.passages",
            () => Observe(knowledge, static k => new(k.Passages.Count, new KeyValuePair<string, object?>(ContentHashTag, Short(k.ContentHash)))),
            "{passage}",
            "Passages in the serving index, tagged with its content hash");
        meter.CreateObservableGauge(
            "careerbot.knowledge.intents",
            () => Observe(knowledge, static k => new(k.Model.ClassNames.Count, new KeyValuePair<string, object?>(ModelVersionTag, Short(k.ModelVersion)))),
            "{intent}",
            "Intents of the serving classifier, tagged with its training hash");
    }

    /// <summary>One measurement of the serving snapshot (read once, so a swap cannot mix two), none before the first load.</summary>
    private static Measurement<int>[] Observe(KnowledgeProvider knowledge, Func<KnowledgeSnapshot, Measurement<int>> measure) =>
        knowledge.IsLoaded ? [measure(knowledge.Current)] : [];

    /// <summary>The first twelve characters of a hash, as the knowledge log line shows it.</summary>
    public static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;

    public void Answered(string channel, string intent, bool answered, bool declined, double milliseconds)
    {
        if (_turns.Enabled)
        {
            _turns.Add(1, new(BotTelemetry.ChannelTag, channel), new(IntentTag, intent), new(BotTelemetry.AnsweredTag, answered));
        }

        if (declined && _declines.Enabled)
        {
            _declines.Add(1, new(BotTelemetry.ChannelTag, channel), new(IntentTag, intent));
        }

        if (_turnDuration.Enabled)
        {
            _turnDuration.Record(milliseconds, new KeyValuePair<string, object?>(BotTelemetry.ChannelTag, channel));
        }
    }

    public void Throttled(string channel)
    {
        if (_throttled.Enabled)
        {
            _throttled.Add(1, new KeyValuePair<string, object?>(BotTelemetry.ChannelTag, channel));
        }
    }

    public void TurnFailed(string channel)
    {
        if (_turnErrors.Enabled)
        {
            _turnErrors.Add(1, new KeyValuePair<string, object?>(BotTelemetry.ChannelTag, channel));
        }
    }

    /// <summary>Counts a dropped reply and marks the reply span in progress as failed.</summary>
    public void ReplyFailed(string channel, string reason)
    {
        if (_replyFailures.Enabled)
        {
            _replyFailures.Add(1, new KeyValuePair<string, object?>(BotTelemetry.ChannelTag, channel));
        }

        BotTelemetry.ReplyFailed(reason);
    }
}
