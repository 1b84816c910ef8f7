using CareerBot.Knowledge.Evaluation;
using CareerBot.Knowledge.Intents;
using CareerBot.Knowledge.Text;

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

    [Fact]
    public void QuestionSet_IsHeldOut_NoQuestionIsAlsoAnUtterance()
    {
        var options = RepositoryKnowledgeBase.Options();
        var questions = QuestionSetLoader.Load(Path.Combine(Path.GetDirectoryName(options.BasePath)!, "tests", "Knowledge.Tests", "Evaluation", "questions.yaml"));
        var utterances = UtteranceLoader.LoadDirectory(options.IntentsPath).Examples.Select(e => Words(e.Text)).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(questions.Where(q => utterances.Contains(Words(q.Text))).Select(q => q.Text));
    }

    private static string Words(string text) => string.Join(" ", Tokenizer.Tokenize(text));

    /// <summary>
    /// The locked blind set's labels stay consistent with the guides: every expected passage
    /// exists and every fact is a phrase of one of the question's expected passages, so
    /// "answer shown" measures the reply and not a typo in the labels.
    /// </summary>
    [Fact]
    public void BlindSet_LabelsPointAtRealPassages_AndFactsAreTheirPhrases()
    {
        var options = RepositoryKnowledgeBase.Options();
        var questions = QuestionSetLoader.Load(Path.Combine(Path.GetDirectoryName(options.BasePath)!, "tests", "Knowledge.Tests", "Evaluation", "blind.yaml"));
        var passages = RepositoryKnowledgeBase.Snapshot.Passages.ToDictionary(p => p.Id, p => p.Text, StringComparer.Ordinal);

        Assert.True(questions.Count >= 300, $"{questions.Count} questions");
        Assert.True(questions.Count(q => q.IsOutOfScope) >= 40, "at least 40 questions to decline");
        Assert.All(questions.SelectMany(q => q.Expect), id => Assert.True(passages.ContainsKey(id), id));
        Assert.Empty(questions.Where(q => q.Facts.Any(f => !q.Expect.Any(id => passages[id].Contains(f, StringComparison.Ordinal)))).Select(q => q.Text));
        Assert.Empty(questions.Where(q => q.After is { } after && !questions.Any(p => p.Text == after && p.Line < q.Line)).Select(q => q.Text));
    }
}
