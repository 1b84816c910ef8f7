using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Operations;

/// <summary>
/// Feedback votes in an Azure Table shared by every instance of the bot.
/// <para>
/// Keys: the row key is the vote's name (<see cref="Feedback.Vote"/>, a hash of channel, conversation,
/// person and answer), the partition key its first two characters (256 partitions, so votes spread).
/// One person's vote on one answer is therefore always the same entity, and storing it is one
/// upsert that replaces the whole entity: a vote changed on another instance replaces the first, with
/// no read before the write and so no race between two instances; votes of different people are
/// different entities and are all kept. A vote whose answer is not known has no name and gets a
/// fresh one (it replaces nothing, as in the SQLite store).
/// </para>
/// <para>
/// Votes are far fewer than turns and <c>report</c> reads them all, keeping those in its window (as
/// it does with <c>feedback.db</c>). Retention keeps the table from growing: a comment (kept only with
/// transcripts on) is erased after <c>Transcripts:Retention</c>, a vote deleted after
/// <c>TurnLog:Retention</c>, when its turn record goes too; the sweep runs at most once a minute,
/// after a vote is stored, in the background (the voter does not wait for it).
/// </para>
/// A write that fails (storage down, slower than <c>Operations:Timeout</c>) is logged (event 2711)
/// and counted in <c>careerbot.operations.write_failures</c>; the turn goes on and thanks the voter.
/// </summary>
internal sealed partial class TableFeedbackStore : IFeedbackStore
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);
    private readonly TableClient _table;
    private readonly IOptions<TranscriptOptions> _transcripts;
    private readonly IOptions<TurnLogOptions> _retention;
    private readonly TimeProvider _time;
    private readonly OperationsMetrics? _metrics;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sweeping = new(1, 1);
    private volatile bool _tableReady;
    private DateTimeOffset _swept = DateTimeOffset.MinValue;

    public TableFeedbackStore(IOptions<OperationsOptions> options, IOptions<TranscriptOptions> transcripts, IOptions<TurnLogOptions> retention, TimeProvider time, ILogger<TableFeedbackStore> logger, OperationsMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _table = OperationalTables.Client(options.Value, options.Value.FeedbackTable);
        _transcripts = transcripts;
        _retention = retention;
        _time = time;
        _logger = logger;
        _metrics = metrics;
    }

    public async Task<bool> RecordAsync(Feedback feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var entity = ToEntity(feedback);
        try
        {
            await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // The table went away (a storage account reset): make it again and store the vote once more.
                _tableReady = false;
                await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
                await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.WriteFailed(_logger, ex);
            _metrics?.WriteFailed("feedback", 1);
            return false;
        }

        // The sweep (table queries, a delete per expired vote) runs after the vote is stored, without the
        // voter's request waiting for it; it never throws, and at most one runs at a time.
        _ = SweepAsync(CancellationToken.None);
        return true;
    }

    public async Task<IReadOnlyList<Feedback>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var votes = new List<Feedback>();
        try
        {
            await foreach (var entity in _table.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                votes.Add(FromEntity(entity));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No vote was ever stored: the table does not exist yet.
        }

        votes.Sort(static (a, b) => a.Time.CompareTo(b.Time));
        return votes;
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (!_tableReady)
        {
            await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            _tableReady = true;
        }
    }

    /// <summary>Erases comments past the transcript retention and deletes votes past the turn-log retention; at most once a minute, never failing the vote.</summary>
    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        if (!await _sweeping.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            return; // another vote is sweeping
        }

        try
        {
            var now = _time.GetUtcNow();
            if (now - _swept < SweepInterval)
            {
                return;
            }

            _swept = now;
            var expired = now - _retention.Value.Retention;
            await foreach (var old in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Time lt {expired}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                await _table.DeleteEntityAsync(old.PartitionKey, old.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
            }

            var uncommented = now - _transcripts.Value.Retention;
            await foreach (var commented in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Commented eq true and Time lt {uncommented}"), cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                commented.Remove("Comment");
                commented.Remove("Commented");

                // Only if the vote did not change since it was read: a newer vote is not rewritten with old values.
                try
                {
                    await _table.UpdateEntityAsync(commented, commented.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
                catch (RequestFailedException ex) when (ex.Status is 412 or 404)
                {
                    // Changed or deleted meanwhile; the next sweep looks again.
                }
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.SweepFailed(_logger, ex);
        }
        finally
        {
            _sweeping.Release();
        }
    }

    private static TableEntity ToEntity(Feedback feedback)
    {
        var name = feedback.Vote ?? "anon" + Guid.NewGuid().ToString("N");
        var entity = new TableEntity(Partition(name), name)
        {
            ["Time"] = feedback.Time,
            ["Channel"] = feedback.ChannelId,
            ["Helpful"] = feedback.Helpful,
            ["Intent"] = feedback.Intent,
            ["PassageIds"] = string.Join(' ', feedback.PassageIds),
        };
        if (feedback.Vote is not null)
        {
            entity["Vote"] = feedback.Vote;
        }

        if (feedback.AnswerId is not null)
        {
            entity["AnswerId"] = feedback.AnswerId;
        }

        if (feedback.Comment is not null)
        {
            entity["Comment"] = feedback.Comment;
            entity["Commented"] = true;
        }

        return entity;
    }

    /// <summary>The partition of a vote: two characters of its name (hex for hashed names).</summary>
    private static string Partition(string name) => name.StartsWith("anon", StringComparison.Ordinal) ? "a" + name[4..6] : name[..Math.Min(2, name.Length)];

    private static Feedback FromEntity(TableEntity entity) => new(
        entity.GetDateTimeOffset("Time") ?? DateTimeOffset.MinValue,
        entity.GetString("Channel") ?? string.Empty,
        entity.GetBoolean("Helpful") ?? false,
        entity.GetString("Intent") ?? "unknown",
        (entity.GetString("PassageIds") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries),
        entity.GetString("Comment"),
        entity.GetString("Vote"),
        entity.GetString("AnswerId"));

    private static partial class Log
    {
        [LoggerMessage(EventId = 2711, Level = LogLevel.Warning, Message = "Could not store a feedback vote in the feedback table; the turn goes on")]
        public static partial void WriteFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 2712, Level = LogLevel.Warning, Message = "Could not apply the retention to the feedback table; the next sweep tries again")]
        public static partial void SweepFailed(ILogger logger, Exception exception);
    }
}
