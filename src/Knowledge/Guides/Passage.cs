using CareerBot.Knowledge.Intents;

namespace CareerBot.Knowledge.Guides;

/// <summary>
/// The unit the bot searches and cites: one section of a guide, one subsection of a long
/// section, or one FAQ question with its answer.
/// </summary>
/// <param name="Id">Stable id, <c>&lt;guide-id&gt;#&lt;slug&gt;</c>.</param>
/// <param name="Heading">The passage's own heading (for an FAQ entry, the question).</param>
/// <param name="SectionPath">Headings from the guide down to the passage, joined by " > ".</param>
/// <param name="Text">Plain text: paragraphs and list items ("- item") separated by newlines.</param>
public sealed record Passage(
    string Id,
    string GuideId,
    string GuideTitle,
    string Source,
    DateOnly Updated,
    string Heading,
    string SectionPath,
    string Text,
    IReadOnlyList<Topic> Topics,
    bool IsQuestion)
{
    /// <summary>
    /// Other ways visitors ask what this passage answers (QnA Maker's "alternate questions"),
    /// from the guide's <c>&lt;!-- alternates: ... --&gt;</c> comment. Matched by search, never
    /// part of <see cref="Text"/> and never shown.
    /// </summary>
    public IReadOnlyList<string> AlternateQuestions { get; init; } = [];

    /// <summary>
    /// The length of the opening text that introduces the subsections after it: a section's
    /// introduction, kept before its first subsection's text (the subsection's own passage when the
    /// section is split, the section's passage when it is not); 0 when there is none. A quote never
    /// ends inside it: an introduction alone leaves out what it introduces.
    /// </summary>
    public int LeadLength { get; init; }

    public bool HasTopic(Topic topic)
    {
        foreach (var t in Topics)
        {
            if (t == topic)
            {
                return true;
            }
        }

        return false;
    }
}
