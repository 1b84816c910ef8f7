using CareerBot.Knowledge.Intents;

namespace CareerBot.Knowledge.Tests.Intents;

public sealed class UtteranceLoaderTests
{
    [Fact]
    public void Parse_File_ReadsUtterancesAndExamples()
    {
        var (examples, samples) = UtteranceLoader.Parse(["# salary: pay questions", "# example: How much do ML engineers earn?", "", "what's the pay", "# a comment", "salary in texas"], "salary", "salary.txt");

        Assert.Equal(["what's the pay", "salary in texas"], examples.Select(e => e.Text));
        Assert.Equal([4, 6], examples.Select(e => e.Line));
        Assert.Equal(["How much do ML engineers earn?"], samples);
    }

    [Fact]
    public void Parse_NoHeader_ReportsLine()
    {
        var ex = Assert.Throws<KnowledgeBaseException>(() => UtteranceLoader.Parse(["", "what's the pay"], "salary", "salary.txt"));

        Assert.Equal("salary.txt:2: an intent file starts with a '#' comment that defines the intent", ex.Message);
    }

    [Fact]
    public void Parse_DuplicateUtterance_ReportsBothLines()
    {
        var ex = Assert.Throws<KnowledgeBaseException>(() => UtteranceLoader.Parse(["# x", "pay", "PAY"], "salary", "salary.txt"));

        Assert.Equal("salary.txt:3: 'PAY' repeats line 2", ex.Message);
    }

    [Fact]
    public void FromName_ConversationalAndTopic_AreTypedValues()
    {
        Assert.Equal(IntentKind.Greeting, Intent.FromName("greeting").Kind);
        Assert.Equal(IntentKind.OutOfScope, Intent.FromName("out_of_scope").Kind);
        Assert.Equal(new Topic("salary"), Intent.FromName("salary").Topic);
        Assert.Throws<ArgumentException>(() => Intent.FromName("Bad Name"));
    }
}
