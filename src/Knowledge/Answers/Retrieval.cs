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

    /// <summary>For "tell me more": the previous turn's terms and topic, without the passages already shown.</summary>
    public (RetrievalQuery Query, IReadOnlyList<RankedPassage> Ranked) More(ConversationContext previous)
    {
        var shown = new HashSet<string>(previous.PassageIds, StringComparer.Ordinal);
        Topic? topic = previous.Topic is { } name ? new Topic(name) : null;
        var query = new RetrievalQuery(previous.Terms, [], topic, shown);
        return (query, Search(query));
    }

    /// <summary>
    /// True when a passage below the coverage an answer needs is still the closest the guides
    /// come to a question that is plainly in scope: the classifier is confident of its topic and
    /// the passage is on that topic and covers part of the question.
    /// </summary>
    public bool IsClose(QuestionAnalysis turn, RankedPassage best)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var options = Knowledge.Options.Retrieval;
        return turn.Query.Topic is { } topic
            && turn.IntentScore.Score >= options.CloseIntent
            && string.Equals(turn.IntentScore.Name, topic.Name, StringComparison.Ordinal)
            && best.Passage.HasTopic(topic)
            && best.Coverage >= options.CloseCoverage;
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
