using CareerBot.Bot.Operations;
using CareerBot.Knowledge;
using CareerBot.Knowledge.Tests;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Tests.Operations;

/// <summary>Feedback storage: one row per vote name, and files written before votes had names.</summary>
public sealed class SqliteFeedbackStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private readonly TempKnowledgeBase _kb = new();

    public void Dispose() => _kb.Dispose();

    [Fact]
    public async Task Record_SameVoteTwice_ReplacesIt_WhileUnnamedVotesAreAllKept()
    {
        var store = new SqliteFeedbackStore(Options.Create(_kb.Options()));

        await store.RecordAsync(new Feedback(Now, "slack", true, "salary", ["guide-b#pay"], null, "vote-1"), CancellationToken.None);
        await store.RecordAsync(new Feedback(Now.AddMinutes(1), "slack", false, "salary", ["guide-b#pay"], null, "vote-1"), CancellationToken.None);
        await store.RecordAsync(new Feedback(Now, "slack", true, "unknown", [], null), CancellationToken.None);
        await store.RecordAsync(new Feedback(Now, "slack", true, "unknown", [], null), CancellationToken.None);

        var stored = await store.ReadAllAsync(CancellationToken.None);
        Assert.Equal(3, stored.Count);
        Assert.Equal(new Feedback(Now.AddMinutes(1), "slack", false, "salary", stored[0].PassageIds, null, "vote-1"), stored[0]);
        Assert.Equal(["guide-b#pay"], stored[0].PassageIds);
    }

    [Fact]
    public async Task Record_PastTheRetentions_ErasesOldCommentsAndDeletesOldVotes()
    {
        var time = new ManualTimeProvider(Now);
        var store = new SqliteFeedbackStore(
            Options.Create(_kb.Options()),
            Options.Create(new TurnLogOptions { Retention = TimeSpan.FromDays(365) }),
            Options.Create(new TranscriptOptions { Enabled = true, Retention = TimeSpan.FromDays(30) }),
            time);
        await store.RecordAsync(new Feedback(Now.AddDays(-400), "webchat", false, "salary", ["guide-b#pay"], "too old to keep", "vote-old"), CancellationToken.None);
        await store.RecordAsync(new Feedback(Now.AddDays(-40), "webchat", false, "salary", ["guide-b#pay"], "my name is Ann", "vote-month"), CancellationToken.None);
        await store.RecordAsync(new Feedback(Now.AddDays(-1), "webchat", true, "salary", ["guide-b#pay"], "thanks", "vote-new"), CancellationToken.None);

        // The first vote swept (no earlier sweep); the next sweep is due a minute later.
        time.Advance(TimeSpan.FromMinutes(1));
        await store.RecordAsync(new Feedback(Now, "webchat", true, "salary", ["guide-b#pay"], null, "vote-now"), CancellationToken.None);

        var stored = await store.ReadAllAsync(CancellationToken.None);
        Assert.Equal(
            [("vote-month", (string?)null), ("vote-new", "thanks"), ("vote-now", null)],
            stored.Select(f => (f.Vote!, f.Comment)).ToArray());
    }

    [Fact]
    public async Task Open_AFileFromBeforeVoteNames_KeepsItsRowsAndTakesNamedVotes()
    {
        var options = await OldFileAsync("""
                CREATE TABLE feedback (time TEXT NOT NULL, channel TEXT NOT NULL, helpful INTEGER NOT NULL, intent TEXT NOT NULL, passage_ids TEXT NOT NULL, comment TEXT);
                INSERT INTO feedback VALUES ('2026-01-02T03:04:05.0000000+00:00', 'webchat', 0, 'education', 'guide-a#do-i-need-a-phd', NULL);
                """);

        var store = new SqliteFeedbackStore(Options.Create(options));
        await store.RecordAsync(new Feedback(Now, "msteams", true, "salary", ["guide-b#pay"], null, "vote-2"), CancellationToken.None);
        await store.RecordAsync(new Feedback(Now, "msteams", false, "salary", ["guide-b#pay"], null, "vote-2"), CancellationToken.None);

        var stored = await store.ReadAllAsync(CancellationToken.None);
        Assert.Equal(2, stored.Count);
        Assert.Equal(("webchat", false, (string?)null), (stored[0].ChannelId, stored[0].Helpful, stored[0].Vote));
        Assert.Equal(("msteams", false, (string?)"vote-2"), (stored[1].ChannelId, stored[1].Helpful, stored[1].Vote));
    }

    [Fact]
    public async Task Open_AFileFromBeforeAnswerIds_KeepsItsRowsAndTiesNewVotesToTheirAnswer()
    {
        var options = await OldFileAsync("""
                CREATE TABLE feedback (time TEXT NOT NULL, channel TEXT NOT NULL, helpful INTEGER NOT NULL, intent TEXT NOT NULL, passage_ids TEXT NOT NULL, comment TEXT, vote TEXT);
                CREATE UNIQUE INDEX feedback_vote ON feedback (vote);
                INSERT INTO feedback VALUES ('2026-01-02T03:04:05.0000000+00:00', 'webchat', 1, 'education', 'guide-a#do-i-need-a-phd', NULL, 'vote-1');
                """);

        var store = new SqliteFeedbackStore(Options.Create(options));
        await store.RecordAsync(new Feedback(Now, "msteams", false, "salary", ["guide-b#pay"], null, "vote-2", "answer-7"), CancellationToken.None);

        var stored = await store.ReadAllAsync(CancellationToken.None);
        Assert.Equal([(string?)"vote-1", "vote-2"], stored.Select(f => f.Vote));
        Assert.Equal([(string?)null, "answer-7"], stored.Select(f => f.AnswerId));
    }

    /// <summary>A feedback.db as an earlier version of the bot wrote it, made with the given SQL.</summary>
    private async Task<KnowledgeOptions> OldFileAsync(string sql)
    {
        var options = _kb.Options();
        Directory.CreateDirectory(options.DataPath);
        var path = Path.Combine(options.DataPath, "feedback.db");
        await using var old = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await old.OpenAsync();
        await using var create = old.CreateCommand();
        create.CommandText = sql;
        await create.ExecuteNonQueryAsync();
        return options;
    }
}
