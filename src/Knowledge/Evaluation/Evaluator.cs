using CareerBot.Knowledge.Analysis;
using CareerBot.Knowledge.Answers;
using CareerBot.Knowledge.Guides;
using CareerBot.Knowledge.Intents;

namespace CareerBot.Knowledge.Evaluation;

/// <summary>
/// Measures the knowledge core: the classifier by stratified cross-validation on the
/// utterances, and the whole engine on a question set (retrieval hit@k and MRR, declines),
/// beside a plain BM25 baseline on the same Lucene index (Lucene's BM25 alone over the raw
/// question words, stemmed: no intent, synonyms, typo handling or re-ranking); and lists the guides not updated within
/// <see cref="KnowledgeOptions.StaleGuideAge"/> of <c>today</c>.
/// </summary>
public static class Evaluator
{
    /// <param name="today">The day guide ages are counted to (the caller's clock, so tests fix it).</param>
    /// <param name="repeats">
    /// Times the cross-validation is repeated, each with its own fold assignment (the trainer's
    /// seed, then the seeds after it). Which utterances share a fold moves macro-F1 by about
    /// ±0.005, so the figures reported are means over the repeats.
    /// </param>
    public static EvaluationReport Run(KnowledgeSnapshot knowledge, UtteranceSet utterances, IReadOnlyList<EvaluationQuestion> questions, IntentTrainerOptions trainer, DateOnly today, bool crossValidate = true, int repeats = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(repeats);
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(utterances);
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(trainer);

        var known = knowledge.Passages.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var question in questions)
        {
            foreach (var id in question.Expect.Where(id => !known.Contains(id)))
            {
                throw new KnowledgeBaseException("questions", question.Line, $"'{question.Text}' expects passage '{id}', which no guide has");
            }
        }

        var labels = utterances.IntentNames.Order(StringComparer.Ordinal).ToArray();
        var position = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var confusion = new int[labels.Length, labels.Length];
        var macroF1ByRepeat = new List<double>();
        var accuracyByRepeat = new List<double>();
        var missedIn = new Dictionary<(string Text, string Expected, string Predicted), int>();
        for (var repeat = 0; crossValidate && repeat < repeats; repeat++)
        {
            var predictions = CrossValidation.Predict(utterances.Examples, knowledge.Analyzer.Rules, trainer with { Seed = trainer.Seed + repeat });
            var matrix = new int[labels.Length, labels.Length];
            foreach (var p in predictions)
            {
                matrix[position[p.Expected], position[p.Predicted]]++;
                confusion[position[p.Expected], position[p.Predicted]]++;
                if (p.Expected != p.Predicted)
                {
                    missedIn[(p.Text, p.Expected, p.Predicted)] = missedIn.GetValueOrDefault((p.Text, p.Expected, p.Predicted)) + 1;
                }
            }

            macroF1ByRepeat.Add(Scores(labels, matrix, 1).Average(s => s.F1));
            accuracyByRepeat.Add(predictions.Count == 0 ? 0 : predictions.Count(p => p.Expected == p.Predicted) / (double)predictions.Count);
        }

        // Per intent: all repeats pooled, support counted once.
        var perIntent = Scores(labels, confusion, macroF1ByRepeat.Count);
        var accuracy = accuracyByRepeat.Count == 0 ? 0 : accuracyByRepeat.Average();
        var macroF1 = macroF1ByRepeat.Count == 0 ? perIntent.Average(s => s.F1) : macroF1ByRepeat.Average();

        var engine = knowledge.Engine;
        var ranks = new List<int>();
        var baselineRanks = new List<int>();
        var followUpRanks = new List<int>();
        int withFacts = 0, factShown = 0;
        var notShown = new List<string>();
        var misses = new List<string>();
        var intentMisses = new List<string>();
        int oosDeclined = 0, oosTotal = 0, inScopeDeclined = 0, inScopeTotal = 0, alone = 0;
        var guideOf = knowledge.Passages.ToDictionary(p => p.Id, p => p.GuideId, StringComparer.Ordinal);
        var groups = new List<(string Intent, string Guide, int Rank, bool Declined)>();
        foreach (var question in questions)
        {
            ConversationContext? previous = null;
            if (question.After is { } after)
            {
                previous = engine.Answer(new Question(after) { AskedOn = today }).Context;
            }
            else
            {
                alone++;
                var read = knowledge.Model.Classify(question.Text).Intent.Name;
                if (read != question.Intent)
                {
                    intentMisses.Add($"{question.Intent} -> {read}  {question.Text}");
                }
            }

            var asked = new Question(question.Text, previous) { AskedOn = today };
            var answer = engine.Answer(asked);
            var declined = answer.Kind is AnswerKind.Declined or AnswerKind.DidYouMean;
            if (question.IsOutOfScope)
            {
                oosTotal++;
                if (answer.Kind != AnswerKind.Answered)
                {
                    oosDeclined++;
                }
                else
                {
                    misses.Add($"answered out-of-scope  {question.Text}  -> {answer.Citations[0].PassageId}");
                }

                continue;
            }

            if (question.Expect.Count == 0)
            {
                continue; // small talk: checked by the intent figures, not retrieval
            }

            inScopeTotal++;
            if (declined)
            {
                inScopeDeclined++;
            }

            var ranked = declined ? [] : answer.Ranking.Select(r => r.Passage.Id).ToList();
            var rank = RankOf(ranked, question.Expect);
            ranks.Add(rank);
            var guides = question.Expect.Select(id => guideOf[id]).Distinct(StringComparer.Ordinal).ToList();
            groups.Add((question.Intent, guides.Count == 1 ? guides[0] : SeveralGuides, rank, declined));
            if (question.After is not null)
            {
                followUpRanks.Add(rank);
            }

            if (!declined && question.Facts.Count > 0)
            {
                withFacts++;
                if (ShowsFact(answer.Text, question.Facts))
                {
                    factShown++;
                }
                else
                {
                    notShown.Add($"{question.Text}  -> {(answer.Citations.Count > 0 ? $"{answer.Citations[0].PassageId}: {answer.Citations[0].Quote.ReplaceLineEndings(" ")}" : "(no citation)")}");
                }
            }
            if (rank != 1)
            {
                misses.Add($"{(declined ? "declined" : $"rank {(rank == 0 ? "-" : rank.ToString(System.Globalization.CultureInfo.InvariantCulture))}")}  {question.Text}  -> {(ranked.Count > 0 ? ranked[0] : "(none)")}");
            }

            var raw = KnowledgeAnalyzer.WordsOf(question.Text).Select(KnowledgeAnalyzer.StemOf).ToArray();
            var baseline = knowledge.Index.Search(raw, 10).Select(h => knowledge.Passages[h.Ordinal].Id).ToList();
            baselineRanks.Add(RankOf(baseline, question.Expect));
        }

        var allDeclined = oosDeclined + inScopeDeclined;
        return new EvaluationReport(
            utterances.Examples.Count, trainer.Folds, accuracy, macroF1, macroF1ByRepeat.Count == 0 ? [] : Enumerable.Range(0, macroF1ByRepeat.Count).Select(r => trainer.Seed + r).ToArray(), macroF1ByRepeat, perIntent, labels, confusion,
            new HeldOutIntents(alone, alone - intentMisses.Count),
            Scores(ranks), Scores(baselineRanks), Scores(followUpRanks), new AnswerShown(withFacts, factShown) { Missed = notShown },
            oosTotal, allDeclined == 0 ? 0 : oosDeclined / (double)allDeclined, oosTotal == 0 ? 0 : oosDeclined / (double)oosTotal,
            inScopeTotal, inScopeTotal == 0 ? 0 : inScopeDeclined / (double)inScopeTotal, misses,
            missedIn.Select(m => repeats == 1 ? $"{m.Key.Expected} -> {m.Key.Predicted}  {m.Key.Text}" : $"{m.Key.Expected} -> {m.Key.Predicted} ({m.Value} of {repeats})  {m.Key.Text}").ToArray(),
            intentMisses,
            ByGroup(groups, g => g.Intent), ByGroup(groups, g => g.Guide),
            WholeDays(knowledge.Options.StaleGuideAge), StaleGuides(knowledge.Passages, today, knowledge.Options.StaleGuideAge));
    }

    /// <summary>The group name of questions whose accepted passages come from more than one guide.</summary>
    public const string SeveralGuides = "several guides";

    private static GroupRetrieval[] ByGroup(List<(string Intent, string Guide, int Rank, bool Declined)> questions, Func<(string Intent, string Guide, int Rank, bool Declined), string> key) =>
        questions
            .GroupBy(key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var scores = Scores(g.Select(q => q.Rank).ToList());
                return new GroupRetrieval(g.Key, scores.Questions, scores.HitAt1, scores.HitAt3, g.Count(q => q.Declined) / (double)scores.Questions);
            })
            .ToArray();

    /// <summary>Precision, recall and F1 of each intent from a confusion matrix pooled over <paramref name="repeats"/> runs.</summary>
    private static List<IntentScores> Scores(string[] labels, int[,] confusion, int repeats)
    {
        var scores = new List<IntentScores>();
        for (var i = 0; i < labels.Length; i++)
        {
            var truePositive = confusion[i, i];
            var predicted = Enumerable.Range(0, labels.Length).Sum(r => confusion[r, i]);
            var actual = Enumerable.Range(0, labels.Length).Sum(c => confusion[i, c]);
            var precision = predicted == 0 ? 0 : truePositive / (double)predicted;
            var recall = actual == 0 ? 0 : truePositive / (double)actual;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            scores.Add(new IntentScores(labels[i], actual / Math.Max(repeats, 1), precision, recall, f1));
        }

        return scores;
    }

    /// <summary>Guides (by their passages' <c>updated</c> date) more than <paramref name="maxAge"/> in whole days older than <paramref name="today"/>, oldest first.</summary>
    public static IReadOnlyList<StaleGuide> StaleGuides(IEnumerable<Passage> passages, DateOnly today, TimeSpan maxAge)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var days = WholeDays(maxAge);
        return passages
            .GroupBy(p => p.GuideId, StringComparer.Ordinal)
            .Select(g => new StaleGuide(g.Key, g.Min(p => p.Updated)))
            .Where(g => today.DayNumber - g.Updated.DayNumber > days)
            .OrderBy(g => g.Updated)
            .ThenBy(g => g.GuideId, StringComparer.Ordinal)
            .ToArray();
    }

    private static int WholeDays(TimeSpan age) => (int)age.TotalDays;

    /// <summary>
    /// True when the reply text contains one of the facts, compared without case and with runs of
    /// white space folded (a quoted list item keeps its words, not always its line breaks).
    /// </summary>
    public static bool ShowsFact(string replyText, IReadOnlyList<string> facts)
    {
        ArgumentNullException.ThrowIfNull(replyText);
        ArgumentNullException.ThrowIfNull(facts);
        var reply = FoldSpace(replyText);
        return facts.Any(f => reply.Contains(FoldSpace(f), StringComparison.OrdinalIgnoreCase));
    }

    private static string FoldSpace(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>1-based rank of the first expected passage in the top 10, or 0 when absent.</summary>
    private static int RankOf(List<string> ranked, IReadOnlyList<string> expected)
    {
        for (var i = 0; i < Math.Min(ranked.Count, 10); i++)
        {
            if (expected.Contains(ranked[i]))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static RetrievalScores Scores(List<int> ranks) => ranks.Count == 0
        ? new RetrievalScores(0, 0, 0, 0)
        : new RetrievalScores(
            ranks.Count,
            ranks.Count(r => r == 1) / (double)ranks.Count,
            ranks.Count(r => r is >= 1 and <= 3) / (double)ranks.Count,
            ranks.Average(r => r == 0 ? 0 : 1.0 / r));
}
