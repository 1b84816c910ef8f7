using CareerBot.Knowledge.Intents;
using CareerBot.Knowledge.Search;

namespace CareerBot.Knowledge.Answers;

/// <summary>
/// The first step of a turn: what the message asks. Cleans the text, classifies its intent,
/// decides whether it follows up on the previous turn (and what question it then stands for),
/// and builds the retrieval query; overrules an out-of-scope verdict the guides plainly cover.
/// Holds nothing but the snapshot, so one instance serves every turn.
/// </summary>
internal sealed class Understanding(KnowledgeSnapshot knowledge)
{
    private KnowledgeSnapshot Knowledge { get; } = knowledge;

    /// <summary>The query stems of <see cref="FollowUpResolver.LevelWords"/>.</summary>
    private readonly System.Collections.Frozen.FrozenSet<string> _levels =
        System.Collections.Frozen.FrozenSet.ToFrozenSet(knowledge.QueryAnalyzer.Tokens(FollowUpResolver.LevelWords), StringComparer.Ordinal);

    /// <summary>
    /// The term the synonyms read every occupation the guides do not cover as ("nurse", "teacher"),
    /// and the terms that name the field the guides are about.
    /// </summary>
    private readonly string[] _otherOccupation = [.. knowledge.QueryAnalyzer.Tokens(OtherOccupation)];

    private readonly System.Collections.Frozen.FrozenSet<string> _field =
        System.Collections.Frozen.FrozenSet.ToFrozenSet(knowledge.QueryAnalyzer.Tokens(FieldWords), StringComparer.Ordinal);

    /// <summary>The canonical name of the synonym group of occupations the guides do not cover (knowledge-base/synonyms.txt).</summary>
    private const string OtherOccupation = "other occupation";

    /// <summary>
    /// The field's words, its specialisations among them: "I build robots as a hobby (ROS, raspberry pi, some
    /// opencv). Are there computer vision jobs I could realistically go for?" was declined naming the hobby's
    /// words, where the question alone is answered.
    /// </summary>
    private const string FieldWords = "ml mle machine learning ai artificial intelligence engineer engineers engineering data scientist scientists deep vision nlp mlops";

    /// <summary>
    /// Whether a message that starts a thread names an occupation the guides do not cover and never
    /// the field they are about ("I'm a nurse with 8 years experience, how do I move into a nurse
    /// practitioner role", read as getting started at 0.53): it asks about that occupation. "I'm a
    /// nurse, can I become an ML engineer?" names the field and is answered.
    /// </summary>
    public bool AsksAboutAnotherOccupation(QuestionAnalysis turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var terms = turn.Query.Terms;
        return !turn.IsFollowUp && _otherOccupation.Length > 0
            && _otherOccupation.All(terms.Contains) && !NamesTheField(terms);
    }

    /// <summary>Whether analysed <paramref name="terms"/> name the field the guides are about ("ML", "machine learning", "AI", "engineer").</summary>
    public bool NamesTheField(IEnumerable<string> terms) => terms.Any(_field.Contains);

    /// <summary>
    /// The first half of a turn: the cleaned text, its intent, whether it follows up on the
    /// previous turn, and the retrieval query that results.
    /// </summary>
    public QuestionAnalysis Understand(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        using var span = KnowledgeTelemetry.Source.StartActivity(KnowledgeTelemetry.ClassifySpan);
        var text = PlainQuestion.Of(Courtesy.StripOpening(Courtesy.WithoutSignOff(Wordless.WithoutPictographs(Clean(question.Text)))));
        var previous = question.Previous;
        var prediction = Knowledge.Model.Classify(text);
        var intentScore = new IntentScore(prediction.Intent.Name, prediction.Score);
        var isMore = text.Length > 0 && previous is not null && FollowUpResolver.IsMoreRequest(text, previous);
        // "tell me more about the second one" after a reply that listed five challenges asks about
        // the second challenge: its words, under the previous topic, are the question.
        var item = isMore ? null : FollowUpResolver.ItemPointedTo(text, previous);
        var itemQuestion = item is null ? null : $"{item.Item} {item.Rest}".TrimEnd();
        var terms = Knowledge.QueryAnalyzer.Tokens(FormatRequest.Strip(itemQuestion ?? text));
        var followUp = item is not null || (!isMore && FollowUpResolver.IsFollowUp(text, terms, prediction, previous));
        if (item is null && followUp && FollowUpResolver.IsElaboration(text, terms))
        {
            // "give me an example" asks about the subject just answered: its own words would only
            // search for "give" and "example" (or, where the guides never say "give", for a typo
            // correction of it).
            terms = Knowledge.QueryAnalyzer.Tokens(FollowUpResolver.SubjectOf(text));
            if (terms.Count == 0)
            {
                terms = previous!.Terms;
            }
        }

        var resolved = itemQuestion ?? text;
        Topic? topic;
        IReadOnlyList<TopicShare> shares;
        List<ScoredIntent>? readings = null;
        var elliptical = item is null && followUp && previous?.Topic is not null && FollowUpResolver.IsElliptical(text);

        // "and for seniors?" after a question on pay asks the pay question for another level. The
        // model reads a level as career path, alone and even after the pay question (it learned
        // "senior" from questions on promotion), so a follow-up that only names a level, or the
        // role, keeps the previous topic without weighing its readings.
        var namesOnlyALevel = elliptical && terms.Count > 0 && terms.All(_levels.Contains);
        if (namesOnlyALevel)
        {
            resolved = Resolve(previous!.Question, text);
        }
        else if (elliptical)
        {
            // "what about remote jobs?" after a question on pay asks the pay question again with one
            // part changed. Both readings, the message alone and the previous question with it, count
            // equally: a word that names a topic of its own ("and the skills?") outweighs the previous
            // question, a modifier does not. When the two readings together say off topic more than any topic
            // ("and nurses?" after a question on ML engineers' pay), the change leaves the guides: no
            // follow-up.
            resolved = Resolve(previous!.Question, text);
            readings = Average(prediction.Ranked, Knowledge.Model.Classify(resolved).Ranked);
            if (ReadsOffTopic(readings))
            {
                (followUp, resolved, readings) = (false, text, null);
            }
        }

        if (readings is not null)
        {
            (topic, shares) = TopicsOf(readings);
            topic ??= new Topic(previous!.Topic!);
            intentScore = new IntentScore(topic.Value.Name, readings.FirstOrDefault(r => r.Intent.Topic == topic).Score);
        }
        else if (followUp && previous?.Topic is not null
            && (item is not null || namesOnlyALevel || !prediction.Intent.IsTopic || prediction.Score < Knowledge.Options.Retrieval.FollowUpTopicSwitch))
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

        if (topic is { } asked && shares.Count == 0 && asked.Name == RoleComparison && QuoteFocus.AsksAboutPay(text))
        {
            // "Which pays better, ML engineer or software engineer?" compares pay: the figures are in
            // the pay sections, not in the comparisons of the work.
            shares = [new TopicShare(asked, 0.5), new TopicShare(new Topic("salary"), 0.5)];
        }

        var contextTerms = followUp ? previous!.Terms.Where(t => !terms.Contains(t)).ToArray() : [];
        var query = new RetrievalQuery(terms, contextTerms, topic, new HashSet<string>())
        {
            TopicShares = shares,
            SearchesContext = followUp && !FollowUpResolver.IsElliptical(text),
            Roles = Compares(topic, shares) ? Knowledge.Roles.Of(itemQuestion ?? text) : 0,
        };
        if (span is not null)
        {
            span.SetTag(KnowledgeTelemetry.IntentTag, intentScore.Name);
            span.SetTag(KnowledgeTelemetry.ScoreTag, prediction.Score);
            span.SetTag(KnowledgeTelemetry.FollowUpTag, followUp);
        }

        return new QuestionAnalysis(text, previous, prediction, intentScore, isMore, followUp, query)
        {
            Resolved = resolved,
            Item = item,
            Year = question.AskedOn?.Year ?? 0,
        };
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
    /// Whether the question compares roles: only then do the roles it names pick the passages. "senior
    /// SWE here, 8 yrs … how much of that transfers to MLE" names a role it is not asking about.
    /// </summary>
    private static bool Compares(Topic? topic, IReadOnlyList<TopicShare> shares) =>
        topic?.Name == RoleComparison || shares.Any(s => s.Topic.Name == RoleComparison);

    private const string RoleComparison = "role_comparison";

    /// <summary>Whether readings, best first, put out of scope above every topic.</summary>
    private static bool ReadsOffTopic(List<ScoredIntent> readings) =>
        readings[0].Intent.Kind == IntentKind.OutOfScope && readings[0].Score > readings.FirstOrDefault(r => r.Intent.IsTopic).Score;

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
        return resolved.Length <= AnswerEngine.MaxQuestionLength ? resolved : text;
    }

    /// <summary>
    /// An out-of-scope verdict is overruled when the guides plainly cover every distinctive
    /// word of the question: the turn is answered under the classifier's best topic.
    /// </summary>
    public QuestionAnalysis? Rescue(QuestionAnalysis turn)
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

        return OnTopic(turn, topic, turn.Prediction.Score);
    }

    /// <summary><paramref name="turn"/> searched and reported under <paramref name="topic"/>, at <paramref name="score"/>.</summary>
    private static QuestionAnalysis OnTopic(QuestionAnalysis turn, Topic? topic, double score) =>
        turn with { Query = turn.Query with { Topic = topic, TopicShares = [] }, IntentScore = new IntentScore(topic?.Name ?? turn.IntentScore.Name, score) };

    /// <summary>
    /// <paramref name="turn"/> read as its likeliest topic, when the classifier's reading is a weak
    /// one of help: "… I am very sorry to trouble you. May I kindly ask what are the most important
    /// skills for a machine learning engineer?" was help at 0.34 for its courtesies, with skills the
    /// likeliest topic. Null when no topic scores at least <see cref="WeakHelpTopicScore"/>.
    /// </summary>
    public QuestionAnalysis? AsLikeliestTopic(QuestionAnalysis turn)
    {
        var best = turn.Prediction.Ranked.FirstOrDefault(r => r.Intent.IsTopic);
        return best.Score < WeakHelpTopicScore || best.Intent.Topic is not { } topic ? null : OnTopic(turn, topic, best.Score);
    }

    /// <summary>The least probability of a topic that a weak reading of help gives way to.</summary>
    private const double WeakHelpTopicScore = 0.2;

    private static string Clean(string text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        return trimmed.Length > AnswerEngine.MaxQuestionLength ? trimmed[..AnswerEngine.MaxQuestionLength] : trimmed;
    }
}
