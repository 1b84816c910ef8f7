using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CareerBot.Bot.Telemetry;

/// <summary>
/// Where a cold start's time goes, from the process's start to the first answered request: each step
/// of <c>serve</c> marks the time it finished, and once the first reply has been written the whole
/// timeline is one Debug line (event 2801, category CareerBot.Startup). Off by default; turn it on with
/// <c>Logging:LogLevel:CareerBot.Startup=Debug</c>. A mark is a timestamp in a fixed array, and after the
/// first request each request pays one read of a flag.
/// </summary>
internal sealed partial class StartupTimeline
{
    public const string Category = "CareerBot.Startup";

    private readonly long _origin = Stopwatch.GetTimestamp();
    private readonly (string Step, long At)[] _marks = new (string, long)[16];
    private int _count;
    private int _reported;
    private ILogger? _logger;

    /// <summary>The process's timeline, started when Main first uses it.</summary>
    public static StartupTimeline Current { get; } = new();

    /// <summary>Where the timeline is logged once the first reply is written (nothing is logged before this is set).</summary>
    public void LogTo(ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        _logger = loggers.CreateLogger(Category);
    }

    /// <summary>Records that <paramref name="step"/> has just finished (the first 16 marks are kept).</summary>
    public void Mark(string step)
    {
        var slot = Interlocked.Increment(ref _count) - 1;
        if (slot < _marks.Length)
        {
            _marks[slot] = (step, Stopwatch.GetTimestamp());
        }
    }

    /// <summary>After a request's reply is written: the first time, marks it and logs the timeline.</summary>
    public void Replied()
    {
        if (Volatile.Read(ref _reported) != 0 || Interlocked.Exchange(ref _reported, 1) != 0)
        {
            return;
        }

        Mark("first reply written");
        if (_logger is { } logger && logger.IsEnabled(LogLevel.Debug))
        {
            Log.Timeline(logger, Describe());
        }
    }

    /// <summary>"runtime start 65 ms; host built +120 ms (185 ms); ...": each step's own time and the running total.</summary>
    internal string Describe()
    {
        var text = new StringBuilder();
        var beforeMain = BeforeMain();
        var previous = 0.0;
        if (beforeMain is { } runtime)
        {
            text.Append(CultureInfo.InvariantCulture, $"process start to Main {runtime:0} ms (10 ms resolution)");
            previous = runtime;
        }

        foreach (var (step, at) in _marks.AsSpan(0, Math.Min(Volatile.Read(ref _count), _marks.Length)))
        {
            var total = (beforeMain ?? 0) + Stopwatch.GetElapsedTime(_origin, at).TotalMilliseconds;
            if (text.Length > 0)
            {
                text.Append("; ");
            }

            text.Append(CultureInfo.InvariantCulture, $"{step} +{total - previous:0} ms ({total:0} ms)");
            previous = total;
        }

        // How much of it the JIT compiler took (on any thread): what ReadyToRun code did not cover.
        text.Append(CultureInfo.InvariantCulture, $"; JIT compiled {System.Runtime.JitInfo.GetCompiledMethodCount()} methods in {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0} ms; {GC.CollectionCount(0)} gen0 collections");
        return text.ToString();
    }

    /// <summary>From the process's start to this class's first use in Main, as far as the OS clock tells (10 ms ticks on Linux).</summary>
    private double? BeforeMain()
    {
        try
        {
            using var process = Process.GetCurrentProcess();
            var origin = TimeProvider.System.GetLocalNow().DateTime - Stopwatch.GetElapsedTime(_origin);
            return Math.Max(0, (origin - process.StartTime).TotalMilliseconds);
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2801, Level = LogLevel.Debug, Message = "Cold start: {Timeline}")]
        public static partial void Timeline(ILogger logger, string timeline);
    }
}
