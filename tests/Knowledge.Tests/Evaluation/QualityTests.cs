using CareerBot.Knowledge.Answers;
using CareerBot.Knowledge.Analysis;
using CareerBot.Knowledge.Evaluation;
using CareerBot.Knowledge.Intents;

namespace CareerBot.Knowledge.Tests.Evaluation;

/// <summary>
/// Retrieval quality on the evaluation set must not fall below what docs/quality.md reports;
/// a change to guides, synonyms or ranking that costs answers fails here.
/// </summary>
public sealed class QualityTests
{
    [Fact]
    public void QuestionSet_RetrievalAndDeclines_StayAtTheirRecordedLevel()
    {
        var options = RepositoryKnowledgeBase.Options();
        var questions = QuestionSetLoader.Load(Path.Combine(Path.GetDirectoryName(options.BasePath)!, "tests", "Knowledge.Tests", "Evaluation", "questions.yaml"));
        var utterances = UtteranceLoader.LoadDirectory(options.IntentsPath);

        var report = Evaluator.Run(RepositoryKnowledgeBase.Snapshot, utterances, questions, options.Trainer, new DateOnly(2026, 1, 1), crossValidate: false);

        Assert.True(questions.Count >= 150, $"{questions.Count} questions");
        Assert.True(report.Retrieval.HitAt1 >= 0.92, $"hit@1 {report.Retrieval.HitAt1:0.000}");
        Assert.True(report.Retrieval.HitAt3 >= 0.98, $"hit@3 {report.Retrieval.HitAt3:0.000}");
        Assert.True(report.Retrieval.HitAt1 > report.Baseline.HitAt1 + 0.1, $"hit@1 {report.Retrieval.HitAt1:0.000} vs BM25 {report.Baseline.HitAt1:0.000}");
        Assert.True(report.OutOfScopeRecall >= 0.95, $"out-of-scope recall {report.OutOfScopeRecall:0.000}");
        Assert.True(report.InScopeDeclineRate <= 0.02, $"in-scope declined {report.InScopeDeclineRate:0.000}");
        Assert.Equal(questions.Count(q => q.After is null), report.QuestionIntents.Messages);
        Assert.True(report.QuestionIntents.Accuracy >= 0.93, $"intent accuracy on the questions {report.QuestionIntents.Accuracy:0.000}: {string.Join("; ", report.QuestionIntentMisses)}");
    }

    /// <summary>
    /// The committed baseline (tests/Knowledge.Tests/Evaluation/baseline.json, written by
    /// <c>eval --save-baseline</c>) is honest: no figure that needs no cross-validation has dropped
    /// beyond its tolerance since it was saved. When a change is meant to move them, regenerate it.
    /// </summary>
    [Fact]
    public void CommittedBaseline_FiguresWithoutCrossValidation_HaveNotDropped()
    {
        var options = RepositoryKnowledgeBase.Options();
        var folder = Path.Combine(Path.GetDirectoryName(options.BasePath)!, "tests", "Knowledge.Tests", "Evaluation");
        var questions = QuestionSetLoader.Load(Path.Combine(folder, "questions.yaml"));
        var utterances = UtteranceLoader.LoadDirectory(options.IntentsPath);
        var committed = EvaluationBaseline.Load(Path.Combine(folder, "baseline.json"));

        var report = Evaluator.Run(RepositoryKnowledgeBase.Snapshot, utterances, questions, options.Trainer, new DateOnly(2026, 1, 1), crossValidate: false);
        var rows = committed!.Compare(EvaluationBaseline.From(report));

        Assert.Equal(EvaluationBaseline.Deterministic.Order(StringComparer.Ordinal), rows.Where(r => r.Baseline is not null).Select(r => r.Figure));
        Assert.Empty(rows.Where(r => r.Dropped).Select(r => $"{r.Figure}: {r.Baseline:0.000} -> {r.Now:0.000}"));
    }

    [Fact]
    public void Compare_DropBeyondTolerance_IsFlaggedEachWay()
    {
        var baseline = new EvaluationBaseline(100, 50, new Dictionary<string, double>
        {
            ["retrieval_hit_at_1"] = 0.90,
            ["retrieval_hit_at_3"] = 0.95,
            ["in_scope_decline_rate"] = 0.01,
            ["intent_cv_macro_f1"] = 0.95,
        });
        var now = new EvaluationBaseline(100, 50, new Dictionary<string, double>
        {
            ["retrieval_hit_at_1"] = 0.89,
            ["retrieval_hit_at_3"] = 0.97,
            ["in_scope_decline_rate"] = 0.02,
            ["intent_cv_macro_f1"] = 0.945,
            ["retrieval_mrr"] = 0.9,
        });

        var rows = baseline.Compare(now);

        Assert.Equal(
        [
            new BaselineComparison("in_scope_decline_rate", 0.01, 0.02, 0.01, 0.004, true),
            new BaselineComparison("intent_cv_macro_f1", 0.95, 0.945, -0.005, 0.01, false),
            new BaselineComparison("retrieval_hit_at_1", 0.90, 0.89, -0.01, 0.004, true),
            new BaselineComparison("retrieval_hit_at_3", 0.95, 0.97, 0.02, 0.004, false),
            new BaselineComparison("retrieval_mrr", null, 0.9, null, 0.004, false),
        ], rows);
    }

    [Fact]
    public void QuestionSet_IsHeldOut_NoQuestionIsAlsoAnUtterance()
    {
        var options = RepositoryKnowledgeBase.Options();
        var questions = QuestionSetLoader.Load(Path.Combine(Path.GetDirectoryName(options.BasePath)!, "tests", "Knowledge.Tests", "Evaluation", "questions.yaml"));
        var utterances = UtteranceLoader.LoadDirectory(options.IntentsPath).Examples.Select(e => Words(e.Text)).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(questions.Where(q => utterances.Contains(Words(q.Text))).Select(q => q.Text));
    }

    private static string Words(string text) => string.Join(" ", KnowledgeAnalyzer.WordsOf(text));

    /// <summary>
    /// The locked blind set's labels, and those of the second development set written the same
    /// way (fresh.yaml), stay consistent with the guides: every expected passage exists and every
    /// fact is a phrase of one of the question's expected passages, so "answer shown" measures the
    /// reply and not a typo in the labels.
    /// </summary>
    [Theory]
    [InlineData("blind.yaml", 300)]
    [InlineData("fresh.yaml", 250)]
    public void WrittenBlindSets_LabelsPointAtRealPassages_AndFactsAreTheirPhrases(string file, int minimum)
    {
        var options = RepositoryKnowledgeBase.Options();
        var questions = QuestionSetLoader.Load(Path.Combine(Path.GetDirectoryName(options.BasePath)!, "tests", "Knowledge.Tests", "Evaluation", file));
        var passages = RepositoryKnowledgeBase.Snapshot.Passages.ToDictionary(p => p.Id, p => p.Text, StringComparer.Ordinal);

        Assert.True(questions.Count >= minimum, $"{questions.Count} questions");
        Assert.True(questions.Count(q => q.IsOutOfScope) >= 40, "at least 40 questions to decline");
        Assert.All(questions.SelectMany(q => q.Expect), id => Assert.True(passages.ContainsKey(id), id));
        Assert.Empty(questions.Where(q => q.Facts.Any(f => !q.Expect.Any(id => passages[id].Contains(f, StringComparison.Ordinal)))).Select(q => q.Text));
        Assert.Empty(questions.Where(q => q.After is { } after && !questions.Any(p => p.Text == after && p.Line < q.Line)).Select(q => q.Text));
    }

    /// <summary>
    /// The development set's facts (labelled for "answer shown") are phrases of the question's
    /// expected passages too, and every in-scope question has some.
    /// </summary>
    [Fact]
    public void DevelopmentSet_FactsArePhrasesOfTheExpectedPassages()
    {
        var options = RepositoryKnowledgeBase.Options();
        var questions = QuestionSetLoader.Load(Path.Combine(Path.GetDirectoryName(options.BasePath)!, "tests", "Knowledge.Tests", "Evaluation", "questions.yaml"));
        var passages = RepositoryKnowledgeBase.Snapshot.Passages.ToDictionary(p => p.Id, p => p.Text, StringComparer.Ordinal);

        Assert.Empty(questions.Where(q => !q.IsOutOfScope && q.Facts.Count == 0).Select(q => q.Text));
        Assert.Empty(questions.Where(q => q.Facts.Any(f => !q.Expect.Any(id => passages[id].Contains(f, StringComparison.Ordinal)))).Select(q => q.Text));
    }

    /// <summary>
    /// Conversations on the committed guides whose right answer is plain: a follow-up that changes
    /// part of the question is answered from the passage on the new part, not from the passages
    /// just shown; one that asks about the things just compared is answered from the comparison.
    /// </summary>
    [Theory]
    [InlineData("What are the career levels of an ML engineer?", "what about senior ones?", "mle-what-they-do#senior-ml-engineer")]
    [InlineData("what's the difference between a data scientist and an ml engineer", "which one should i pick?", "mle-what-they-do#what-is-the-difference-between-a-data-scientist-and-a")]
    public void FollowUp_OnTheCommittedGuides_IsAnsweredFromThePassageThatAnswersIt(string first, string followUp, string passageId)
    {
        var engine = RepositoryKnowledgeBase.Snapshot.Engine;
        var previous = engine.Answer(new Question(first));

        var answer = engine.Answer(new Question(followUp, previous.Context));

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.Equal(passageId, answer.Citations[0].PassageId);
    }

    /// <summary>
    /// "I'm a backend dev, how do I switch into ML?" (issue 21) is a software engineer's question:
    /// "backend" and "dev" are in no guide, and read as written they made the question look off topic.
    /// </summary>
    [Theory]
    [InlineData("backend dev")]
    [InlineData("back end engineers")]
    [InlineData("backend developer")]
    public void Synonyms_ABackendDeveloper_IsReadAsASoftwareEngineer(string words)
    {
        var analyzer = RepositoryKnowledgeBase.Snapshot.Analyzer;

        Assert.Equal(analyzer.Tokens("software engineer"), analyzer.Tokens(words));
    }

    /// <summary>
    /// The locked blind set (docs/quality.md, "The locked blind set") may not lose more than two
    /// points of hit@1 or of "answer shown" below its committed figures, so no later change loses
    /// them silently: 0.711 and 0.664 since every passage has eight alternate questions and the intent
    /// files 180 more utterances, both written without the question sets; 0.701 and 0.651 since three closing sentences of the guides are no longer read
    /// as part of the list item above them; 0.701 and 0.654 after a topic at 0.8 gives a "closest they come" answer (three
    /// more answers, none with a labelled fact); 0.701 and 0.662 after the closest alternate question
    /// counted in the ranking;
    /// 0.665 and 0.653 after a follow-up that asks about the same things searches
    /// with the previous question's words; 0.655 and 0.644 after English words stopped being
    /// corrected as typos; 0.662 and 0.643 after the second development set's vocabulary; 0.662 and
    /// 0.637 after the answer-text work of issue 21 (hit@1 was 0.634 before it, 0.644 with the
    /// hand-written classifier). Nothing may be tuned on it to raise them.
    /// </summary>
    [Fact]
    public void BlindSet_HitAt1AndAnswerShown_StayWithinTwoPointsOfTheCommittedFigures()
    {
        const double Committed = 0.715;
        const double CommittedShown = 0.672;
        var options = RepositoryKnowledgeBase.Options();
        var questions = QuestionSetLoader.Load(Path.Combine(Path.GetDirectoryName(options.BasePath)!, "tests", "Knowledge.Tests", "Evaluation", "blind.yaml"));
        var utterances = UtteranceLoader.LoadDirectory(options.IntentsPath);

        var report = Evaluator.Run(RepositoryKnowledgeBase.Snapshot, utterances, questions, options.Trainer, new DateOnly(2026, 12, 3), crossValidate: false);

        Assert.True(report.AnswerShown.Rate >= CommittedShown - 0.02, $"blind answer shown {report.AnswerShown.Rate:0.000}, committed {CommittedShown:0.000}");
        Assert.True(report.Retrieval.HitAt1 >= Committed - 0.02, $"blind hit@1 {report.Retrieval.HitAt1:0.000}, committed {Committed:0.000}");
    }
}
