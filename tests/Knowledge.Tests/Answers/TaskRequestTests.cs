using CareerBot.Knowledge.Answers;

namespace CareerBot.Knowledge.Tests.Answers;

public sealed class TaskRequestTests
{
    [Theory]
    [InlineData("write me a cover letter for an ml engineer job at a fintech", true)]
    [InlineData("Translate thank you into French", true)]
    [InlineData("Can you write my CV?", true)]
    [InlineData("  Proofread my essay", true)]
    [InlineData("writing skills for ml engineers", false)] // "writing" is not "write"
    [InlineData("what do ml engineers write code in", false)]
    [InlineData("how do I draft a study plan", false)]
    [InlineData("", false)]
    public void AsksToMakeSomething_OnlyWhenTheMessageOpensWithTheRequest(string text, bool expected)
    {
        Assert.Equal(expected, TaskRequest.AsksToMakeSomething(text));
    }
}
