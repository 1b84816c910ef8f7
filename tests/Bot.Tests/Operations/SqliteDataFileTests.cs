using System.Globalization;
using CareerBot.Bot.Operations;
using CareerBot.Knowledge;
using CareerBot.Knowledge.Tests;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Tests.Operations;

/// <summary>
/// A data file's schema and migration on first open, when several connections open a new file at once.
/// The Agents Playground test once failed with "duplicate column name: vote": the page's vote and
/// the test's read of the feedback opened the new file together, and both added the column.
/// </summary>
public sealed class SqliteDataFileTests : IDisposable
{
    private const string Schema = "CREATE TABLE IF NOT EXISTS t (a TEXT);";
    private readonly TempKnowledgeBase _kb = new();

    public void Dispose() => _kb.Dispose();

    [Fact]
    public async Task Open_WhileTheMigrationRuns_HoldsTheWriteLock_SoNoOtherConnectionMigratesBesideIt()
    {
        var path = Path.Combine(_kb.Options().DataPath, "data.db");
        var migrating = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var file = new SqliteDataFile(path, Schema, async (connection, cancellationToken) =>
        {
            var missing = !await HasColumnAsync(connection, cancellationToken);
            migrating.SetResult();
            await release.Task;
            if (missing)
            {
                await ExecuteAsync(connection, "ALTER TABLE t ADD COLUMN b TEXT", cancellationToken);
            }
        });

        var opening = file.OpenAsync(CancellationToken.None);
        await migrating.Task;

        // Between the migration's look and its change, another connection can neither take the
        // write lock nor, so, run the same look-then-change (its busy retries end after a second).
        await using (var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            await other.OpenAsync();
            await using var begin = other.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE";
            begin.CommandTimeout = 1;
            var locked = await Assert.ThrowsAsync<SqliteException>(() => begin.ExecuteNonQueryAsync());
            Assert.Equal(5, locked.SqliteErrorCode); // SQLITE_BUSY
        }

        release.SetResult();
        await using var connection = await opening;
        Assert.True(await HasColumnAsync(connection, CancellationToken.None));
    }

    [Fact]
    public async Task FeedbackStores_OpeningANewFileAtOnce_AllReadIt()
    {
        var options = Options.Create(_kb.Options());
        var stores = Enumerable.Range(0, 8).Select(_ => new SqliteFeedbackStore(options)).ToArray();

        var reads = await Task.WhenAll(stores.Select(s => Task.Run(() => s.ReadAllAsync(CancellationToken.None))));

        Assert.All(reads, Assert.Empty);
    }

    private static async Task<bool> HasColumnAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var find = connection.CreateCommand();
        find.CommandText = "SELECT COUNT(*) FROM pragma_table_info('t') WHERE name = 'b'";
        return Convert.ToInt64(await find.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
