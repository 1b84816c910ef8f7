namespace CareerBot.Knowledge.Import;

/// <summary>
/// Turns an existing guide page (HTML, Markdown or plain text) into a draft in the knowledge
/// base's guide format, for an operator to review: read the format, outline it into sections
/// and FAQ questions, write it with a topics comment to fill in for each.
/// </summary>
public static class GuideImporter
{
    public static IReadOnlyList<string> Extensions { get; } = [".html", ".htm", ".md", ".txt"];

    /// <summary>A guide id: lowercase letters, digits and '-'.</summary>
    public static bool IsValidId(string? id) =>
        !string.IsNullOrEmpty(id) && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    /// <exception cref="KnowledgeBaseException">The format is not one of <see cref="Extensions"/>, or the page has no text.</exception>
    public static ImportedGuide Import(GuideImportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsValidId(request.Id))
        {
            throw new ArgumentException($"'{request.Id}' is not a guide id (lowercase letters, digits and '-')", nameof(request));
        }

        var fileName = Path.GetFileName(request.FileName);
        var draft = GuideOutliner.Outline(ReaderFor(fileName).Read(request.Content), request.Title, FallbackTitle(fileName));
        if (draft.Sections.Count == 0 && draft.Questions.Count == 0)
        {
            throw new KnowledgeBaseException($"{fileName}: found no text to import");
        }

        var source = ImportText.Normalize(request.Source) is { Length: > 0 } given ? given : $"{draft.Title} (imported from {fileName})";
        var markdown = GuideMarkdownWriter.Write(draft, request.Id, source, request.Updated);
        return new ImportedGuide(request.Id, draft.Title, markdown, draft.Sections.Count, draft.Questions.Count);
    }

    private static IGuideReader ReaderFor(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".html" or ".htm" => new HtmlGuideReader(),
        ".md" => new MarkdownGuideReader(),
        ".txt" => new TextGuideReader(),
        var other => throw new KnowledgeBaseException(
            $"{fileName}: cannot import '{(other.Length > 0 ? other : "(no extension)")}' files; use {string.Join(", ", Extensions)}"),
    };

    /// <summary>"ml-career_guide.txt" -> "Ml career guide", for a page with no title of its own.</summary>
    private static string FallbackTitle(string fileName)
    {
        var words = ImportText.Normalize(Path.GetFileNameWithoutExtension(fileName).Replace('-', ' ').Replace('_', ' '));
        return words.Length == 0 ? "Imported guide" : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
