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

    [Fact]
    public void Eval_SaveBaselineThenAWorseQuestionSet_FlagsTheDrop()
    {
        var baseline = Path.Combine(_kb.Root, "baseline.json");
        var saved = new StringWriter();
        Assert.Equal(0, CliApp.Run(["eval", "--retrieval-only", "--no-misses", "--questions", QuestionsPath, "--baseline", baseline, "--save-baseline"], saved, new StringWriter(), _kb.Options(), TimeProvider.System));
        Assert.StartsWith($"Saved 7 figures to {baseline}\n", saved.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);

        // The same question now expects a passage that does not answer it: hit@1 falls from 1 to 0.
        File.WriteAllText(QuestionsPath, File.ReadAllText(QuestionsPath).Replace("guide-a#do-i-need-a-phd", "guide-b#weather-on-the-coast", StringComparison.Ordinal));
        var output = new StringWriter();

        var exit = CliApp.Run(["eval", "--retrieval-only", "--no-misses", "--questions", QuestionsPath, "--baseline", baseline], output, new StringWriter(), _kb.Options(), TimeProvider.System);

        Assert.Equal(0, exit);
        var text = output.ToString().ReplaceLineEndings("\n");
        Assert.StartsWith("## Against the baseline (baseline.json)\n", text, StringComparison.Ordinal);
        Assert.Contains("| retrieval_hit_at_1 | 1.000 | 0.000 | -1.000 | DROP (beyond 0.004) |\n", text, StringComparison.Ordinal);
        Assert.Contains("| out_of_scope_recall | 0.000 | 0.000 | 0.000 |  |\n", text, StringComparison.Ordinal);
        Assert.Contains("figure(s) dropped beyond tolerance: ", text, StringComparison.Ordinal);
    }
}
