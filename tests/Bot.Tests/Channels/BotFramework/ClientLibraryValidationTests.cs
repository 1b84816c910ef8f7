using System.IO.Compression;
using System.Text.Json.Nodes;
using CareerBot.Bot.Channels.Teams;
using CareerBot.Bot.Cli;
using CareerBot.Bot.Channels.BotFramework;
using CareerBot.Knowledge.Answers;
using CareerBot.Knowledge.Intents;
using CareerBot.Knowledge.Tests;

namespace CareerBot.Bot.Tests.Channels.BotFramework;

/// <summary>
/// What the bot sends, checked by the clients' own libraries (tests/tools/validate-payloads.js):
/// every Adaptive Card any renderer produces for any kind of reply parses in the adaptivecards
/// package at its declared version with no event, and the Teams app package validates with
/// @microsoft/app-manifest against the bundled schema of its manifest version.
/// </summary>
public sealed class ClientLibraryValidationTests : IDisposable
{
    private const string AppId = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    private readonly TempKnowledgeBase _kb = new();

    public void Dispose() => _kb.Dispose();

    private static readonly Topic[] Topics = [new("education"), new("salary"), new("skills")];

    private static readonly IReplyRenderer[] Renderers =
        [new AdaptiveCardRenderer(), new TeamsRenderer(), new WebChatRenderer(), new SlackRenderer(), new TextRenderer()];

    /// <summary>Every kind of reply the renderers are given, with guide text that looks like markup.</summary>
    private static IEnumerable<(string Name, Answer Answer)> EveryKindOfReply()
    {
        string[] samples = ["Do I need a PhD?", "How much do ML engineers earn?", "Which skills matter most?"];
        yield return ("welcome", Reply(AnswerKind.Greeting, Replies.Greeting, samples));
        yield return ("help", Reply(AnswerKind.Help, Replies.Help(Topics), samples));
        yield return ("reset", Reply(AnswerKind.Help, Replies.StartOver, samples));
        yield return ("decline", Reply(AnswerKind.Declined, Replies.Decline(Topics), samples));
        yield return ("decline-naming-words", Reply(AnswerKind.Declined, Replies.DeclineUnknown(["UK", "H-1B"], Topics), samples));
        yield return ("did-you-mean", Reply(AnswerKind.DidYouMean, Replies.DidYouMean, samples[..2]));
        yield return ("nothing-more", Reply(AnswerKind.Help, Replies.NothingMore, samples));
        for (var sources = 1; sources <= 3; sources++)
        {
            var citations = Enumerable.Range(1, sources).Select(Source).ToList();
            var text = string.Join("\n\n", citations.Select(c => $"{c.Quote} [{c.Number}]"));
            yield return ($"answer-{sources}-sources", Answered(text, citations));
        }

        yield return ("answer-with-list", Answered(
            "Employers want proof of ability:\n- Build real projects: 3-5 of them.\n- Open-source contributions. [1]\n\nAnd: [2]",
            [Source(1), Source(2)]));
        yield return ("answer-with-markup", Answered(
            "Use *stars*, _underscores_, <b>tags</b>, [links](https://example.com), `code`, # and a \\ backslash. [1]",
            [Source(1) with { GuideTitle = "A <i>guide</i> [x](y) *z*", SectionPath = "FAQ > Is 2 > 1? | #1", PassageText = "<script>alert(1)</script> *x* _y_ [z](w)" }]));
    }

    private static Answer Reply(AnswerKind kind, string text, IReadOnlyList<string> suggestions) =>
        new(string.Empty, kind, text, [], new IntentScore(kind.ToString().ToLowerInvariant(), 1), 1, suggestions, new ConversationContext(null, string.Empty, [], []));

    private static Answer Answered(string text, IReadOnlyList<Citation> citations) =>
        new("question", AnswerKind.Answered, text, citations, new IntentScore("education", 0.9), 0.9, ["What about senior ones?"], new ConversationContext("education", "question", [], [.. citations.Select(c => c.PassageId)]));

    private static Citation Source(int n) => new(
        n, $"guide-{n}#section", $"Guide {n}", $"\"Guide {n}\" (a career site)", "Frequently asked questions > Do I need a PhD?",
        $"Most jobs ask for a bachelor's degree ({n}).", $"Intro line.\nMost jobs ask for a bachelor's degree ({n}). More text.", new DateOnly(2026, 1, 15));

    [Fact]
    public async Task EveryCardOfEveryReply_ParsesAndValidatesInTheAdaptiveCardsLibrary_WithNoEvent()
    {
        var cards = new JsonArray();
        foreach (var (name, answer) in EveryKindOfReply())
        {
            foreach (var renderer in Renderers)
            {
                var reply = renderer.Render(answer);
                foreach (var attachment in reply.Attachments ?? [])
                {
                    Assert.Equal(AdaptiveCardRenderer.ContentType, attachment.ContentType);
                    cards.Add(new JsonObject { ["name"] = $"{renderer.GetType().Name}/{name}", ["card"] = attachment.Content!.DeepClone() });
                }
            }
        }

        var results = await ValidateAsync(new JsonObject { ["cards"] = cards });

        // The Emulator's card for each of the five answers; the other replies and channels send text.
        Assert.Equal(
            ["answer-1-sources", "answer-2-sources", "answer-3-sources", "answer-with-list", "answer-with-markup"],
            results["cards"]!.AsArray().Select(c => ((string)c!["name"]!).Split('/')[1]));
        Assert.All(results["cards"]!.AsArray(), card =>
        {
            Assert.Equal("1.5", (string?)card!["version"]);
            Assert.Equal((string)card["name"]! + ": []", (string)card["name"]! + ": " + card["events"]!.ToJsonString());
        });
    }

    [Fact]
    public async Task AdaptiveCardsLibrary_ReportsACardItCannotRender()
    {
        // The check can fail: an unknown element, and one that needs a later version than the card declares.
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.0",
            ["body"] = new JsonArray(new JsonObject { ["type"] = "Bogus" }, new JsonObject { ["type"] = "ActionSet", ["actions"] = new JsonArray() }),
        };

        var results = await ValidateAsync(new JsonObject { ["cards"] = new JsonArray(new JsonObject { ["name"] = "bad", ["card"] = card }) });

        Assert.Equal(
            """["parse: Unknown element type \u0022Bogus\u0022. Fallback will be used if present. (event 11, phase 0)","parse: Unknown element type \u0022ActionSet\u0022. Fallback will be used if present. (event 11, phase 0)"]""",
            results["cards"]![0]!["events"]!.ToJsonString());
    }

    [Fact]
    public async Task TeamsPackage_ManifestValidatesWithTheAppManifestLibrary_AndABrokenCopyDoesNot()
    {
        var folder = Path.Combine(_kb.Root, "package");
        var zip = Path.Combine(folder, "careerbot.zip");
        var exit = CliApp.Run(["teams-package", "--app-id", AppId, "--out", zip], new StringWriter(), new StringWriter(), _kb.Options());
        Assert.Equal(0, exit);
        var good = Path.Combine(folder, "manifest.json");
        using (var archive = ZipFile.OpenRead(zip))
        {
            archive.GetEntry(TeamsAppPackage.ManifestEntry)!.ExtractToFile(good);
        }

        var manifest = JsonNode.Parse(File.ReadAllText(good))!;
        manifest["name"]!["short"] = new string('C', 40);
        manifest["bots"]![0]!["botId"] = "not-a-guid";
        var bad = Path.Combine(folder, "broken-manifest.json");
        File.WriteAllText(bad, manifest.ToJsonString());

        var results = await ValidateAsync(new JsonObject
        {
            ["manifests"] = new JsonArray(
                new JsonObject { ["name"] = "package", ["path"] = good },
                new JsonObject { ["name"] = "broken", ["path"] = bad }),
        });

        Assert.Equal("[]", results["manifests"]![0]!["errors"]!.ToJsonString());
        var errors = results["manifests"]![1]!["errors"]!.AsArray().Select(e => (string)e!).ToList();
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("/name/short must NOT have more than 30 characters", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("/bots/0/botId must match pattern", errors[1], StringComparison.Ordinal);
    }

    private async Task<JsonNode> ValidateAsync(JsonObject input)
    {
        var path = Path.Combine(_kb.Root, $"validate-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, input.ToJsonString());
        return JsonNode.Parse(await NodeTools.RunAsync("validate-payloads.js", path))!;
    }
}
