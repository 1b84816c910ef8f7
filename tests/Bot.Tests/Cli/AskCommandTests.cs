using System.Text.Json.Nodes;
using CareerBot.Bot.Cli;
using CareerBot.Knowledge.Tests;

namespace CareerBot.Bot.Tests.Cli;

public sealed class AskCommandTests : IDisposable
{
    private readonly TempKnowledgeBase _kb = new();

    public void Dispose() => _kb.Dispose();

    [Fact]
    public void Ask_Json_PrintsTheDocumentedShape()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = CliApp.Run(["ask", "Do I need a PhD?", "--json"], output, error, _kb.Options());

        Assert.Equal(0, exit);
        var json = JsonNode.Parse(output.ToString())!.AsObject();
        Assert.Equal(["question", "intent", "answered", "text", "citations", "suggestions"], json.Select(p => p.Key));
        Assert.Equal("Do I need a PhD?", (string?)json["question"]);
        Assert.Equal("education", (string?)json["intent"]!["name"]);
        Assert.True((bool)json["answered"]!);
        var citation = json["citations"]![0]!.AsObject();
        Assert.Equal(["passageId", "source", "section", "quote", "text"], citation.Select(p => p.Key));
        Assert.Equal("guide-a#do-i-need-a-phd", (string?)citation["passageId"]);
        Assert.Equal("\"Guide A\" (a test site)", (string?)citation["source"]);
        Assert.Equal("Frequently asked questions > Do I need a PhD?", (string?)citation["section"]);
        Assert.Contains((string)citation["quote"]!, (string)citation["text"]!, StringComparison.Ordinal);
        Assert.StartsWith((string)citation["quote"]! + " [1]", (string)json["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_Text_PrintsAnswerSourcesAndSuggestions()
    {
        var output = new StringWriter();

        var exit = CliApp.Run(["ask", "Do I need a PhD?"], output, new StringWriter(), _kb.Options());

        Assert.Equal(0, exit);
        var text = output.ToString();
        Assert.Contains("Sources:\n  [1] Guide A > Frequently asked questions > Do I need a PhD?\n      guide-a#do-i-need-a-phd, updated 2026-01-15", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_Text_DeclineLeadsIntoItsSuggestionsOnce()
    {
        var output = new StringWriter();

        var exit = CliApp.Run(["ask", "what is the weather in seattle"], output, new StringWriter(), _kb.Options());

        Assert.Equal(0, exit);
        var text = output.ToString().ReplaceLineEndings("\n");
        Assert.Contains("You could try one of these:\n\n  - ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("You could also ask:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_BrokenGuide_ExitsWithFileAndLine()
    {
        File.WriteAllText(Path.Combine(_kb.GuidesPath, "guide-b.md"), "---\nid: guide-b\ntitle: B\nsource: S\nupdated: 2026-01-01\nsummary: s\n---\n## Oops\nNo topics here.\n");
        var error = new StringWriter();

        var exit = CliApp.Run(["ask", "anything"], new StringWriter(), error, _kb.Options());

        Assert.Equal(1, exit);
        Assert.Equal($"error: {Path.Combine(_kb.GuidesPath, "guide-b.md")}:8: section 'Oops' has no <!-- topics: ... --> comment after its heading", error.ToString().Trim());
    }

    [Fact]
    public void IndexAndTrain_WriteTheirFiles()
    {
        var options = _kb.Options();
        var output = new StringWriter();

        Assert.Equal(0, CliApp.Run(["index"], output, new StringWriter(), options));
        Assert.Equal(0, CliApp.Run(["train"], output, new StringWriter(), options));

        Assert.True(Directory.Exists(options.IndexPath));
        Assert.Contains(Directory.EnumerateFiles(options.IndexPath), f => Path.GetFileName(f).StartsWith("segments_", StringComparison.Ordinal));
        Assert.True(File.Exists(options.ModelPath));
        Assert.StartsWith($"Indexed 7 passages into {options.IndexPath}", output.ToString(), StringComparison.Ordinal);
    }
}
