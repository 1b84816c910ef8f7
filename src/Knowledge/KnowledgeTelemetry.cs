using System.Diagnostics;

namespace CareerBot.Knowledge;

/// <summary>
/// CareerBot's one trace source, and the names its spans and tags use. It lives here so the
/// answer engine can record spans without any OpenTelemetry reference; the bot decides whether
/// anything listens. With no listener <see cref="ActivitySource.StartActivity(string, ActivityKind)"/>
/// returns null, so callers tag only when the span is not null and pay nothing otherwise.
/// Tags carry names, counts and scores: never the user's text.
/// </summary>
public static class KnowledgeTelemetry
{
    /// <summary>The name of the trace source and of the bot's meter.</summary>
    public const string Name = "CareerBot";

    public const string ClassifySpan = "classify";
    public const string SearchSpan = "search";
    public const string ComposeSpan = "compose";

    public const string IntentTag = "intent";
    public const string ScoreTag = "score";
    public const string FollowUpTag = "follow_up";
    public const string ResultsTag = "results";
    public const string CitationsTag = "citations";

    public static ActivitySource Source { get; } = new(Name, typeof(KnowledgeTelemetry).Assembly.GetName().Version?.ToString());
}
