using System.ComponentModel.DataAnnotations;

namespace CareerBot.Knowledge.Search;

/// <summary>How passages are ranked and when a match counts as strong enough to answer from.</summary>
public sealed record RetrievalOptions
{
    /// <summary>How many full-text candidates are re-ranked.</summary>
    [Range(1, 1000)]
    public int Candidates { get; init; } = 40;

    /// <summary>Terms in more than this share of passages are not sent to the full-text index (re-ranking still counts them).</summary>
    [Range(0.0, 1.0)]
    public double CommonTermShare { get; init; } = 0.5;

    /// <summary>BM25 weight (Lucene field boost) of a passage's heading (an FAQ entry's question).</summary>
    [Range(0.0, 100.0)]
    public double TitleWeight { get; init; } = 1.8;

    /// <summary>BM25 weight of the headings above the passage (its section path).</summary>
    [Range(0.0, 100.0)]
    public double SectionWeight { get; init; } = 0.5;

    /// <summary>BM25 weight of the passage's body text.</summary>
    [Range(0.0, 100.0)]
    public double BodyWeight { get; init; } = 1.0;

    /// <summary>BM25 weight of the guide's title (0: not searched; every passage of a guide shares it).</summary>
    [Range(0.0, 100.0)]
    public double GuideTitleWeight { get; init; }

    /// <summary>
    /// The weight of a passage's alternate questions, its visitors' other wordings. Chosen by
    /// cross-validation on the development set (scripts/cross-validate.py; docs/quality.md).
    /// </summary>
    [Range(0.0, 100.0)]
    public double AlternatesWeight { get; init; } = 1.8;

    /// <summary>The searched fields' weights, as the index takes them.</summary>
    public FieldWeights FieldWeights => new(TitleWeight, SectionWeight, BodyWeight, AlternatesWeight, GuideTitleWeight);

    /// <summary>Extra score share for a passage tagged with the question's topic.</summary>
    [Range(0.0, 10.0)]
    public double TopicBoost { get; init; } = 1.0;

    /// <summary>
    /// When the second most probable topic has at least this share of the first's probability,
    /// the two split the topic boost by probability instead of the first taking all of it: which
    /// of two nearly equal topics wins is chance, and should not decide the passage.
    /// </summary>
    [Range(0.0, 1.0)]
    public double TopicTieRatio { get; init; } = 0.8;

    /// <summary>
    /// Extra score share for a passage whose heading states the question (scaled by how well
    /// it does: the IDF-weighted harmonic mean of heading and question words shared).
    /// </summary>
    [Range(0.0, 10.0)]
    public double HeadingBoost { get; init; } = 1.2;

    /// <summary>
    /// Extra score share for a passage one of whose alternate questions states the question
    /// (scaled as <see cref="HeadingBoost"/> is, by the closest alternate). Chosen by
    /// cross-validation on the development set (scripts/cross-validate.py; docs/quality.md).
    /// </summary>
    [Range(0.0, 10.0)]
    public double AlternateBoost { get; init; } = 2.0;

    /// <summary>How much query coverage shapes the score (0: not at all, 1: the score is proportional to it).</summary>
    [Range(0.0, 1.0)]
    public double CoverageWeight { get; init; } = 1.0;

    /// <summary>
    /// How much the BM25 score (relative to the best candidate's) shapes the score: its
    /// exponent, so that below 1 BM25's preference for short passages yields to coverage and headings.
    /// </summary>
    [Range(0.0, 2.0)]
    public double Bm25Exponent { get; init; } = 0.1;

    /// <summary>Weight of words that only frame a question ("exactly", "what kind of") against 1 for the others.</summary>
    [Range(0.0, 1.0)]
    public double FramingWordWeight { get; init; } = 0.1;

    /// <summary>Weight of terms carried over from the previous turn in a follow-up.</summary>
    [Range(0.0, 1.0)]
    public double ContextTermWeight { get; init; } = 0.5;

    /// <summary>
    /// A follow-up that asks a question of its own about the previous turn ("which one pays
    /// more?", "why C++?") keeps the previous turn's topic unless its own topic is at least this
    /// probable. One that only changes part of the previous question ("what about senior ones?")
    /// takes its topic from itself read alone and read after that question, not from this cut.
    /// </summary>
    [Range(0.0, 1.0)]
    public double FollowUpTopicSwitch { get; init; } = 0.6;

    /// <summary>Below this coverage the best passage is no answer: the bot declines.</summary>
    [Range(0.0, 1.0)]
    public double MinCoverage { get; init; } = 0.35;

    /// <summary>
    /// Below <see cref="MinCoverage"/>, a question whose topic the classifier gives at least this
    /// probability is still answered from its best passage on that topic, if that passage covers
    /// at least <see cref="CloseCoverage"/>, with a first line that says it is the closest the
    /// guides come: a confident in-scope question is not declined without saying why.
    /// </summary>
    [Range(0.0, 1.0)]
    public double CloseIntent { get; init; } = 0.8;

    /// <summary>The least coverage of an answer given as the closest the guides come (<see cref="CloseIntent"/>).</summary>
    [Range(0.0, 1.0)]
    public double CloseCoverage { get; init; } = 0.2;

    /// <summary>
    /// A question the classifier put out of scope is still answered when a passage covers at
    /// least this share of its terms: the guides plainly speak of it.
    /// </summary>
    [Range(0.0, 1.0)]
    public double RescueCoverage { get; init; } = 0.7;

    /// <summary>No rescue when the classifier gives out-of-scope at least this probability.</summary>
    [Range(0.0, 1.0)]
    public double RescueMaxOutOfScope { get; init; } = 0.8;

    /// <summary>
    /// Another guide's passage among the best <see cref="ViewCandidates"/> is quoted too when it
    /// covers at least this share of what the best passage covers, on the same topic.
    /// </summary>
    [Range(0.0, 1.0)]
    public double SecondViewCoverage { get; init; } = 0.8;

    [Range(1, 100)]
    public int ViewCandidates { get; init; } = 6;

    /// <summary>Most guides quoted in one answer.</summary>
    [Range(1, 5)]
    public int MaxViews { get; init; } = 3;
}
