using CareerBot.Knowledge.Evaluation;
using CareerBot.Knowledge.Guides;
using CareerBot.Knowledge.Intents;

namespace CareerBot.Knowledge.Tests.Evaluation;

public sealed class EvaluatorTests
{
    private static readonly Passage[] Passages =
    [
        .. GuideLoader.Parse(TempKnowledgeBase.GuideA, "/kb/guides/guide-a.md").Passages,
        .. GuideLoader.Parse(TempKnowledgeBase.GuideB, "/kb/guides/guide-b.md").Passages,
    ];

    [Fact]
    public void Passages_CarryTheirGuidesUpdatedDate()
    {
        Assert.Equal(
            [("guide-a", new DateOnly(2026, 1, 15)), ("guide-b", new DateOnly(2025, 6, 1))],
            Passages.Select(p => (p.GuideId, p.Updated)).Distinct());
    }

    [Fact]
    public void StaleGuides_OlderThanTheAge_AreListedOnceEach()
    {
        var stale = Evaluator.StaleGuides(Passages, new DateOnly(2026, 7, 1), TimeSpan.FromDays(365));

        Assert.Equal([new StaleGuide("guide-b", new DateOnly(2025, 6, 1))], stale);
    }

    [Theory]
    [InlineData(2026, 6, 1, 0)]
    [InlineData(2026, 6, 2, 1)]
    public void StaleGuides_ExactlyTheAge_IsNotYetStale(int year, int month, int day, int count)
    {
        var stale = Evaluator.StaleGuides(Passages, new DateOnly(year, month, day), TimeSpan.FromDays(365));

        Assert.Equal(count, stale.Count);
    }

    [Fact]
    public void StaleGuides_SeveralStale_OldestFirst()
    {
        var stale = Evaluator.StaleGuides(Passages, new DateOnly(2026, 7, 1), TimeSpan.FromDays(100));

        Assert.Equal(["guide-b", "guide-a"], stale.Select(g => g.GuideId));
    }

    [Fact]
    public void Run_StaleGuideAgeFromOptions_ListsStaleGuidesInTheMarkdown()
    {
        using var kb = new TempKnowledgeBase();
        var options = kb.Options();
        options.StaleGuideAge = TimeSpan.FromDays(100);
        using var knowledge = new KnowledgeLoader(options).Load();

        var report = Evaluator.Run(knowledge, UtteranceLoader.LoadDirectory(options.IntentsPath), [], options.Trainer, new DateOnly(2026, 7, 1), crossValidate: false);

        Assert.Equal(100, report.StaleGuideDays);
        Assert.Contains(
            "\n## Guide freshness\n\n- Guides not updated in 100 days: guide-b (updated 2025-06-01), guide-a (updated 2026-01-15)\n",
            EvaluationReportFormatter.ToMarkdown(report).ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoStaleGuide_SaysEveryGuideIsRecent()
    {
        using var kb = new TempKnowledgeBase();
        using var knowledge = kb.Load();

        var report = Evaluator.Run(knowledge, UtteranceLoader.LoadDirectory(kb.IntentsPath), [], kb.Options().Trainer, new DateOnly(2026, 1, 20), crossValidate: false);

        Assert.Empty(report.StaleGuides);
        Assert.Contains(
            "\n## Guide freshness\n\n- Every guide was updated in the last 365 days.\n",
            EvaluationReportFormatter.ToMarkdown(report).ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RepeatedCrossValidation_ReportsTheMeanOfEachRepeatsOwnFolds()
    {
        using var kb = new TempKnowledgeBase();
        using var knowledge = kb.Load();
        var utterances = UtteranceLoader.LoadDirectory(kb.IntentsPath);
        var trainer = kb.Options().Trainer with { Seed = 40 };

        var report = Evaluator.Run(knowledge, utterances, [], trainer, new DateOnly(2026, 1, 20), repeats: 3);
        var once = Evaluator.Run(knowledge, utterances, [], trainer with { Seed = 41 }, new DateOnly(2026, 1, 20));

        Assert.Equal([40, 41, 42], report.Seeds);
        Assert.Equal(once.MacroF1, report.MacroF1ByRepeat[1], 12);
        Assert.Equal(report.MacroF1ByRepeat.Average(), report.MacroF1, 12);
        var confusion = report.Confusion.Cast<int>().Sum();
        Assert.Equal(3 * utterances.Examples.Count, confusion);
        Assert.Equal(utterances.Examples.Count, report.PerIntent.Sum(s => s.Support));
        Assert.Contains("macro-F1 by fold seed: 40 ", EvaluationReportFormatter.ToMarkdown(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_QuestionIntents_CountsTheQuestionsAskedAlone_AndListsTheMisreadOnes()
    {
        using var kb = new TempKnowledgeBase();
        using var knowledge = kb.Load();
        EvaluationQuestion[] questions =
        [
            new("what is the salary", "salary", [], null, 1, []),
            new("what is the salary", "education", [], null, 2, []),
            new("and for seniors?", "education", [], "what is the salary", 3, []),
        ];

        var report = Evaluator.Run(knowledge, UtteranceLoader.LoadDirectory(kb.IntentsPath), questions, kb.Options().Trainer, new DateOnly(2026, 1, 20), crossValidate: false);

        Assert.Equal(new HeldOutIntents(2, 1), report.QuestionIntents);
        Assert.Equal(["education -> salary  what is the salary"], report.QuestionIntentMisses);
        var markdown = EvaluationReportFormatter.ToMarkdown(report).ReplaceLineEndings("\n");
        Assert.Contains("classified by the model trained on every utterance: accuracy 0.500 (1 right).", markdown, StringComparison.Ordinal);
        Assert.Contains("\n## Questions whose intent was misread (1)\n\n- education -> salary  what is the salary\n", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Senior engineers earn $165K a year [1].", "$165k", true)]
    [InlineData("Build real projects:\n- Kaggle  competitions", "- Kaggle competitions", true)]
    [InlineData("Pay depends on location, experience and industry [1].", "$165K", false)]
    public void ShowsFact_FoldsCaseAndWhiteSpace_AndNeedsTheFactItself(string reply, string fact, bool shown)
    {
        Assert.Equal(shown, Evaluator.ShowsFact(reply, [fact]));
    }

    [Fact]
    public void Run_Facts_CountAnsweredQuestionsWhoseReplyContainsOne_AndFollowUpsApart()
    {
        using var kb = new TempKnowledgeBase();
        using var knowledge = kb.Load();
        var engine = new CareerBot.Knowledge.Answers.AnswerEngine(knowledge);
        var first = engine.Answer(new CareerBot.Knowledge.Answers.Question("what is the salary"));
        Assert.True(first.Answered, first.Text);
        var expected = first.Citations[0].PassageId;
        var shownFact = first.Text.Split(' ')[0];
        EvaluationQuestion[] questions =
        [
            new("what is the salary", "salary", [expected], null, 1, [shownFact]),
            new("what is the salary", "salary", [expected], null, 2, ["a phrase no reply has"]),
            new("and for seniors?", "salary", [expected], "what is the salary", 3, []),
        ];

        var report = Evaluator.Run(knowledge, UtteranceLoader.LoadDirectory(kb.IntentsPath), questions, kb.Options().Trainer, new DateOnly(2026, 1, 20), crossValidate: false);

        Assert.Equal((2, 1), (report.AnswerShown.Answered, report.AnswerShown.Shown));
        Assert.StartsWith($"what is the salary  -> {expected}: ", Assert.Single(report.AnswerShown.Missed), StringComparison.Ordinal);
        Assert.Equal(1, report.FollowUps.Questions);
        Assert.Contains("Answer shown: 0.500 (1 of 2 answered in-scope questions", EvaluationReportFormatter.ToMarkdown(report), StringComparison.Ordinal);
        Assert.Contains("## Answers whose reply text has none of their facts (1)", EvaluationReportFormatter.ToMarkdown(report), StringComparison.Ordinal);
    }

    [Fact]
    public void QuestionSetLoader_ReadsFacts_AndLeavesThemEmptyWhenAbsent()
    {
        var path = Path.Combine(Path.GetTempPath(), $"questions-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "- q: \"how much?\"\n  intent: salary\n  expect: [g#pay]\n  facts: [\"$165K\", \"\"]\n- q: hi\n  intent: greeting\n");
        try
        {
            var questions = QuestionSetLoader.Load(path);

            Assert.Equal(["$165K"], questions[0].Facts);
            Assert.Empty(questions[1].Facts);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
