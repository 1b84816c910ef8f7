using CareerBot.Bot.Conversation;
using CareerBot.Knowledge.Analysis;

namespace CareerBot.Bot.Operations;

/// <summary>
/// Sums up turn records and feedback for a window. Declined questions (present only when
/// transcripts were on) are grouped greedily: a question joins the first group whose first
/// question shares at least half of its content words (Jaccard), so the operator sees what
/// visitors keep asking that the guides do not cover.
/// </summary>
internal static class OperatorReportBuilder
{
    private const double SameQuestion = 0.5;

    public static OperatorReport Build(IReadOnlyList<TurnRecord> turns, IReadOnlyList<Feedback> feedback, DateTimeOffset from, DateTimeOffset to, int top)
    {
        var declined = turns.Where(t => !t.Answered).ToList();
        var latencies = turns.Select(t => t.LatencyMs).Order().ToList();
        var votes = feedback.Where(f => f.Time >= from && f.Time < to).ToList();
        var questions = declined.Where(t => t.Question is not null).Select(t => t.Question!).ToList();

        return new OperatorReport(
            from,
            to,
            turns.Count,
            declined.Count,
            turns.Count == 0 ? 0 : (double)declined.Count / turns.Count,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.95),
            Count(turns.Select(t => t.ChannelId), int.MaxValue),
            Count(turns.Select(t => t.Intent), int.MaxValue),
            Count(turns.SelectMany(t => t.PassageIds), top),
            votes.SelectMany(v => v.PassageIds.Select(p => (Passage: p, v.Helpful)))
                .GroupBy(v => v.Passage, StringComparer.Ordinal)
                .Select(g => new FeedbackRow(g.Key, g.Count(v => v.Helpful), g.Count(v => !v.Helpful)))
                .Where(r => r.NotHelpful > 0)
                .OrderByDescending(r => r.NotHelpful - r.Helpful).ThenByDescending(r => r.NotHelpful).ThenBy(r => r.PassageId, StringComparer.Ordinal)
                .Take(top)
                .ToList(),
            turns.Any(t => t.Question is not null),
            Cluster(questions).Take(top).ToList());
    }

    public static IEnumerable<QuestionCluster> Cluster(IReadOnlyList<string> questions)
    {
        var groups = new List<(HashSet<string> Words, List<string> Members)>();
        foreach (var question in questions)
        {
            var words = ContentWords(question);
            var group = groups.FirstOrDefault(g => Jaccard(g.Words, words) >= SameQuestion);
            if (group.Members is null)
            {
                groups.Add((words, [question]));
            }
            else
            {
                group.Members.Add(question);
            }
        }

        return groups
            .Select(g =>
            {
                var wordings = g.Members.GroupBy(q => q.Trim(), StringComparer.OrdinalIgnoreCase).OrderByDescending(w => w.Count()).ThenBy(w => w.Key, StringComparer.Ordinal).ToList();
                return new QuestionCluster(wordings[0].Key, g.Members.Count, wordings.Skip(1).Take(3).Select(w => w.Key).ToList());
            })
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Question, StringComparer.Ordinal);
    }

    private static HashSet<string> ContentWords(string text) =>
        KnowledgeAnalyzer.WordsOf(text).Where(t => !KnowledgeAnalyzer.StopWords.Contains(t)).ToHashSet(StringComparer.Ordinal);

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 1;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    private static List<CountRow> Count(IEnumerable<string> names, int top) =>
        names.GroupBy(n => n, StringComparer.Ordinal)
            .Select(g => new CountRow(g.Key, g.Count()))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Take(top)
            .ToList();

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
