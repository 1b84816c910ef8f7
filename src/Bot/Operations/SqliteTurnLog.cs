using System.Globalization;
using CareerBot.Knowledge;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Operations;

/// <summary>
/// Turn records in <c>turns.db</c> next to the index. The batches <see cref="BatchingTurnLog"/>
/// gathers go one transaction each; the writer also erases question text older than the
/// transcript retention and deletes records older than the turn-log retention. The writer keeps one connection open and commits with <c>synchronous = NORMAL</c> (in WAL mode a
/// power cut may lose the last batches, never corrupt the file): these are statistics, and a
/// file sync per batch cost more CPU under load than answering did. The retention sweep runs at
/// most once a minute.
/// </summary>
internal sealed partial class SqliteTurnLog : BatchingTurnLog
{
    private readonly SqliteDataFile _file;
    private readonly IOptions<TranscriptOptions> _transcripts;
    private readonly IOptions<TurnLogOptions> _retention;
    private readonly TimeProvider _time;
    private readonly ILogger<SqliteTurnLog> _logger;
    private static readonly TimeSpan EraseInterval = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _erased = DateTimeOffset.MinValue;

    /// <summary>The writer's connection, kept open between batches; null before the first and after a failure (the next batch reopens).</summary>
    private SqliteConnection? _connection;

    public SqliteTurnLog(IOptions<KnowledgeOptions> knowledge, IOptions<TranscriptOptions> transcripts, IOptions<TurnLogOptions> retention, TimeProvider time, ILogger<SqliteTurnLog> logger)
        : base(transcripts, logger)
    {
        // Files from before outcomes, decline reasons and answer ids get those columns, null in old rows
        // (TurnRecord.Kind and Reason read those rows from what they have).
        _file = new SqliteDataFile(
            Path.Combine(knowledge.Value.DataPath, "turns.db"),
            """
            CREATE TABLE IF NOT EXISTS turns (time TEXT NOT NULL, channel TEXT NOT NULL, intent TEXT NOT NULL, score REAL NOT NULL,
                answered INTEGER NOT NULL, passage_ids TEXT NOT NULL, latency_ms REAL NOT NULL, question TEXT);
            CREATE INDEX IF NOT EXISTS turns_time ON turns (time);
            """,
            AddOutcomeColumnsAsync,
            writeAheadLog: true);
        _transcripts = transcripts;
        _retention = retention;
        _time = time;
        _logger = logger;
    }

    public override async Task<IReadOnlyList<TurnRecord>> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT time, channel, intent, score, answered, passage_ids, latency_ms, question, outcome, reason, answer_id FROM turns WHERE time >= $from AND time < $to ORDER BY time, rowid";
            command.Parameters.AddWithValue("$from", Stamp(from));
            command.Parameters.AddWithValue("$to", Stamp(to));
            var records = new List<TurnRecord>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                records.Add(new TurnRecord(
                    DateTimeOffset.Parse(reader.GetString(0), CultureInfo.InvariantCulture),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetDouble(3),
                    reader.GetInt32(4) == 1,
                    reader.GetString(5).Split(' ', StringSplitOptions.RemoveEmptyEntries),
                    reader.GetDouble(6),
                    reader.IsDBNull(7) ? null : reader.GetString(7),
                    reader.IsDBNull(8) ? null : Enum.Parse<TurnOutcome>(reader.GetString(8), ignoreCase: true),
                    reader.IsDBNull(9) ? null : reader.GetString(9),
                    reader.IsDBNull(10) ? null : reader.GetString(10)));
            }

            return records;
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async ValueTask OnStoppedAsync()
    {
        // Under the gate: a batch the writer took before it was stopped may still be being stored.
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (_connection is not null)
            {
                await _connection.DisposeAsync().ConfigureAwait(false);
                _connection = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stores one batch in one transaction, with the retention sweep when it is due.</summary>
    protected override async Task WriteAsync(IReadOnlyList<TurnRecord> batch)
    {
        var cancellationToken = CancellationToken.None;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);

        // Read under the gate: a write before this one may have closed it after a failure (and the
        // stop drains the queue while the writer's last batch can still be in progress).
        var connection = _connection;
        try
        {
            if (connection is null)
            {
                connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA synchronous = NORMAL";
                await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var insert = connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO turns (time, channel, intent, score, answered, passage_ids, latency_ms, question, outcome, reason, answer_id) VALUES ($time, $channel, $intent, $score, $answered, $passages, $latency, $question, $outcome, $reason, $answer)";
                var time = insert.Parameters.Add("$time", SqliteType.Text);
                var channel = insert.Parameters.Add("$channel", SqliteType.Text);
                var intent = insert.Parameters.Add("$intent", SqliteType.Text);
                var score = insert.Parameters.Add("$score", SqliteType.Real);
                var answered = insert.Parameters.Add("$answered", SqliteType.Integer);
                var passages = insert.Parameters.Add("$passages", SqliteType.Text);
                var latency = insert.Parameters.Add("$latency", SqliteType.Real);
                var question = insert.Parameters.Add("$question", SqliteType.Text);
                var outcome = insert.Parameters.Add("$outcome", SqliteType.Text);
                var reason = insert.Parameters.Add("$reason", SqliteType.Text);
                var answer = insert.Parameters.Add("$answer", SqliteType.Text);
                foreach (var record in batch)
                {
                    time.Value = Stamp(record.Time);
                    channel.Value = record.ChannelId;
                    intent.Value = record.Intent;
                    score.Value = record.Score;
                    answered.Value = record.Answered ? 1 : 0;
                    passages.Value = string.Join(' ', record.PassageIds);
                    latency.Value = record.LatencyMs;
                    question.Value = (object?)record.Question ?? DBNull.Value;
                    outcome.Value = record.Kind.ToString().ToLowerInvariant();
                    reason.Value = (object?)record.Reason ?? DBNull.Value;
                    answer.Value = (object?)record.AnswerId ?? DBNull.Value;
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            var now = _time.GetUtcNow();
            if (now - _erased >= EraseInterval)
            {
                // Transcript retention: question text older than the limit is erased, the rest of the record stays
                // until the turn-log retention, when the record goes too.
                await using var erase = connection.CreateCommand();
                erase.Transaction = transaction;
                erase.CommandText = """
                    UPDATE turns SET question = NULL WHERE question IS NOT NULL AND time < $questions;
                    DELETE FROM turns WHERE time < $records;
                    """;
                erase.Parameters.AddWithValue("$questions", Stamp(now - _transcripts.Value.Retention));
                erase.Parameters.AddWithValue("$records", Stamp(now - _retention.Value.Retention));
                await erase.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                _erased = now;
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            _connection = connection;
        }
        catch (SqliteException ex)
        {
            Log.WriteFailed(_logger, batch.Count, ex);
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            _connection = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => _file.OpenAsync(cancellationToken);

    /// <summary>Adds the columns a file from before outcomes were kept lacks; SQLite errors on adding one twice, so each is looked for first.</summary>
    private static async Task AddOutcomeColumnsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        foreach (var column in (string[])["outcome", "reason", "answer_id"])
        {
            await using var find = connection.CreateCommand();
            find.CommandText = "SELECT COUNT(*) FROM pragma_table_info('turns') WHERE name = $name";
            find.Parameters.AddWithValue("$name", column);
            if (Convert.ToInt64(await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
            {
                await using var add = connection.CreateCommand();
                add.CommandText = $"ALTER TABLE turns ADD COLUMN {column} TEXT";
                await add.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Sortable UTC text, so time ranges are plain string comparisons.</summary>
    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static partial class Log
    {
        [LoggerMessage(EventId = 2700, Level = LogLevel.Warning, Message = "Could not store {Count} turn records")]
        public static partial void WriteFailed(ILogger logger, int count, Exception exception);
    }
}
