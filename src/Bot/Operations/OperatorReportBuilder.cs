using CareerBot.Knowledge.Analysis;

namespace CareerBot.Bot.Operations;

/// <summary>
/// Sums up turn records and feedback for a window. Declined questions (present only when
/// transcripts were on) are grouped greedily: a question joins the first group whose first
/// question shares at least half of its content words (Jaccard), so the operator sees what
/// visitors keep asking that the guides do not cover. Votes are counted per answer (by the answer
/// id a vote carries) and per passage (each vote shared out over the passages its answer cited).
/// </summary>
internal static class OperatorReportBuilder
{
    private const double SameQuestion = 0.5;

    public static OperatorReport Build(IReadOnlyList<TurnRecord> turns, IReadOnlyList<Feedback> feedback, DateTimeOffset from, DateTimeOffset to, int top)
    {
        var questions = turns.Where(t => t.Kind != TurnOutcome.Chat).ToList();
        var declined = questions.Where(t => t.Kind == TurnOutcome.Declined).ToList();
        var answered = questions.Count(t => t.Kind == TurnOutcome.Answered);
        var latencies = questions.Where(t => t.Reason != DeclineReason.Throttled).Select(t => t.LatencyMs).Order().ToList();
        var votes = feedback.Where(f => f.Time >= from && f.Time < to).ToList();
        var declinedText = declined.Where(t => t.Question is not null).Select(t => t.Question!).ToList();

        return new OperatorReport(
            from,
            to,
            turns.Count,
            questions.Count,
            answered,
            declined.Count,
            questions.Count(t => t.Kind == TurnOutcome.Clarified),
            turns.Count - questions.Count,
            Rate(declined.Count, questions.Count),
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.95),
            Count(declined.Select(t => t.Reason!), int.MaxValue),
            questions.GroupBy(t => t.Intent, StringComparer.Ordinal)
                .Select(g => new IntentRow(g.Key, g.Count(), g.Count(t => t.Kind == TurnOutcome.Answered), g.Count(t => t.Kind == TurnOutcome.Declined), Rate(g.Count(t => t.Kind == TurnOutcome.Declined), g.Count())))
                .OrderByDescending(r => r.Questions).ThenBy(r => r.Intent, StringComparer.Ordinal)
                .ToList(),
            Count(turns.Select(t => t.ChannelId), int.MaxValue),
            Days(turns, votes, from, to),
            Count(turns.SelectMany(t => t.PassageIds), top),
            new VoteTotals(votes.Count(v => v.Helpful), votes.Count(v => !v.Helpful), votes.Where(v => v.AnswerId is not null).Select(v => v.AnswerId).Distinct(StringComparer.Ordinal).Count()),
            ByAnswer(turns, votes, top),
            ByPassage(votes, top),
            turns.Any(t => t.Question is not null),
            Cluster(declinedText).Take(top).ToList());
    }

    private static List<AnswerVotesRow> ByAnswer(IReadOnlyList<TurnRecord> turns, List<Feedback> votes, int top)
    {
        var answers = turns.Where(t => t.AnswerId is not null).GroupBy(t => t.AnswerId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return votes.Where(v => v.AnswerId is not null)
            .GroupBy(v => v.AnswerId!, StringComparer.Ordinal)
            .Select(g =>
            {
                // The turn record says what the answer was; a vote on an answer from before the window carries its own copy.
                var turn = answers.GetValueOrDefault(g.Key);
                var first = g.First();
                return new AnswerVotesRow(g.Key, turn?.Time, turn?.Intent ?? first.Intent, turn?.PassageIds ?? first.PassageIds, g.Count(v => v.Helpful), g.Count(v => !v.Helpful));
            })
            .OrderByDescending(r => r.NotHelpful).ThenBy(r => r.Helpful).ThenBy(r => r.AnswerId, StringComparer.Ordinal)
            .Take(top)
            .ToList();
    }

    private static List<PassageVotesRow> ByPassage(List<Feedback> votes, int top) =>
        votes.Where(v => v.PassageIds.Count > 0)
            .SelectMany(v => v.PassageIds.Distinct(StringComparer.Ordinal).Select(p => (Passage: p, Vote: v, Share: 1.0 / v.PassageIds.Distinct(StringComparer.Ordinal).Count())))
            .GroupBy(x => x.Passage, StringComparer.Ordinal)
            .Select(g => new PassageVotesRow(
                g.Key,
                Math.Round(g.Where(x => x.Vote.Helpful).Sum(x => x.Share), 3),
                Math.Round(g.Where(x => !x.Vote.Helpful).Sum(x => x.Share), 3),
                g.Select(x => x.Vote.AnswerId ?? x.Vote.Vote ?? string.Empty).Distinct(StringComparer.Ordinal).Count()))
            .OrderByDescending(r => r.NotHelpful - r.Helpful).ThenByDescending(r => r.NotHelpful).ThenBy(r => r.PassageId, StringComparer.Ordinal)
            .Take(top)
            .ToList();

    /// <summary>Every UTC day the window touches, oldest first, empty days included.</summary>
    private static List<DayRow> Days(IReadOnlyList<TurnRecord> turns, List<Feedback> votes, DateTimeOffset from, DateTimeOffset to)
    {
        var rows = new List<DayRow>();
        var last = DateOnly.FromDateTime(to.UtcDateTime.AddTicks(-1));
        for (var day = DateOnly.FromDateTime(from.UtcDateTime); day <= last; day = day.AddDays(1))
        {
            var today = turns.Where(t => DateOnly.FromDateTime(t.Time.UtcDateTime) == day).ToList();
            var questions = today.Where(t => t.Kind != TurnOutcome.Chat).ToList();
            var declined = questions.Count(t => t.Kind == TurnOutcome.Declined);
            var dayVotes = votes.Where(v => DateOnly.FromDateTime(v.Time.UtcDateTime) == day).ToList();
            rows.Add(new DayRow(
                day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                questions.Count,
                questions.Count(t => t.Kind == TurnOutcome.Answered),
                declined,
                Rate(declined, questions.Count),
                today.Count - questions.Count,
                dayVotes.Count(v => v.Helpful),
                dayVotes.Count(v => !v.Helpful)));
        }

        return rows;
    }

    private static double Rate(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);

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
