using System.Collections;
using System.Text.RegularExpressions;

namespace CareerBot.Bot.Telemetry;

/// <summary>
/// The bot's logger factory: the usual one, with every log line passed through a filter that
/// replaces the value of a <c>t=</c> query parameter (a Direct Line stream URL's token) with
/// <c>[redacted]</c>. ASP.NET Core's request logging ("Request starting ... ?t=...") runs before
/// any middleware could change the request, and its level is the configuration's to choose, so
/// the token is taken out where log lines are made, whatever the providers and levels are.
/// </summary>
internal sealed partial class TokenRedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public const string Redacted = "[redacted]";

    public ILogger CreateLogger(string categoryName) => new Logger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    /// <summary>
    /// The text with every <c>t=</c> query value replaced; the same instance when there is none. The
    /// query's keys ignore case and may be percent-encoded, so <c>T=</c>, <c>%74=</c> and <c>%54=</c>
    /// name the same token (the stream accepted <c>?T=</c>, and the token was logged).
    /// </summary>
    public static string Redact(string text) =>
        text.Contains("t=", StringComparison.OrdinalIgnoreCase) || text.Contains("4=", StringComparison.Ordinal)
            ? TokenParameter().Replace(text, "${name}" + Redacted)
            : text;

    [GeneratedRegex(@"(?<name>[?&](?:amp;)?(?:t|%74|%54)=)[^&\s""'<>]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TokenParameter();

    private static bool MayCarryToken(object? value) =>
        value is string or Uri or PathString or QueryString && value.ToString() is { } text && Redact(text) != text;

    private sealed class Logger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            var carries = state is IReadOnlyList<KeyValuePair<string, object?>> values
                ? values.Any(pair => MayCarryToken(pair.Value))
                : MayCarryToken(state as string ?? formatter(state, exception));
            if (!carries)
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
                return;
            }

            var message = Redact(formatter(state, exception));
            var redacted = state is IReadOnlyList<KeyValuePair<string, object?>> pairs
                ? pairs.Select(pair => new KeyValuePair<string, object?>(pair.Key, MayCarryToken(pair.Value) ? Redact(pair.Value!.ToString()!) : pair.Value)).ToList()
                : [];
            inner.Log(logLevel, eventId, new RedactedState(message, redacted), exception, static (s, _) => s.Message);
        }
    }

    /// <summary>A log line's values and message with the token taken out.</summary>
    private sealed class RedactedState(string message, List<KeyValuePair<string, object?>> values) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Message => message;

        public int Count => values.Count;

        public KeyValuePair<string, object?> this[int index] => values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => message;
    }
}
