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
    /// <summary>Other wordings of the question this passage answers; indexed in their own field. None yet.</summary>
    public IReadOnlyList<string> AlternateQuestions { get; init; } = [];

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
