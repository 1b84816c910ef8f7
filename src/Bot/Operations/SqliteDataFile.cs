using Microsoft.Data.Sqlite;

namespace CareerBot.Bot.Operations;

/// <summary>
/// A small SQLite file in the data folder (feedback, turn records): its folder and schema are
/// created on first use (then the migration step, if given, brings an older file up to date),
/// then each caller gets its own open connection.
/// </summary>
internal sealed class SqliteDataFile(string path, string schema, Func<SqliteConnection, CancellationToken, Task>? migrate = null)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();
    private volatile bool _created;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (!_created)
            {
                await using var create = connection.CreateCommand();
                create.CommandText = schema;
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                if (migrate is not null)
                {
                    await migrate(connection, cancellationToken).ConfigureAwait(false);
                }

                _created = true;
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
