using System.Globalization;
using CareerBot.Bot.State;
using CareerBot.Knowledge;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Conversation;

/// <summary>Feedback in a SQLite file next to the index (<c>feedback.db</c>).</summary>
internal sealed class SqliteFeedbackStore : IFeedbackStore
{
    private readonly SqliteDataFile _file;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public SqliteFeedbackStore(IOptions<KnowledgeOptions> options)
    {
        _file = new SqliteDataFile(
            Path.Combine(options.Value.DataPath, "feedback.db"),
            "CREATE TABLE IF NOT EXISTS feedback (time TEXT NOT NULL, channel TEXT NOT NULL, helpful INTEGER NOT NULL, intent TEXT NOT NULL, passage_ids TEXT NOT NULL, comment TEXT)");
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

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => _file.OpenAsync(cancellationToken);
}
