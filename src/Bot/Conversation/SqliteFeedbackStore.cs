using System.Globalization;
using CareerBot.Knowledge;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Conversation;

/// <summary>Feedback in a SQLite file next to the index (<c>feedback.db</c>).</summary>
internal sealed class SqliteFeedbackStore : IFeedbackStore
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _created;

    public SqliteFeedbackStore(IOptions<KnowledgeOptions> options)
    {
        var path = Path.Combine(options.Value.DataPath, "feedback.db");
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate }.ToString();
    }

    public async Task RecordAsync(Feedback feedback, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO feedback (time, channel, helpful, intent, passage_ids, comment) VALUES ($time, $channel, $helpful, $intent, $passages, $comment)";
            command.Parameters.AddWithValue("$time", feedback.Time.ToString("O", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$channel", feedback.ChannelId);
            command.Parameters.AddWithValue("$helpful", feedback.Helpful ? 1 : 0);
            command.Parameters.AddWithValue("$intent", feedback.Intent);
            command.Parameters.AddWithValue("$passages", string.Join(' ', feedback.PassageIds));
            command.Parameters.AddWithValue("$comment", (object?)feedback.Comment ?? DBNull.Value);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<Feedback>> ReadAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT time, channel, helpful, intent, passage_ids, comment FROM feedback ORDER BY rowid";
        var results = new List<Feedback>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            results.Add(new Feedback(
                DateTimeOffset.Parse(reader.GetString(0), CultureInfo.InvariantCulture),
                reader.GetString(1), reader.GetInt32(2) == 1, reader.GetString(3),
                reader.GetString(4).Split(' ', StringSplitOptions.RemoveEmptyEntries),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return results;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        Directory.CreateDirectory(Path.GetDirectoryName(connection.DataSource)!);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (!_created)
        {
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE IF NOT EXISTS feedback (time TEXT NOT NULL, channel TEXT NOT NULL, helpful INTEGER NOT NULL, intent TEXT NOT NULL, passage_ids TEXT NOT NULL, comment TEXT)";
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _created = true;
        }

        return connection;
    }
}
