using Microsoft.Extensions.Logging;

namespace CareerBot.Knowledge;

/// <summary>The knowledge core's log events, with fixed ids (1000-1099).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Index {Path} is missing, stale or unreadable ({Reason}); rebuilding it")]
    public static partial void RebuildingIndex(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Built index {Path}: {Passages} passages from {Guides} guides in {Milliseconds} ms")]
    public static partial void IndexBuilt(ILogger logger, string path, int passages, int guides, long milliseconds);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Intent model {Path} is missing, stale or unreadable ({Reason}); training it")]
    public static partial void Retraining(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Trained intent model {Path}: {Examples} utterances, {Classes} intents, {Features} features, threshold {Threshold:0.000}, in {Milliseconds} ms")]
    public static partial void ModelTrained(ILogger logger, string path, int examples, int classes, int features, double threshold, long milliseconds);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Knowledge loaded: {Passages} passages, {Topics} topics, content {Hash}")]
    public static partial void KnowledgeLoaded(ILogger logger, int passages, int topics, string hash);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Debug, Message = "Knowledge load steps: files read and checked in {CheckMilliseconds:0.0} ms, index opened in {IndexMilliseconds:0.0} ms, model loaded in {ModelMilliseconds:0.0} ms, engine built in {EngineMilliseconds:0.0} ms")]
    public static partial void KnowledgeLoadSteps(ILogger logger, double checkMilliseconds, double indexMilliseconds, double modelMilliseconds, double engineMilliseconds);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Knowledge base: {Problem}")]
    public static partial void KnowledgeBaseWarning(ILogger logger, string problem);
}
