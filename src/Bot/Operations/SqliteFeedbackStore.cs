using System.Globalization;
using CareerBot.Knowledge;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Operations;

/// <summary>
/// Feedback in a SQLite file next to the index (<c>feedback.db</c>). Retention as in the turn log: a
/// comment (kept only with transcripts on) is erased after <c>Transcripts:Retention</c>, a vote
/// deleted after <c>TurnLog:Retention</c>; the sweep runs with a vote, at most once a minute.
/// </summary>
internal sealed class SqliteFeedbackStore : IFeedbackStore
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly SqliteDataFile _file;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly (TimeSpan Votes, TimeSpan Comments, TimeProvider Time)? _retention;
    private DateTimeOffset _swept = DateTimeOffset.MinValue;

    /// <summary>The store the bot writes to, which sweeps old votes and comments.</summary>
    public SqliteFeedbackStore(IOptions<KnowledgeOptions> options, IOptions<TurnLogOptions> turnLog, IOptions<TranscriptOptions> transcripts, TimeProvider time)
        : this(options)
    {
        ArgumentNullException.ThrowIfNull(turnLog);
        ArgumentNullException.ThrowIfNull(transcripts);
        _retention = (turnLog.Value.Retention, transcripts.Value.Retention, time);
    }

    /// <summary>A store that only reads and records (the <c>report</c> verb, tests): no retention sweep.</summary>
    public SqliteFeedbackStore(IOptions<KnowledgeOptions> options)
    {
        // Files from before the vote column get it (old rows keep a null vote); SQLite errors on adding it
        // twice, so the step looks first.
        _file = new SqliteDataFile(
            Path.Combine(options.Value.DataPath, "feedback.db"),
            """
            CREATE TABLE IF NOT EXISTS feedback (time TEXT NOT NULL, channel TEXT NOT NULL, helpful INTEGER NOT NULL, intent TEXT NOT NULL, passage_ids TEXT NOT NULL, comment TEXT);
            """,
            AddVoteColumnAsync);
    }

    public async Task<bool> RecordAsync(Feedback feedback, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO feedback (time, channel, helpful, intent, passage_ids, comment, vote, answer_id) VALUES ($time, $channel, $helpful, $intent, $passages, $comment, $vote, $answer)
                ON CONFLICT (vote) DO UPDATE SET time = excluded.time, helpful = excluded.helpful, comment = excluded.comment
                """;
            command.Parameters.AddWithValue("$time", Stamp(feedback.Time));
            command.Parameters.AddWithValue("$channel", feedback.ChannelId);
            command.Parameters.AddWithValue("$helpful", feedback.Helpful ? 1 : 0);
            command.Parameters.AddWithValue("$intent", feedback.Intent);
            command.Parameters.AddWithValue("$passages", string.Join(' ', feedback.PassageIds));
            command.Parameters.AddWithValue("$comment", (object?)feedback.Comment ?? DBNull.Value);
            command.Parameters.AddWithValue("$vote", (object?)feedback.Vote ?? DBNull.Value);
            command.Parameters.AddWithValue("$answer", (object?)feedback.AnswerId ?? DBNull.Value);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await SweepAsync(connection, cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Erases comments past the transcript retention and deletes votes past the turn-log retention.</summary>
    private async Task SweepAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (_retention is not { } retention || retention.Time.GetUtcNow() - _swept < SweepInterval)
        {
            return;
        }

        var now = retention.Time.GetUtcNow();
        await using var sweep = connection.CreateCommand();
        sweep.CommandText = """
            UPDATE feedback SET comment = NULL WHERE comment IS NOT NULL AND time < $comments;
            DELETE FROM feedback WHERE time < $votes;
            """;
        sweep.Parameters.AddWithValue("$comments", Stamp(now - retention.Comments));
        sweep.Parameters.AddWithValue("$votes", Stamp(now - retention.Votes));
        await sweep.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        _swept = now;
    }

    /// <summary>Times as stored: round-trip format in UTC, so that text order is time order.</summary>
    private static string Stamp(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public async Task<IReadOnlyList<Feedback>> ReadAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT time, channel, helpful, intent, passage_ids, comment, vote, answer_id FROM feedback ORDER BY rowid";
        var results = new List<Feedback>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            results.Add(new Feedback(
                DateTimeOffset.Parse(reader.GetString(0), CultureInfo.InvariantCulture),
                reader.GetString(1), reader.GetInt32(2) == 1, reader.GetString(3),
                reader.GetString(4).Split(' ', StringSplitOptions.RemoveEmptyEntries),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return results;
    }

    private static async Task AddVoteColumnAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var find = connection.CreateCommand();
        find.CommandText = "SELECT COUNT(*) FROM pragma_table_info('feedback') WHERE name = 'vote'";
        if (Convert.ToInt64(await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
        {
            await using var add = connection.CreateCommand();
            add.CommandText = "ALTER TABLE feedback ADD COLUMN vote TEXT";
            await add.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // Votes tied to the answer they were given on: files from before get the column, null in old rows.
        await using var findAnswer = connection.CreateCommand();
        findAnswer.CommandText = "SELECT COUNT(*) FROM pragma_table_info('feedback') WHERE name = 'answer_id'";
        if (Convert.ToInt64(await findAnswer.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
        {
            await using var add = connection.CreateCommand();
            add.CommandText = "ALTER TABLE feedback ADD COLUMN answer_id TEXT";
            await add.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var index = connection.CreateCommand();
        index.CommandText = "CREATE UNIQUE INDEX IF NOT EXISTS feedback_vote ON feedback (vote)";
        await index.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => _file.OpenAsync(cancellationToken);
}
