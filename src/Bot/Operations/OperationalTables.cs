using System.Diagnostics.Metrics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using CareerBot.Bot.Telemetry;

namespace CareerBot.Bot.Operations;

/// <summary>
/// What the two Azure Table stores share: their clients (retries kept inside
/// <see cref="OperationsOptions.Timeout"/>, so a slow or absent store never holds a turn up), the
/// sortable time text their keys are made of, and the count of writes that failed.
/// </summary>
internal static class OperationalTables
{
    /// <summary>A table client for one of the two tables, with bounded retries.</summary>
    public static TableClient Client(OperationsOptions options, string table)
    {
        var client = new TableClientOptions();
        client.Retry.MaxRetries = 1;
        client.Retry.Delay = TimeSpan.FromMilliseconds(100);
        client.Retry.NetworkTimeout = options.Timeout;
        return new TableClient(options.TablesConnectionString, table, client);
    }

    /// <summary>Why a connection string cannot be used, or null when it can (checked at start).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string? ConnectionStringProblem(string connectionString)
    {
        try
        {
            _ = new TableServiceClient(connectionString);
            return null;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            return ex.Message;
        }
    }

    /// <summary>The UTC hour a time falls in, as a partition key: <c>2026112314</c>.</summary>
    public static string Hour(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    /// <summary>Sortable UTC time to the tick, the start of a turn record's row key: <c>20261123140512345678</c>.</summary>
    public static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMddHHmmssfffffff", CultureInfo.InvariantCulture);
}

/// <summary>
/// <c>careerbot.operations.write_failures</c>: feedback votes and turn records the configured store
/// did not take (tag <c>store</c>: <c>feedback</c> or <c>turns</c>). Counted on the bot's meter.
/// </summary>
internal sealed class OperationsMetrics
{
    public const string StoreTag = "store";

    private readonly Counter<long> _writeFailures;

    public OperationsMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _writeFailures = meters.Create(BotMetrics.MeterName).CreateCounter<long>(
            "careerbot.operations.write_failures", "{record}", "Feedback votes and turn records the operational store did not take");
    }

    public void WriteFailed(string store, int records)
    {
        if (_writeFailures.Enabled)
        {
            _writeFailures.Add(records, new KeyValuePair<string, object?>(StoreTag, store));
        }
    }
}
