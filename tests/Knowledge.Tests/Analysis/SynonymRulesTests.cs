using CareerBot.Knowledge.Analysis;

namespace CareerBot.Knowledge.Tests.Analysis;

public sealed class SynonymRulesTests
{
    [Fact]
    public void Parse_TermInTwoGroups_ReportsTheLine()
    {
        var ex = Assert.Throws<KnowledgeBaseException>(() => SynonymRules.Parse(["salary, pay", "wage, pay"], "synonyms.txt"));

        Assert.Equal("synonyms.txt:2: 'pay' is already in the group on line 1; a term belongs to one group, so this one never applies to it", ex.Message);
    }

    [Fact]
    public void Parse_GroupOfOne_ReportsTheLine()
    {
        var ex = Assert.Throws<KnowledgeBaseException>(() => SynonymRules.Parse(["# comment", "salary"], "synonyms.txt"));

        Assert.Equal("synonyms.txt:2: a synonym group needs at least two comma-separated terms", ex.Message);
    }

    [Theory]
    [InlineData("make -> wage before <end>", "synonyms.txt:2: 'wage' is not the first term of a synonym group")]
    [InlineData("make -> salary", "synonyms.txt:2: a conditional line reads 'member, member -> canonical before context, context'")]
    [InlineData("pay -> salary before <end>", "synonyms.txt:2: every term of this group is already in the group on line 1, so the group never applies; delete it or merge the two")]
    public void Parse_BadConditionalLine_ReportsTheLine(string line, string message)
    {
        var ex = Assert.Throws<KnowledgeBaseException>(() => SynonymRules.Parse(["salary, pay, wages", line], "synonyms.txt"));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Parse_GroupsAndConditionalLines_KeepsThemAsWritten()
    {
        var rules = SynonymRules.Parse(["salary, pay # money", "make, makes -> salary before <end>, a year"]);

        Assert.Equal(["salary", "pay"], rules.Groups.Single());
        var rule = rules.Conditional.Single();
        Assert.Equal(["make", "makes"], rule.Members);
        Assert.Equal("salary", rule.Canonical);
        Assert.Equal(["<end>", "a year"], rule.Before);
    }
}
