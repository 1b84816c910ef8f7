using CareerBot.Knowledge.Answers;

namespace CareerBot.Knowledge.Tests.Answers;

public sealed class FormatRequestTests
{
    [Theory]
    [InlineData("how is an ML engineer different from a software engineer, in a few bullet points pls", "how is an ML engineer different from a software engineer,")]
    [InlineData("what do ML engineers do? keep it short", "what do ML engineers do?")]
    [InlineData("explain MLOps in simple terms", "explain MLOps")]
    [InlineData("salary of an mle, briefly", "salary of an mle,")]
    [InlineData("tl;dr do I need a PhD", "do I need a PhD")]
    [InlineData("skills for ml engineers as a list please", "skills for ml engineers please")]
    public void Strip_TakesOutTheRequestForAFormOfReply(string text, string expected) =>
        Assert.Equal(expected, Normalise(FormatRequest.Strip(text)));

    [Theory]
    [InlineData("what are the main points of the job?")]          // "points" asked about, not a form of reply
    [InlineData("do ML engineers work short hours?")]
    [InlineData("which sentence in a job ad matters most?")]
    [InlineData("")]
    public void Strip_LeavesAQuestionWithoutSuchARequestAsItIs(string text) =>
        Assert.Equal(text, FormatRequest.Strip(text));

    private static string Normalise(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Replace(" ,", ",", StringComparison.Ordinal).Replace(" ?", "?", StringComparison.Ordinal);
}
