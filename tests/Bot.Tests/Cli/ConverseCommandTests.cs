using CareerBot.Bot.Cli;
using CareerBot.Knowledge.Tests;

namespace CareerBot.Bot.Tests.Cli;

public sealed class ConverseCommandTests : IDisposable
{
    private readonly TempKnowledgeBase _kb = new();

    public void Dispose() => _kb.Dispose();

    [Fact]
    public void Converse_EachMessageFollowsUpOnTheOneBefore_AndABlankLineStartsOver()
    {
        var file = Path.Combine(_kb.Root, "chats.txt");
        File.WriteAllText(file, "Do I need a PhD?\n  source?  \n\n\nsource?\n");
        var output = new StringWriter();

        var exit = CliApp.Run(["converse", file], output, new StringWriter(), _kb.Options());

        Assert.Equal(0, exit);
        var text = output.ToString().ReplaceLineEndings("\n");
        var conversations = text.Split("==========\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, conversations.Length);
        Assert.Contains(">>> source?   [Answered]\nMy last answer quotes these guides:\n- [1] Guide A, section \"Frequently asked questions / Do I need a PhD?\"", conversations[0], StringComparison.Ordinal);
        Assert.DoesNotContain("My last answer quotes", conversations[1], StringComparison.Ordinal); // no answer before it
    }

    [Fact]
    public void Converse_NoSuchFile_SaysSoAndFails()
    {
        var error = new StringWriter();

        var exit = CliApp.Run(["converse", Path.Combine(_kb.Root, "missing.txt")], new StringWriter(), error, _kb.Options());

        Assert.Equal(1, exit);
        Assert.StartsWith("error: no file '", error.ToString(), StringComparison.Ordinal);
    }
}
