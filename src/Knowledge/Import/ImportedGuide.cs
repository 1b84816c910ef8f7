namespace CareerBot.Knowledge.Import;

/// <summary>An imported guide's Markdown, with the counts the operator needs to finish it.</summary>
/// <param name="Sections">Ordinary <c>##</c> sections, each with a topics comment to fill in.</param>
/// <param name="Questions">FAQ questions, each with a topics comment to fill in.</param>
public sealed record ImportedGuide(string Id, string Title, string Markdown, int Sections, int Questions)
{
    /// <summary>How many <c>&lt;!-- topics: TODO --&gt;</c> comments the guide has.</summary>
    public int TopicsToFill => Sections + Questions;
}
