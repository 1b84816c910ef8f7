using CareerBot.Bot.Cli;
using CareerBot.Knowledge.Tests;

namespace CareerBot.Bot.Tests.Cli;

public sealed class EvalCommandTests : IDisposable
{
    private readonly TempKnowledgeBase _kb = new();

    public EvalCommandTests()
    {
        File.WriteAllText(QuestionsPath, """
            - q: Do I need a PhD?
              intent: education
              expect: [guide-a#do-i-need-a-phd]
            """);
    }

    private string QuestionsPath => Path.Combine(_kb.Root, "questions.yaml");

    public void Dispose() => _kb.Dispose();

    [Theory]
    [InlineData(365, "- Guides not updated in 365 days: guide-b (updated 2025-06-01)\n")]
    [InlineData(100, "- Guides not updated in 100 days: guide-b (updated 2025-06-01), guide-a (updated 2026-01-15)\n")]
    [InlineData(400, "- Every guide was updated in the last 400 days.\n")]
    public void Eval_GuidesOlderThanStaleGuideAge_AreListed(int days, string line)
    {
        var options = _kb.Options();
        options.StaleGuideAge = TimeSpan.FromDays(days);
        var output = new StringWriter();
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero));

        var exit = CliApp.Run(["eval", "--retrieval-only", "--no-misses", "--questions", QuestionsPath], output, new StringWriter(), options, time);

        Assert.Equal(0, exit);
        Assert.EndsWith("## Guide freshness\n\n" + line, output.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("21")]
    public void Eval_RepeatsOutOfRange_FailsWithAClearError(string repeats)
    {
        var error = new StringWriter();

        var exit = CliApp.Run(["eval", "--repeats", repeats, "--questions", QuestionsPath], new StringWriter(), error, _kb.Options(), TimeProvider.System);

        Assert.Equal(2, exit);
        Assert.Equal($"error: --repeats must be a whole number between 1 and 20; got '{repeats}'.\nSee `eval --help`.\n", error.ToString());
    }
}
