using CareerBot.Knowledge.Intents;

namespace CareerBot.Knowledge.Search;

/// <summary>
/// What to look for: the analysed terms of this message, the terms carried over from the
/// previous turn (they count half), the topic to favour, and passages to skip.
/// </summary>
public sealed record RetrievalQuery(
    IReadOnlyList<string> Terms,
    IReadOnlyList<string> ContextTerms,
    Topic? Topic,
    IReadOnlySet<string> Exclude)
{
    public static RetrievalQuery For(IReadOnlyList<string> terms, Topic? topic = null) =>
        new(terms, [], topic, new HashSet<string>());
}
