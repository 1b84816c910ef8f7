using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Operations;

/// <summary>
/// Turn records in an Azure Table shared by every instance of the bot, so <c>report</c> sees all
/// their traffic. The batches <see cref="BatchingTurnLog"/> gathers are stored as one transaction per
/// partition, up to 100 records each.
/// <para>
/// Keys, for the one query <c>report</c> makes (every record of a time window; it groups by channel,
/// intent, outcome and passage itself): the partition key is the record's UTC hour
/// (<c>yyyyMMddHH</c>), the row key its time to the tick followed by a random suffix
/// (<c>yyyyMMddHHmmssfffffff-xxxxxxxxxxxx</c>), so two instances never write the same key and a
/// window is one range over partitions and rows, read back in time order. An hour per partition
/// spreads a busy day's writes, and the retention deletes whole old partitions' rows.
/// </para>
/// <para>
/// Retention, at most once a minute after a batch: records older than <c>TurnLog:Retention</c> are
/// deleted; question text (kept only with transcripts on, marked by <c>Transcribed</c>) older than
/// <c>Transcripts:Retention</c> is erased and the rest of the record stays.
/// </para>
/// A batch the table does not take (storage down, slower than <c>Operations:Timeout</c>) is dropped,
/// logged (event 2710) and counted in <c>careerbot.operations.write_failures</c>; nothing reaches the
/// turn, and the next batch tries again, so records are written again once storage is back.
/// </summary>
internal sealed partial class TableTurnLog : BatchingTurnLog
{
    private const int MaxTransaction = 100;
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly TableClient _table;
    private readonly IOptions<TranscriptOptions> _transcripts;
    private readonly IOptions<TurnLogOptions> _retention;
    private readonly TimeProvider _time;
    private readonly OperationsMetrics? _metrics;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private bool _tableReady;
    private DateTimeOffset _swept = DateTimeOffset.MinValue;

    public TableTurnLog(IOptions<OperationsOptions> options, IOptions<TranscriptOptions> transcripts, IOptions<TurnLogOptions> retention, TimeProvider time, ILogger<TableTurnLog> logger, OperationsMetrics? metrics = null)
        : base(transcripts, logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _table = OperationalTables.Client(options.Value, options.Value.TurnsTable);
        _transcripts = transcripts;
        _retention = retention;
        _time = time;
        _logger = logger;
        _metrics = metrics;
    }

    public override async Task<IReadOnlyList<TurnRecord>> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {OperationalTables.Hour(from)} and PartitionKey le {OperationalTables.Hour(to)} and RowKey ge {OperationalTables.Stamp(from)} and RowKey lt {OperationalTables.Stamp(to)}");
        var records = new List<TurnRecord>();
        try
        {
            await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                records.Add(FromEntity(entity));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No record was ever stored: the table does not exist yet.
        }

        return records;
    }

    protected override async Task WriteAsync(IReadOnlyList<TurnRecord> batch)
    {
        var cancellationToken = CancellationToken.None;
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var partition in batch.GroupBy(static r => OperationalTables.Hour(r.Time)))
            {
                foreach (var chunk in partition.Chunk(MaxTransaction))
                {
                    await SubmitAsync(chunk, cancellationToken).ConfigureAwait(false);
                }
            }

            await SweepAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>One transaction of records of one hour; a failure drops them with a log line and a count, never an exception.</summary>
    private async Task SubmitAsync(TurnRecord[] records, CancellationToken cancellationToken)
    {
        var actions = records.Select(static r => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(r))).ToList();
        try
        {
            if (!_tableReady)
            {
                await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
                _tableReady = true;
            }

            try
            {
                await _table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // The table went away (a storage account reset): make it again and submit once more.
                _tableReady = false;
                await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
                _tableReady = true;
                await _table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested || ex is not OperationCanceledException)
        {
            Log.WriteFailed(_logger, records.Length, ex);
            _metrics?.WriteFailed("turns", records.Length);
        }
    }

    /// <summary>Deletes records past the turn-log retention and erases question text past the transcript retention; at most once a minute.</summary>
    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (now - _swept < SweepInterval)
        {
            return;
        }

        _swept = now;
        try
        {
            var expired = now - _retention.Value.Retention;
            var old = TableClient.CreateQueryFilter($"PartitionKey le {OperationalTables.Hour(expired)} and RowKey lt {OperationalTables.Stamp(expired)}");
            var doomed = new List<TableEntity>();
            await foreach (var entity in _table.QueryAsync<TableEntity>(old, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                doomed.Add(entity);
            }

            foreach (var partition in doomed.GroupBy(static e => e.PartitionKey))
            {
                foreach (var chunk in partition.Chunk(MaxTransaction))
                {
                    await _table.SubmitTransactionAsync(chunk.Select(static e => new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All)), cancellationToken).ConfigureAwait(false);
                }
            }

            var untold = now - _transcripts.Value.Retention;
            var transcribed = TableClient.CreateQueryFilter($"Transcribed eq true and PartitionKey le {OperationalTables.Hour(untold)} and RowKey lt {OperationalTables.Stamp(untold)}");
            await foreach (var entity in _table.QueryAsync<TableEntity>(transcribed, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                entity.Remove("Question");
                entity.Remove("Transcribed");
                await _table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested || ex is not OperationCanceledException)
        {
            Log.SweepFailed(_logger, ex);
        }
    }

    private static TableEntity ToEntity(TurnRecord record)
    {
        var entity = new TableEntity(OperationalTables.Hour(record.Time), OperationalTables.Stamp(record.Time) + "-" + Guid.NewGuid().ToString("N")[..12])
        {
            ["Time"] = record.Time,
            ["Channel"] = record.ChannelId,
            ["Intent"] = record.Intent,
            ["Score"] = record.Score,
            ["Answered"] = record.Answered,
            ["PassageIds"] = string.Join(' ', record.PassageIds),
            ["LatencyMs"] = record.LatencyMs,
            ["Outcome"] = record.Kind.ToString().ToLowerInvariant(),
        };
        if (record.Question is not null)
        {
            entity["Question"] = record.Question;
            entity["Transcribed"] = true;
        }

        if (record.DeclineReason is not null)
        {
            entity["Reason"] = record.DeclineReason;
        }

        if (record.AnswerId is not null)
        {
            entity["AnswerId"] = record.AnswerId;
        }

        return entity;
    }

    private static TurnRecord FromEntity(TableEntity entity) => new(
        entity.GetDateTimeOffset("Time") ?? DateTimeOffset.MinValue,
        entity.GetString("Channel") ?? string.Empty,
        entity.GetString("Intent") ?? string.Empty,
        entity.GetDouble("Score") ?? 0,
        entity.GetBoolean("Answered") ?? false,
        (entity.GetString("PassageIds") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries),
        entity.GetDouble("LatencyMs") ?? 0,
        entity.GetString("Question"),
        entity.GetString("Outcome") is { } outcome ? Enum.Parse<TurnOutcome>(outcome, ignoreCase: true) : null,
        entity.GetString("Reason"),
        entity.GetString("AnswerId"));

    private static partial class Log
    {
        [LoggerMessage(EventId = 2710, Level = LogLevel.Warning, Message = "Could not store {Count} turn records in the turns table; they are dropped and the bot goes on")]
        public static partial void WriteFailed(ILogger logger, int count, Exception exception);

        [LoggerMessage(EventId = 2714, Level = LogLevel.Warning, Message = "Could not apply the retention to the turns table; the next sweep tries again")]
        public static partial void SweepFailed(ILogger logger, Exception exception);
    }
}
