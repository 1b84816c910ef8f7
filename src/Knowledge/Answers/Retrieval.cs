using CareerBot.Knowledge.Guides;
using CareerBot.Knowledge.Intents;
using CareerBot.Knowledge.Search;

namespace CareerBot.Knowledge.Answers;

/// <summary>
/// The second step: the passages that answer an understood question, ranked, and which of them
/// to show (the best, and other guides' views on the same point). Holds nothing but the
/// snapshot, so one instance serves every turn.
/// </summary>
internal sealed class Retrieval(KnowledgeSnapshot knowledge)
{
    private KnowledgeSnapshot Knowledge { get; } = knowledge;

    /// <summary>Ranked passages for an understood turn (empty for small talk and declines by intent).</summary>
    public IReadOnlyList<RankedPassage> Retrieve(QuestionAnalysis turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return Search(turn.Query);
    }

    /// <summary>Retrieval in a "search" span, tagged with how many passages came back.</summary>
    private IReadOnlyList<RankedPassage> Search(RetrievalQuery query)
    {
        using var span = KnowledgeTelemetry.Source.StartActivity(KnowledgeTelemetry.SearchSpan);
        var ranked = Knowledge.Retriever.Retrieve(query, Knowledge.Options.Retrieval.Candidates);
        span?.SetTag(KnowledgeTelemetry.ResultsTag, ranked.Count);
        return ranked;
    }

    /// <summary>
    /// For "do the other guides agree?": the previous turn's terms and topic, without any passage of the
    /// guides the previous answer quoted.
    /// </summary>
    public (RetrievalQuery Query, IReadOnlyList<RankedPassage> Ranked) OtherGuides(ConversationContext previous)
    {
        var shown = previous.PassageIds.ToHashSet(StringComparer.Ordinal);
        var quoted = Knowledge.Passages.Where(p => shown.Contains(p.Id)).Select(p => p.GuideId).ToHashSet(StringComparer.Ordinal);
        var theirs = Knowledge.Passages.Where(p => quoted.Contains(p.GuideId)).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        Topic? topic = previous.Topic is { } name ? new Topic(name) : null;
        var query = new RetrievalQuery(previous.Terms, [], topic, theirs);
        return (query, Search(query));
    }

    /// <summary>
    /// For "tell me more": the previous turn's terms and topic, without the passages already shown,
    /// except the one it quoted only in part, which comes first: more of what was just read before
    /// anything else.
    /// </summary>
    public (RetrievalQuery Query, IReadOnlyList<RankedPassage> Ranked) More(ConversationContext previous)
    {
        var shown = new HashSet<string>(previous.PassageIds, StringComparer.Ordinal);
        if (previous.Unfinished is { } unfinished)
        {
            shown.Remove(unfinished);
        }

        Topic? topic = previous.Topic is { } name ? new Topic(name) : null;
        var query = new RetrievalQuery(previous.Terms, [], topic, shown);
        var ranked = Search(query);
        var first = previous.Unfinished is null ? -1 : IndexOf(ranked, previous.Unfinished);
        return (query, first <= 0 ? ranked : [ranked[first], .. ranked.Where((_, i) => i != first)]);

        static int IndexOf(IReadOnlyList<RankedPassage> ranked, string id)
        {
            for (var i = 0; i < ranked.Count; i++)
            {
                if (ranked[i].Passage.Id == id)
                {
                    return i;
                }
            }

            return -1;
        }
    }

    /// <summary>
    /// For a question plainly in scope that no passage covers well enough, the closest the guides
    /// come: the best-ranked passage on the question's topic, when the classifier is confident of
    /// that topic and the passage covers part of the question; null otherwise.
    /// </summary>
    public Passage? Closest(QuestionAnalysis turn, IReadOnlyList<RankedPassage> ranked)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(ranked);
        var options = Knowledge.Options.Retrieval;
        if (turn.Query.Topic is not { } topic
            || turn.IntentScore.Score < options.CloseIntent
            || !string.Equals(turn.IntentScore.Name, topic.Name, StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var candidate in ranked)
        {
            if (candidate.Passage.HasTopic(topic))
            {
                return candidate.Coverage >= options.CloseCoverage ? candidate.Passage : null;
            }
        }

        return null;
    }

    /// <summary>
    /// Among the first few ranked passages, the best one that covers the question well enough to
    /// answer it; null when none does.
    /// </summary>
    public RankedPassage? Covering(IReadOnlyList<RankedPassage> ranked)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        var options = Knowledge.Options.Retrieval;
        return ranked.Take(options.ViewCandidates).FirstOrDefault(r => r.Coverage >= options.MinCoverage);
    }

    /// <summary>The best passage, and other guides' passages on the same point that score nearly as well.</summary>
    public List<Passage> ChooseViews(IReadOnlyList<RankedPassage> ranked, Topic? topic)
    {
        var options = Knowledge.Options.Retrieval;
        var best = ranked[0];
        var views = new List<Passage> { best.Passage };
        var guides = new HashSet<string>(StringComparer.Ordinal) { best.Passage.GuideId };
        foreach (var candidate in ranked.Skip(1).Take(options.ViewCandidates))
        {
            if (views.Count >= options.MaxViews)
            {
                break;
            }

            if (guides.Contains(candidate.Passage.GuideId)
                || candidate.Coverage < Math.Max(options.MinCoverage, options.SecondViewCoverage * best.Coverage)
                || (topic is { } t && !candidate.Passage.HasTopic(t)))
            {
                continue;
            }

            views.Add(candidate.Passage);
            guides.Add(candidate.Passage.GuideId);
        }

        return views;
    }
}
