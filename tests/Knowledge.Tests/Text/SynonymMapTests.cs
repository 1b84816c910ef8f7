using CareerBot.Knowledge.Text;

namespace CareerBot.Knowledge.Tests.Text;

public sealed class SynonymMapTests
{
    private static readonly SynonymMap Synonyms = SynonymLoader.Parse(
    [
        "# groups",
        "machine learning engineer, mle, ml engineer",
        "machine learning, ml",
        "salary, pay, compensation, earn",
        "phd, doctorate, ph.d",
    ]);

    [Fact]
    public void Parse_TermInTwoGroups_ReportsTheLine()
    {
        var ex = Assert.Throws<KnowledgeBaseException>(() => SynonymLoader.Parse(["salary, pay", "wage, pay"], "synonyms.txt"));

        Assert.Equal("synonyms.txt:2: 'pay' is already in the group on line 1; a term belongs to one group, so this one never applies to it", ex.Message);
    }

    [Fact]
    public void Parse_GroupInsideAnother_IsReportedOnceAsShadowed()
    {
        var ex = Assert.Throws<KnowledgeBaseException>(() => SynonymLoader.Parse(["salary, pay, wage", "# a comment", "Wage, PAY"], "synonyms.txt"));

        Assert.Equal("synonyms.txt:3: every term of this group is already in the group on line 1, so the group never applies; delete it or merge the two", ex.Message);
    }

    [Fact]
    public void Parse_EveryShadowedTerm_IsReportedInOneRun()
    {
        var diagnostics = new KnowledgeDiagnostics();

        SynonymLoader.Parse(["salary, pay", "ml, machine learning", "wage, pay", "deep learning, ml", "junior, entry level, entry-level"], "synonyms.txt", diagnostics);

        Assert.Equal(
        [
            "error: synonyms.txt:3: 'pay' is already in the group on line 1; a term belongs to one group, so this one never applies to it",
            "error: synonyms.txt:4: 'ml' is already in the group on line 2; a term belongs to one group, so this one never applies to it",
            "warning: synonyms.txt:5: 'entry-level' is listed twice in this group",
        ], diagnostics.Items.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("how much do ml engineers make", "how much do machine learning engineers salary")]
    [InlineData("can mles make 300k", "can machine learning engineer salary 300k")]
    [InlineData("what do they make per year", "what do they salary per year")]
    [InlineData("who makes the most", "who salary the most")]
    [InlineData("what makes ml engineering hard", "what makes machine learning engineering hard")]
    [InlineData("how do i make models faster", "how do i make models faster")]
    [InlineData("does a phd make sense", "does a phd make sense")]
    public void Apply_ConditionalMember_IsRewrittenOnlyBeforeItsContexts(string text, string expected)
    {
        var synonyms = SynonymLoader.Parse(
        [
            "machine learning engineer, mle, mles",
            "machine learning, ml",
            "salary, pay",
            "make, makes -> salary before <end>, <number>, per, the most",
        ]);

        Assert.Equal(expected, string.Join(' ', synonyms.Apply(Tokenizer.Tokenize(text))));
    }

    [Theory]
    [InlineData("make -> wage before <end>", "synonyms.txt:2: 'wage' is not the first term of a synonym group")]
    [InlineData("make -> salary", "synonyms.txt:2: a conditional line reads 'member, member -> canonical before context, context'")]
    [InlineData("pay -> salary before <end>", "synonyms.txt:2: every term of this group is already in the group on line 1, so the group never applies; delete it or merge the two")]
    public void Parse_BadConditionalLine_ReportsTheLine(string line, string message)
    {
        var ex = Assert.Throws<KnowledgeBaseException>(() => SynonymLoader.Parse(["salary, pay, wages", line], "synonyms.txt"));

        Assert.Equal(message, ex.Message);
    }
}
