using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareerBot.Bot.Operations;
using CareerBot.Knowledge;
using CareerBot.Knowledge.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace CareerBot.Bot.Tests.Operations;

/// <summary>Live knowledge updates: a new index swaps in while turns keep running, none failing or mixing versions.</summary>
public sealed class KnowledgeReloadHostTests : IDisposable
{
    private const string OldAnswer = "A PhD is not required for most machine learning engineer jobs.";
    private const string NewAnswer = "Rarely. Only research labs tend to ask for a PhD from machine learning engineers.";
    private readonly TempKnowledgeBase _kb = new();
    private readonly string _data = Path.Combine(Path.GetTempPath(), "careerbot-reload-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        _kb.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    [Fact]
    public async Task IndexVerb_WhileTurnsRun_SwapsInTheNewGuideWithNoFailedOrMixedTurn()
    {
        using var factory = ReloadingBot(new()
        {
            ["Reload:OnDataChange"] = "true",
            ["Bot:MessagesPerMinute"] = "0",
        });
        var client = factory.CreateClient();
        Assert.Contains(OldAnswer, await AskAsync(client, "c-before"), StringComparison.Ordinal);

        // Turns keep coming while the operator edits the guide and runs `index`.
        var results = new ConcurrentQueue<(HttpStatusCode Status, string Text)>();
        using var stop = new CancellationTokenSource();
        var traffic = Enumerable.Range(0, 2).Select(worker => Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                var response = await client.PostAsJsonAsync("/api/messages", Activities.Message("Do I need a PhD?", conversationId: $"c-{worker}-{n++}"));
                var text = response.IsSuccessStatusCode ? TextOf(await response.Content.ReadFromJsonAsync<JsonObject>()) : string.Empty;
                results.Enqueue((response.StatusCode, text));
            }
        })).ToArray();

        await Poll.UntilAsync(() => results.Count >= 5, TimeSpan.FromSeconds(30), "turns before the edit");
        var guide = Path.Combine(_kb.GuidesPath, "guide-a.md");
        File.WriteAllText(guide, File.ReadAllText(guide).Replace(OldAnswer, NewAnswer, StringComparison.Ordinal));
        new KnowledgeLoader(new KnowledgeOptions { BasePath = _kb.BasePath, DataPath = _data }).BuildIndex();
        await Poll.UntilAsync(() => results.Any(r => r.Text.Contains(NewAnswer, StringComparison.Ordinal)), TimeSpan.FromSeconds(60), "an answer from the new index");
        var afterSwap = results.Count;
        await Poll.UntilAsync(() => results.Count >= afterSwap + 5, TimeSpan.FromSeconds(30), "turns after the swap");
        await stop.CancelAsync();
        await Task.WhenAll(traffic);

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.All(results, r => Assert.True(
            r.Text.Contains(OldAnswer, StringComparison.Ordinal) ^ r.Text.Contains(NewAnswer, StringComparison.Ordinal),
            $"each answer comes from exactly one version: {r.Text}"));
        Assert.Contains(factory.Logs.Events, e => e.EventId == 1020);
        Assert.Contains(NewAnswer, await AskAsync(client, "c-after"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IndexVerb_AfterTheSwap_RetiresTheOldSnapshotsIndexReader()
    {
        using var factory = ReloadingBot(new()
        {
            ["Reload:RetireAfter"] = "00:00:01",
            ["Reload:OnDataChange"] = "true",
        });
        var client = factory.CreateClient();
        Assert.Contains(OldAnswer, await AskAsync(client, "c-1"), StringComparison.Ordinal);
        var provider = factory.Services.GetRequiredService<KnowledgeProvider>();
        var old = provider.Current;

        var guide = Path.Combine(_kb.GuidesPath, "guide-a.md");
        File.WriteAllText(guide, File.ReadAllText(guide).Replace(OldAnswer, NewAnswer, StringComparison.Ordinal));
        new KnowledgeLoader(new KnowledgeOptions { BasePath = _kb.BasePath, DataPath = _data }).BuildIndex();
        await Poll.UntilAsync(() => !ReferenceEquals(provider.Current, old), TimeSpan.FromSeconds(60), "the new snapshot");

        await Poll.UntilAsync(() => IsDisposed(old), TimeSpan.FromSeconds(60), "the old snapshot's reader to be disposed");
        Assert.Contains(NewAnswer, await AskAsync(client, "c-2"), StringComparison.Ordinal);

        static bool IsDisposed(KnowledgeSnapshot snapshot)
        {
            try
            {
                snapshot.Index.Search(["phd"], 5);
                return false;
            }
            catch (ObjectDisposedException)
            {
                return true;
            }
        }
    }

    /// <summary>A bot on this test's knowledge base and data folder, reloading 100 ms after a change, with <paramref name="settings"/>.</summary>
    private BotFactory ReloadingBot(Dictionary<string, string?> settings)
    {
        settings["Knowledge:BasePath"] = _kb.BasePath;
        settings["Knowledge:DataPath"] = _data;
        settings["Reload:Debounce"] = "00:00:00.100";
        return new BotFactory(settings);
    }

    [Theory]
    [InlineData("guides/guide-a.md", true)]
    [InlineData("intents/salary.txt", true)]
    [InlineData("synonyms.txt", true)]
    [InlineData("drafts/new-guide.md", false)]
    [InlineData("drafts/sources/new-guide.html.txt", false)]
    [InlineData("drafts\\new-guide.md", false)]
    [InlineData("guides/notes.swp", false)]
    public void IsKnowledgeFile_DraftsAndOtherFiles_DoNotTriggerAReload(string name, bool reloads) =>
        Assert.Equal(reloads, KnowledgeReloadService.IsKnowledgeFile(name));

    [Fact]
    public async Task BrokenGuide_WhenWatched_KeepsTheOldVersionServingAndLogs()
    {
        using var factory = ReloadingBot(new()
        {
            ["Reload:WatchKnowledgeBase"] = "true",
        });
        var client = factory.CreateClient();
        Assert.Contains(OldAnswer, await AskAsync(client, "c-1"), StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(_kb.GuidesPath, "guide-c.md"), "---\nid: guide-c\ntitle: C\nsource: S\nupdated: 2026-01-01\nsummary: s\n---\n## Oops\nNo topics here.\n");
        await Poll.UntilAsync(() => factory.Logs.Events.Any(e => e.EventId == 1021), TimeSpan.FromSeconds(60), "the failed reload to be logged");

        Assert.Contains(factory.Logs.Events, e => e.EventId == 1021 && e.Message.Contains("guide-c.md:8", StringComparison.Ordinal));
        Assert.Contains(OldAnswer, await AskAsync(client, "c-2"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelFromAnotherVersion_InTheDataFolder_IsNotRetrainedOver()
    {
        using var factory = ReloadingBot(new()
        {
            ["Reload:OnDataChange"] = "true",
        });
        var client = factory.CreateClient();
        Assert.Contains(OldAnswer, await AskAsync(client, "c-1"), StringComparison.Ordinal);

        // Another version of the bot, with other trainer settings, trains into the same data folder.
        var other = new KnowledgeOptions { BasePath = _kb.BasePath, DataPath = _data, Trainer = new() { L2 = 1e-3 } };
        new KnowledgeLoader(other).Train();
        var written = File.ReadAllBytes(other.ModelPath);
        await Poll.UntilAsync(() => factory.Logs.Events.Any(e => e.EventId is 1020 or 1021), TimeSpan.FromSeconds(60), "the reload's outcome to be logged");

        Assert.Contains(factory.Logs.Events, e => e.EventId == 1021 && e.Message.Contains("intent-model", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs.Events, e => e.EventId == 1020);
        Assert.Equal(written, File.ReadAllBytes(other.ModelPath)); // left as the other version wrote it
        Assert.Contains(OldAnswer, await AskAsync(client, "c-2"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelZipOfAnotherFormat_RenamedIntoTheDataFolder_IsRefusedAndTheOldModelKeepsAnswering()
    {
        using var factory = ReloadingBot(new()
        {
            ["Reload:OnDataChange"] = "true",
        });
        var client = factory.CreateClient();
        Assert.Contains(OldAnswer, await AskAsync(client, "c-1"), StringComparison.Ordinal);

        // Another version of the bot, whose model zip has another layout, writes its model the way `train` does.
        var modelPath = Path.Combine(_data, "intent-model.zip");
        var staged = Path.Combine(_data, ".intent-model.zip.other.tmp");
        File.Copy(modelPath, staged);
        CareerBot.Knowledge.Tests.Intents.ModelZips.RewriteFormatVersion(staged, CareerBot.Knowledge.Intents.IntentModel.FormatVersion + 1);
        var written = File.ReadAllBytes(staged);
        File.Move(staged, modelPath, overwrite: true);
        await Poll.UntilAsync(() => factory.Logs.Events.Any(e => e.EventId is 1020 or 1021), TimeSpan.FromSeconds(60), "the reload's outcome to be logged");

        Assert.Contains(factory.Logs.Events, e => e.EventId == 1021 && e.Message.Contains($"is model format {CareerBot.Knowledge.Intents.IntentModel.FormatVersion + 1}", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs.Events, e => e.EventId == 1020);
        Assert.Equal(written, File.ReadAllBytes(modelPath));
        Assert.Contains(OldAnswer, await AskAsync(client, "c-2"), StringComparison.Ordinal);
    }

    private static async Task<string> AskAsync(HttpClient client, string conversationId)
    {
        var response = await client.PostAsJsonAsync("/api/messages", Activities.Message("Do I need a PhD?", conversationId: conversationId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return TextOf(await response.Content.ReadFromJsonAsync<JsonObject>());
    }

    /// <summary>The answer card's text blocks, joined (the Emulator rendering puts the answer in an Adaptive Card).</summary>
    private static string TextOf(JsonObject? body) =>
        string.Join("\n", body?["activities"]?.AsArray().Select(a => a?.ToJsonString() ?? string.Empty) ?? []);
}
