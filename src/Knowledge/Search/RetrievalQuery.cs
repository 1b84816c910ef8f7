using CareerBot.Knowledge.Intents;

namespace CareerBot.Knowledge.Search;

/// <summary>
/// What to look for: the analysed terms of this message, the terms carried over from the
/// previous turn (none of them among this message's; they count half), the topic to favour, and
/// passages to skip.
/// </summary>
public sealed record RetrievalQuery(
    IReadOnlyList<string> Terms,
    IReadOnlyList<string> ContextTerms,
    Topic? Topic,
    IReadOnlySet<string> Exclude)
{
    /// <summary>
    /// The topics to favour with their shares of the topic boost, when the classifier cannot
    /// tell two apart (shares add up to 1, <see cref="Topic"/> first); empty means
    /// <see cref="Topic"/> alone, with all of it.
    /// </summary>
    public IReadOnlyList<TopicShare> TopicShares { get; init; } = [];

    /// <summary>
    /// Whether <see cref="ContextTerms"/> also pick the candidates, not only weigh in coverage: true
    /// for a follow-up that asks a question of its own about the same things ("which one should I
    /// pick?"), false for one that replaces part of the previous question ("what about senior
    /// ones?"), whose new words alone say where to look.
    /// </summary>
    public bool SearchesContext { get; init; }

    /// <summary>
    /// The other roles a comparison names (<see cref="RoleNames.Of"/>, one bit each): a passage that
    /// names other roles and none of these does not cover their words and keeps half its score; one
    /// that names one of them, and covers enough of the question, gains half its score again.
    /// </summary>
    public int Roles { get; init; }

    public static RetrievalQuery For(IReadOnlyList<string> terms, Topic? topic = null) =>
        new(terms, [], topic, new HashSet<string>());
}

/// <summary>A topic and its share (0..1) of the boost a passage tagged with it gets.</summary>
public readonly record struct TopicShare(Topic Topic, double Share);
