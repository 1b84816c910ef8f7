using CareerBot.Knowledge.Guides;
using CareerBot.Knowledge.Intents;
using CareerBot.Knowledge.Search;
using CareerBot.Knowledge.Text;

namespace CareerBot.Knowledge.Answers;

/// <summary>
/// Question in, answer out, in one visible sequence: classify the intent, resolve a
/// follow-up against the context passed in, retrieve and rank passages, decide whether they
/// answer, compose the extractive answer with citations and suggest what to ask next.
/// Stateless and thread-safe: all it knows is the <see cref="KnowledgeSnapshot"/>.
/// </summary>
public sealed class AnswerEngine(KnowledgeSnapshot knowledge)
{
    /// <summary>Longest question text analysed; the rest is ignored, not rejected.</summary>
    public const int MaxQuestionLength = 1000;

    private const int MaxContextTerms = 12;

    public KnowledgeSnapshot Knowledge { get; } = knowledge;

    public Answer Answer(Question question)
    {
        var turn = Understand(question);
        var previous = turn.Previous;
        if (turn.Text.Length == 0)
        {
            return SmallTalk(turn.Text, AnswerKind.Help, turn.IntentScore, previous);
        }

        if (turn.IsMoreRequest)
        {
            return More(turn.Text, previous!, turn.IntentScore);
        }

        switch (turn.Prediction.Intent.Kind)
        {
            case IntentKind.Greeting:
                return SmallTalk(turn.Text, AnswerKind.Greeting, turn.IntentScore, previous);
            case IntentKind.Thanks:
                return SmallTalk(turn.Text, AnswerKind.Thanks, turn.IntentScore, previous);
            case IntentKind.Goodbye:
                return SmallTalk(turn.Text, AnswerKind.Goodbye, turn.IntentScore, previous);
            case IntentKind.Help:
                return SmallTalk(turn.Text, AnswerKind.Help, turn.IntentScore, previous);
            case IntentKind.OutOfScope when !turn.IsFollowUp:
                if (Rescue(turn) is not { } rescued)
                {
                    return DidYouMean(turn.Text, turn.Prediction, turn.IntentScore, previous) ?? Decline(turn.Text, turn.IntentScore, previous);
                }

                turn = rescued;
                break;
        }

        var ranked = Retrieve(turn);
        if (ranked.Count == 0 || ranked[0].Coverage < Knowledge.Options.Retrieval.MinCoverage)
        {
            return Decline(turn.Text, turn.IntentScore, previous);
        }

        var views = ChooseViews(ranked, turn.Query.Topic);
        var (answerText, citations) = Compose(views, turn.Query);
        var terms = turn.Query.Terms;
        var context = new ConversationContext(
            turn.Query.Topic?.Name, turn.Resolved, [.. terms, .. turn.Query.ContextTerms.Take(Math.Max(0, MaxContextTerms - terms.Count))],
            views.Select(p => p.Id).ToArray());
        var suggestions = Suggest(turn.Text, ranked, views, turn.Query.Topic, turn.Prediction);
        return new Answer(turn.Text, AnswerKind.Answered, answerText, citations, turn.IntentScore, ranked[0].Score * Math.Max(turn.Prediction.Score, 0.5), suggestions, context);
    }

    /// <summary>The welcome for a new conversation: a greeting with sample questions.</summary>
    public Answer Welcome() =>
        new(string.Empty, AnswerKind.Greeting, Replies.Greeting, [], new IntentScore("greeting", 1), 1, Samples(3, null), Empty(string.Empty));

    /// <summary>The reply to "reset": context forgotten, sample questions offered.</summary>
    public Answer StartOver() =>
        new(string.Empty, AnswerKind.Help, Replies.StartOver, [], new IntentScore("help", 1), 1, Samples(3, null), Empty(string.Empty));

    /// <summary>
    /// The first half of a turn: the cleaned text, its intent, whether it follows up on the
    /// previous turn, and the retrieval query that results.
    /// </summary>
    public QuestionAnalysis Understand(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        using var span = KnowledgeTelemetry.Source.StartActivity(KnowledgeTelemetry.ClassifySpan);
        var text = Clean(question.Text);
        var previous = question.Previous;
        var prediction = Knowledge.Model.Classify(text);
        var intentScore = new IntentScore(prediction.Intent.Name, prediction.Score);
        var isMore = text.Length > 0 && previous is not null && FollowUpResolver.IsMoreRequest(text);
        var terms = Knowledge.QueryAnalyzer.Tokens(text);
        var followUp = !isMore && FollowUpResolver.IsFollowUp(text, terms, prediction, previous);

        var resolved = text;
        Topic? topic;
        IReadOnlyList<TopicShare> shares;
        if (followUp && previous?.Topic is not null && FollowUpResolver.IsElliptical(text))
        {
            // "what about senior ones?" after a question on pay: on its own "senior" reads as career
            // path, but the message asks the pay question again for another level. Both readings,
            // the message alone and the previous question with it, count equally: a word that names
            // a topic of its own ("and the skills?") outweighs the previous question, a modifier
            // ("senior") does not.
            resolved = Resolve(previous.Question, text);
            var readings = Average(prediction.Ranked, Knowledge.Model.Classify(resolved).Ranked);
            (topic, shares) = TopicsOf(readings);
            topic ??= new Topic(previous.Topic);
            intentScore = new IntentScore(topic.Value.Name, readings.FirstOrDefault(r => r.Intent.Topic == topic).Score);
        }
        else if (followUp && previous?.Topic is not null
            && (!prediction.Intent.IsTopic || prediction.Score < Knowledge.Options.Retrieval.FollowUpTopicSwitch))
        {
            topic = new Topic(previous.Topic);
            shares = [];
            intentScore = new IntentScore(topic.Value.Name, prediction.Score);
        }
        else if (prediction.Intent.IsTopic)
        {
            (topic, shares) = TopicsOf(prediction.Ranked);
        }
        else
        {
            (topic, shares) = (null, []);
        }

        var contextTerms = followUp ? previous!.Terms.Where(t => !terms.Contains(t)).ToArray() : [];
        var query = new RetrievalQuery(terms, contextTerms, topic, new HashSet<string>()) { TopicShares = shares };
        if (span is not null)
        {
            span.SetTag(KnowledgeTelemetry.IntentTag, intentScore.Name);
            span.SetTag(KnowledgeTelemetry.ScoreTag, prediction.Score);
            span.SetTag(KnowledgeTelemetry.FollowUpTag, followUp);
        }

        return new QuestionAnalysis(text, previous, prediction, intentScore, isMore, followUp, query) { Resolved = resolved };
    }

    /// <summary>
    /// The best topic among <paramref name="ranked"/> (best first), and when the next topic is
    /// nearly as probable, both with their shares of the topic boost.
    /// </summary>
    private (Topic? Topic, IReadOnlyList<TopicShare> Shares) TopicsOf(IReadOnlyList<ScoredIntent> ranked)
    {
        var topics = ranked.Where(r => r.Intent.IsTopic).Take(2).ToArray();
        if (topics.Length == 0)
        {
            return (null, []);
        }

        var first = topics[0];
        if (topics.Length < 2 || first.Score <= 0 || topics[1].Score < Knowledge.Options.Retrieval.TopicTieRatio * first.Score)
        {
            return (first.Intent.Topic, []);
        }

        var second = topics[1];
        var total = first.Score + second.Score;
        return (first.Intent.Topic, [new TopicShare(first.Intent.Topic!.Value, first.Score / total), new TopicShare(second.Intent.Topic!.Value, second.Score / total)]);
    }

    /// <summary>
    /// Two readings' probabilities combined as their geometric mean, normalised, best first. The
    /// best intent is the one whose two log-probabilities add up highest, however confident the
    /// model is overall, where an arithmetic mean lets one sharp reading outvote the other. An
    /// intent a reading does not list counts at that reading's lowest listed probability.
    /// </summary>
    private static List<ScoredIntent> Average(IReadOnlyList<ScoredIntent> a, IReadOnlyList<ScoredIntent> b)
    {
        var intents = a.Concat(b).Select(r => r.Intent).DistinctBy(i => i.Name, StringComparer.Ordinal).ToArray();
        var means = intents.Select(i => Math.Sqrt(ScoreOf(a, i) * ScoreOf(b, i))).ToArray();
        var total = means.Sum();
        return intents
            .Select((intent, k) => new ScoredIntent(intent, total > 0 ? means[k] / total : 0))
            .OrderByDescending(r => r.Score).ThenBy(r => r.Intent.Name, StringComparer.Ordinal)
            .ToList();

        static double ScoreOf(IReadOnlyList<ScoredIntent> reading, Intent intent)
        {
            var lowest = 1.0;
            foreach (var r in reading)
            {
                if (string.Equals(r.Intent.Name, intent.Name, StringComparison.Ordinal))
                {
                    return r.Score;
                }

                lowest = Math.Min(lowest, r.Score);
            }

            return lowest;
        }
    }

    /// <summary>The question an elliptical follow-up stands for: the previous one, then the change.</summary>
    private static string Resolve(string previous, string text)
    {
        var resolved = $"{previous} {text}";
        return resolved.Length <= MaxQuestionLength ? resolved : text;
    }

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

    /// <summary>Composition in a "compose" span, tagged with the citation count.</summary>
    private (string Text, IReadOnlyList<Citation> Citations) Compose(IReadOnlyList<Passage> views, RetrievalQuery query)
    {
        using var span = KnowledgeTelemetry.Source.StartActivity(KnowledgeTelemetry.ComposeSpan);
        var composed = Knowledge.Composer.Compose(views, Knowledge.Retriever.StemWeights(query));
        span?.SetTag(KnowledgeTelemetry.CitationsTag, composed.Citations.Count);
        return composed;
    }

    /// <summary>
    /// An out-of-scope verdict is overruled when the guides plainly cover every distinctive
    /// word of the question: the turn is answered under the classifier's best topic.
    /// </summary>
    private QuestionAnalysis? Rescue(QuestionAnalysis turn)
    {
        var options = Knowledge.Options.Retrieval;
        var outOfScope = turn.Prediction.Ranked.FirstOrDefault(r => r.Intent.Kind == IntentKind.OutOfScope).Score;
        if (turn.Query.Terms.Count == 0 || outOfScope >= options.RescueMaxOutOfScope)
        {
            return null;
        }

        // Typo corrections do not count here: they would turn unknown words into known ones.
        var topic = turn.Prediction.Ranked.FirstOrDefault(r => r.Intent.IsTopic).Intent.Topic;
        var literal = turn.Query with { Terms = Knowledge.Analyzer.Tokens(turn.Text), Topic = topic };
        var ranked = Knowledge.Retriever.Retrieve(literal, 1);
        if (ranked.Count == 0 || ranked[0].Coverage < options.RescueCoverage)
        {
            return null;
        }

        return turn with { Query = turn.Query with { Topic = topic, TopicShares = [] }, IntentScore = new IntentScore(topic?.Name ?? turn.IntentScore.Name, turn.Prediction.Score) };
    }

    /// <summary>The best passage, and other guides' passages on the same point that score nearly as well.</summary>
    private List<Passage> ChooseViews(IReadOnlyList<RankedPassage> ranked, Topic? topic)
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

    private Answer More(string text, ConversationContext previous, IntentScore intentScore)
    {
        var shown = new HashSet<string>(previous.PassageIds, StringComparer.Ordinal);
        Topic? topic = previous.Topic is { } name ? new Topic(name) : null;
        var query = new RetrievalQuery(previous.Terms, [], topic, shown);
        var ranked = Search(query);
        if (ranked.Count == 0 || ranked[0].Coverage < Knowledge.Options.Retrieval.MinCoverage / 2)
        {
            return new Answer(text, AnswerKind.Declined, Replies.NothingMore, [], intentScore, 0, Samples(3, null), previous);
        }

        var passage = ranked[0].Passage;
        var (answerText, citations) = Compose([passage], query);
        var context = previous with { PassageIds = [.. previous.PassageIds, passage.Id] };
        var suggestions = Suggest(previous.Question, ranked, [passage], topic, prediction: null);
        return new Answer(text, AnswerKind.Answered, answerText, citations, new IntentScore(previous.Topic ?? intentScore.Name, intentScore.Score), ranked[0].Score, suggestions, context);
    }

    private Answer? DidYouMean(string text, IntentPrediction prediction, IntentScore intentScore, ConversationContext? previous)
    {
        // Two topics close to each other that together outweigh "out of scope": ask which one.
        var topics = prediction.Ranked.Where(r => r.Intent.IsTopic).Take(2).ToArray();
        var outOfScope = prediction.Ranked.FirstOrDefault(r => r.Intent.Kind == IntentKind.OutOfScope).Score;
        if (topics.Length < 2
            || topics[0].Score - topics[1].Score > Knowledge.Options.DidYouMeanMargin
            || topics[0].Score + topics[1].Score < Math.Max(outOfScope, Knowledge.Model.Threshold))
        {
            return null;
        }

        var suggestions = topics
            .Select(r => Knowledge.SampleQuestions(r.Intent.Topic!.Value).FirstOrDefault())
            .OfType<string>()
            .ToArray();
        if (suggestions.Length < 2)
        {
            return null;
        }

        return new Answer(text, AnswerKind.DidYouMean, Replies.DidYouMean, [], intentScore, prediction.Score, suggestions, previous ?? Empty(text));
    }

    private Answer Decline(string text, IntentScore intentScore, ConversationContext? previous) =>
        new(text, AnswerKind.Declined, Replies.Decline(Knowledge.Topics), [], intentScore, 0, Samples(3, null), previous ?? Empty(text));

    private Answer SmallTalk(string text, AnswerKind kind, IntentScore intentScore, ConversationContext? previous)
    {
        var reply = kind switch
        {
            AnswerKind.Greeting => Replies.Greeting,
            AnswerKind.Thanks => Replies.Thanks,
            AnswerKind.Goodbye => Replies.Goodbye,
            _ => Replies.Help(Knowledge.Topics),
        };
        var suggestions = kind is AnswerKind.Greeting or AnswerKind.Help ? Samples(3, null) : [];
        return new Answer(text, kind, reply, [], intentScore, intentScore.Score, suggestions, previous ?? Empty(text));
    }

    /// <summary>FAQ questions of related passages first, then the topic's sample questions.</summary>
    private List<string> Suggest(string question, IReadOnlyList<RankedPassage> ranked, IReadOnlyList<Passage> shown, Topic? topic, IntentPrediction? prediction)
    {
        var max = Knowledge.Options.MaxSuggestions;
        var suggestions = new List<string>(max);
        var asked = Knowledge.StemsOf(question).ToHashSet(StringComparer.Ordinal);
        var shownHeadings = shown.Where(p => p.IsQuestion).Select(p => p.Heading).ToHashSet(StringComparer.OrdinalIgnoreCase);
        void Add(string? candidate)
        {
            if (candidate is not null && suggestions.Count < max
                && !shownHeadings.Contains(candidate)
                && !IsSameQuestion(asked, candidate)
                && !suggestions.Contains(candidate, StringComparer.OrdinalIgnoreCase))
            {
                suggestions.Add(candidate);
            }
        }

        // A close second topic: offer it first, as a "did you mean".
        if (prediction is { Ranked.Count: > 1 } && prediction.Ranked[1].Intent.IsTopic
            && prediction.Ranked[1].Score >= Knowledge.Options.DidYouMeanRatio * prediction.Ranked[0].Score)
        {
            Add(Knowledge.SampleQuestions(prediction.Ranked[1].Intent.Topic!.Value).FirstOrDefault());
        }

        var shownIds = shown.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var candidate in ranked.Skip(1))
        {
            if (candidate.Passage.IsQuestion && !shownIds.Contains(candidate.Passage.Id))
            {
                Add(candidate.Passage.Heading);
            }
        }

        if (topic is { } t)
        {
            foreach (var sample in Knowledge.SampleQuestions(t))
            {
                Add(sample);
            }
        }

        foreach (var sample in Samples(max, topic))
        {
            Add(sample);
        }

        return suggestions;
    }

    /// <summary>A suggestion that only rephrases what was just asked is no suggestion.</summary>
    private bool IsSameQuestion(HashSet<string> asked, string candidate)
    {
        var stems = Knowledge.StemsOf(candidate);
        if (stems.Count == 0 || asked.Count == 0)
        {
            return false;
        }

        var shared = stems.Count(asked.Contains);
        return shared / (double)(stems.Count + asked.Count - shared) >= 0.5;
    }

    /// <summary>One sample question from each of <paramref name="count"/> topics, in a fixed order.</summary>
    private List<string> Samples(int count, Topic? except) =>
        Knowledge.Topics.Where(t => t != except)
            .Select(t => Knowledge.SampleQuestions(t).FirstOrDefault())
            .OfType<string>()
            .Take(count)
            .ToList();

    private static ConversationContext Empty(string text) => new(null, text, [], []);

    private static string Clean(string text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        return trimmed.Length > MaxQuestionLength ? trimmed[..MaxQuestionLength] : trimmed;
    }
}
