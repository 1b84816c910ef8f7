using Microsoft.Data.Sqlite;

namespace CareerBot.Bot.Operations;

/// <summary>
/// A small SQLite file in the data folder (feedback, turn records): its folder and schema are
/// created on first use (then the migration step, if given, brings an older file up to date),
/// then each caller gets its own open connection. The schema and migration run in one write
/// transaction (<c>BEGIN IMMEDIATE</c>): two connections opening a new file at once (the bot
/// recording a vote while a reader opens it) would otherwise both find a column missing and both
/// add it, and the second fails with "duplicate column name".
/// </summary>
/// <param name="writeAheadLog">Whether the file is put in write-ahead-log mode first (a journal mode cannot change inside a transaction).</param>
internal sealed class SqliteDataFile(string path, string schema, Func<SqliteConnection, CancellationToken, Task>? migrate = null, bool writeAheadLog = false)
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
                if (writeAheadLog)
                {
                    await ExecuteAsync(connection, "PRAGMA journal_mode = WAL", cancellationToken).ConfigureAwait(false);
                }

                // Not a SqliteTransaction: the migration's commands would each need it set. SQLite
                // runs the statements between BEGIN and COMMIT in the transaction all the same, and
                // a second connection's BEGIN IMMEDIATE waits (the command timeout's busy retries)
                // until the first commits, then finds the file up to date.
                await ExecuteAsync(connection, "BEGIN IMMEDIATE", cancellationToken).ConfigureAwait(false);
                try
                {
                    await ExecuteAsync(connection, schema, cancellationToken).ConfigureAwait(false);
                    if (migrate is not null)
                    {
                        await migrate(connection, cancellationToken).ConfigureAwait(false);
                    }

                    await ExecuteAsync(connection, "COMMIT", cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    await ExecuteAsync(connection, "ROLLBACK", CancellationToken.None).ConfigureAwait(false);
                    throw;
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

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
