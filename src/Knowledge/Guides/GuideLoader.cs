using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CareerBot.Knowledge.Analysis;
using CareerBot.Knowledge.Intents;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CareerBot.Knowledge.Guides;

/// <summary>
/// Reads <c>guides/*.md</c> into guides and passages (with their alternate questions, see
/// <see cref="GuideComment"/>). Every mistake is a
/// <see cref="KnowledgeDiagnostic"/> naming the file and line: the loader notes it and reads on, so
/// one run reports them all. The overloads without diagnostics throw them as one
/// <see cref="KnowledgeBaseException"/>.
/// </summary>
public static partial class GuideLoader
{
    /// <summary>A section longer than this, with subsections, becomes one passage per subsection (an introduction under 300 characters opens the first).</summary>
    public const int SplitThreshold = 1200;

    public const string FaqHeading = "Frequently asked questions";

    /// <summary>A split section's introduction shorter than this joins its first subsection.</summary>
    public const int MinIntroPassage = 300;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePipeTables().Build();

    public static IReadOnlyList<Guide> LoadDirectory(string guidesDirectory)
    {
        var diagnostics = new KnowledgeDiagnostics();
        var guides = LoadDirectory(guidesDirectory, diagnostics);
        diagnostics.ThrowIfErrors();
        return guides;
    }

    /// <summary>Every guide of the folder; each problem goes to <paramref name="diagnostics"/>.</summary>
    public static IReadOnlyList<Guide> LoadDirectory(string guidesDirectory, KnowledgeDiagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (!Directory.Exists(guidesDirectory))
        {
            diagnostics.Error(guidesDirectory, 0, "the guides folder does not exist");
            return [];
        }

        var guides = new List<Guide>();
        foreach (var file in Directory.EnumerateFiles(guidesDirectory, "*.md").Order(StringComparer.Ordinal))
        {
            guides.Add(Parse(File.ReadAllText(file), file, diagnostics));
        }

        if (guides.Count == 0)
        {
            diagnostics.Error(guidesDirectory, 0, "no guides (*.md) found");
        }

        return guides;
    }

    public static Guide Parse(string markdown, string filePath)
    {
        var diagnostics = new KnowledgeDiagnostics();
        var guide = Parse(markdown, filePath, diagnostics);
        diagnostics.ThrowIfErrors();
        return guide;
    }

    /// <summary>
    /// The guide with every passage that could be read; each problem goes to <paramref name="diagnostics"/>
    /// (a guide with errors is for checking only, never for indexing). A check that throws a
    /// <see cref="KnowledgeBaseException"/> instead is reported too, but ends this file's checks.
    /// </summary>
    public static Guide Parse(string markdown, string filePath, KnowledgeDiagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(diagnostics);
        try
        {
            return ParseGuide(markdown, filePath, diagnostics);
        }
        catch (KnowledgeBaseException ex)
        {
            diagnostics.Add(ex);
            var id = Path.GetFileNameWithoutExtension(filePath);
            return new Guide(id, id, string.Empty, default, string.Empty, filePath, []);
        }
    }

    private static Guide ParseGuide(string markdown, string filePath, KnowledgeDiagnostics diagnostics)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var expectedId = Path.GetFileNameWithoutExtension(filePath);
        var frontMatter = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault();
        FrontMatter meta;
        if (frontMatter is null)
        {
            diagnostics.Error(filePath, 1, "missing YAML front matter (--- id, title, source, updated, summary ---)");
            meta = new FrontMatter(expectedId, 1, expectedId, string.Empty, default, string.Empty);
        }
        else
        {
            meta = ReadFrontMatter(frontMatter, filePath, expectedId, diagnostics);
        }

        if (!string.Equals(meta.Id, expectedId, StringComparison.Ordinal))
        {
            diagnostics.Error(filePath, meta.IdLine, $"id '{meta.Id}' must equal the file name '{expectedId}'");
        }

        var sections = ReadSections(document, markdown, filePath, diagnostics);
        var passages = new List<Passage>();
        var slugs = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var section in sections)
        {
            foreach (var draft in ToPassages(section, filePath, diagnostics))
            {
                if (draft.Text.Length == 0)
                {
                    diagnostics.Error(filePath, draft.Line, $"'{draft.Heading}' has no text");
                    continue;
                }

                var slug = Slug(draft.Heading);
                if (slugs.TryGetValue(slug, out var firstLine))
                {
                    diagnostics.Error(filePath, draft.Line, $"passage id '{meta.Id}#{slug}' is already used on line {firstLine}; give the heading other words");
                    continue;
                }

                slugs[slug] = draft.Line;
                passages.Add(new Passage(
                    $"{meta.Id}#{slug}", meta.Id, meta.Title, meta.Source, meta.Updated,
                    draft.Heading, draft.SectionPath, draft.Text, draft.Topics, draft.IsQuestion)
                {
                    AlternateQuestions = draft.Alternates?.Questions ?? [],
                    LeadLength = draft.LeadLength,
                });
            }
        }

        if (sections.Count == 0)
        {
            diagnostics.Error(filePath, 1, "the guide has no '##' sections");
        }

        var tags = sections
            .SelectMany(s => s.Children.Prepend(s))
            .SelectMany(s => (s.Topics ?? []).Select(t => new TopicTag(t, s.TopicsLine)))
            .ToList();
        return new Guide(meta.Id, meta.Title, meta.Source, meta.Updated, meta.Summary, filePath, passages) { TopicTags = tags };
    }

    /// <summary>"Salary by state (2024)" -> "salary-by-state-2024"; at most 60 characters, cut at a word.</summary>
    public static string Slug(string heading)
    {
        var builder = new StringBuilder(heading.Length);
        // The analyzer's words: lower-cased, folded, "C++" and "C#" spelled "cpp" and "csharp".
        foreach (var word in KnowledgeAnalyzer.WordsOf(heading))
        {
            var clean = new string(word.Where(char.IsAsciiLetterOrDigit).ToArray());

            if (clean.Length == 0 || (builder.Length > 0 && builder.Length + clean.Length + 1 > 60))
            {
                if (builder.Length > 0 && builder.Length + clean.Length + 1 > 60)
                {
                    break;
                }

                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append('-');
            }

            builder.Append(clean);
        }

        return builder.Length == 0 ? "section" : builder.ToString();
    }

    private sealed record FrontMatter(string Id, int IdLine, string Title, string Source, DateOnly Updated, string Summary);

    private static FrontMatter ReadFrontMatter(YamlFrontMatterBlock block, string filePath, string expectedId, KnowledgeDiagnostics diagnostics)
    {
        var yaml = string.Join('\n', block.Lines.Lines.Take(block.Lines.Count)
            .Select(l => l.ToString())
            .Where(l => l.Trim() is not ("---" or "...")));
        var unreadable = new FrontMatter(expectedId, block.Line + 1, expectedId, string.Empty, default, string.Empty);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            diagnostics.Error(filePath, block.Line + (int)ex.Start.Line, $"front matter is not valid YAML: {ex.Message}");
            return unreadable;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            diagnostics.Error(filePath, block.Line + 1, "front matter must be a YAML mapping");
            return unreadable;
        }

        // Lines of the YAML text count from the line after the opening '---'.
        (string Value, int Line) Required(string key)
        {
            if (map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { Length: > 0 } value })
            {
                return (value.Trim(), block.Line + 1 + (int)node.Start.Line);
            }

            diagnostics.Error(filePath, block.Line + 1, $"front matter needs '{key}'");
            return (string.Empty, block.Line + 1);
        }

        var (id, idLine) = Required("id");
        var title = Required("title").Value;
        var source = Required("source").Value;
        var (updatedText, updatedLine) = Required("updated");
        var summary = Required("summary").Value;
        if (!DateOnly.TryParseExact(updatedText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var updated) && updatedText.Length > 0)
        {
            diagnostics.Error(filePath, updatedLine, $"'updated' must be a date as YYYY-MM-DD, not '{updatedText}'");
        }

        return new FrontMatter(id.Length > 0 ? id : expectedId, idLine, title, source, updated, summary);
    }

    private sealed class Section(string heading, int line, int level)
    {
        public string Heading { get; } = heading;

        public int Line { get; } = line;

        public int Level { get; } = level;

        public IReadOnlyList<Topic>? Topics { get; set; }

        public GuideComment.Alternates? Alternates { get; set; }

        public int TopicsLine { get; set; }

        public List<string> Lines { get; } = [];

        public List<Section> Children { get; } = [];
    }

    private static List<Section> ReadSections(MarkdownDocument document, string markdown, string filePath, KnowledgeDiagnostics diagnostics)
    {
        var sections = new List<Section>();
        Section? current = null;
        Section? sub = null;
        foreach (var block in document)
        {
            switch (block)
            {
                case YamlFrontMatterBlock:
                    continue;
                case HeadingBlock { Level: 1 }:
                    continue;
                case HeadingBlock { Level: 2 } h2:
                    current = new Section(InlineText(h2.Inline), h2.Line + 1, 2);
                    sections.Add(current);
                    sub = null;
                    continue;
                case HeadingBlock { Level: 3 } h3 when current is not null:
                    sub = new Section(InlineText(h3.Inline), h3.Line + 1, 3);
                    current.Children.Add(sub);
                    continue;
                case HeadingBlock other:
                    diagnostics.Error(filePath, other.Line + 1, "use '##' for sections and '###' for subsections and questions");
                    continue;
            }

            var target = sub ?? current;
            if (target is null)
            {
                if (block is HtmlBlock orphan && GuideComment.ReadAlternates(orphan, string.Empty, filePath) is { } stray)
                {
                    diagnostics.Error(filePath, stray.Line, "alternate questions before the first '##' section");
                }

                if (block is HtmlBlock || IsBlank(block))
                {
                    continue;
                }

                diagnostics.Error(filePath, block.Line + 1, "text before the first '##' section");
                continue;
            }

            if (block is HtmlBlock html)
            {
                var topics = ParseTopicsComment(html, filePath, diagnostics);
                if (topics is not null)
                {
                    if (target.Topics is not null || target.Lines.Count > 0)
                    {
                        diagnostics.Error(filePath, html.Line + 1, "the topics comment must come right after its heading, once");
                    }

                    target.Topics ??= topics;
                    target.TopicsLine = target.TopicsLine == 0 ? html.Line + 1 : target.TopicsLine;
                }
                else if (GuideComment.ReadAlternates(html, target.Heading, filePath) is { } alternates)
                {
                    if (target.Alternates is not null || target.Lines.Count > 0)
                    {
                        diagnostics.Error(filePath, alternates.Line, "the alternates comment must come right after its heading (and topics comment), once");
                    }

                    target.Alternates ??= alternates;
                }

                continue;
            }

            if (block is ListBlock list)
            {
                WarnLazyContinuations(list, markdown, filePath, diagnostics);
            }

            if (target.Lines.Count == 0 && block is ParagraphBlock opening && BareYesOrNo().IsMatch(InlineText(opening.Inline)))
            {
                diagnostics.Warning(filePath, opening.Line + 1, "the passage opens with a bare yes or no, which a quote shows without the heading it answers; say what it answers (\"A PhD is not needed: …\")");
            }

            AppendText(block, target.Lines);
        }

        return sections;
    }

    /// <summary>
    /// A line right after a list item, with no blank line between, belongs to the item in Markdown
    /// (a "lazy continuation"): a closing sentence written that way is quoted as part of the last
    /// item ("- Running A/B tests … impact The role sits …"). Said with the line, so the author can
    /// put a blank line before it, or indent it if it does belong to the item.
    /// </summary>
    private static void WarnLazyContinuations(ListBlock list, string markdown, string filePath, KnowledgeDiagnostics diagnostics)
    {
        foreach (var paragraph in list.OfType<ListItemBlock>().SelectMany(item => item.OfType<ParagraphBlock>()))
        {
            var lines = markdown.Substring(paragraph.Span.Start, paragraph.Span.Length).Split('\n');
            for (var i = 1; i < lines.Length; i++)
            {
                if (lines[i].Length > 0 && !char.IsWhiteSpace(lines[i][0]))
                {
                    diagnostics.Warning(filePath, paragraph.Line + 1 + i, "this line continues the list item above it; put a blank line before it if it is a paragraph of its own, or indent it if it belongs to the item");
                }
            }
        }
    }

    /// <summary>
    /// "No: most jobs ask only for a bachelor's degree" answers its heading's question ("Do I need a
    /// PhD?"), but a quote is shown without the heading: to "can I become an ML engineer without
    /// college" it read as "no, you cannot".
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:yes|no|yep|nope)\b\s*[:,.;!\u2013\u2014-]", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex BareYesOrNo();

    private static bool IsBlank(Block block) => block is BlankLineBlock or ThematicBreakBlock;

    private static IReadOnlyList<Topic>? ParseTopicsComment(HtmlBlock html, string filePath, KnowledgeDiagnostics diagnostics)
    {
        var raw = string.Join('\n', html.Lines.Lines.Take(html.Lines.Count).Select(l => l.ToString()));
        var match = TopicsComment().Match(raw);
        if (!match.Success)
        {
            return null;
        }

        var topics = new List<Topic>();
        var names = match.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in names)
        {
            if (!Topic.IsValidName(name))
            {
                diagnostics.Error(filePath, html.Line + 1, $"'{name}' is not a topic name");
                continue;
            }

            if (!topics.Contains(new Topic(name)))
            {
                topics.Add(new Topic(name));
            }
        }

        if (names.Length == 0)
        {
            diagnostics.Error(filePath, html.Line + 1, "the topics comment names no topic");
        }

        return topics;
    }

    private static void AppendText(Block block, List<string> lines)
    {
        switch (block)
        {
            case ParagraphBlock paragraph:
                AddLine(lines, InlineText(paragraph.Inline));
                break;
            case ListBlock list:
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var parts = new List<string>();
                    foreach (var child in item)
                    {
                        AppendText(child, parts);
                    }

                    var text = string.Join(' ', parts.Select(p => p.TrimStart('-', ' ')));
                    AddLine(lines, "- " + text);
                }

                break;
            case Table table:
                AppendTable(table, lines);
                break;
            case QuoteBlock quote:
                foreach (var child in quote)
                {
                    AppendText(child, lines);
                }

                break;
            case LeafBlock leaf when leaf is not HeadingBlock:
                foreach (var line in leaf.Lines.Lines.Take(leaf.Lines.Count))
                {
                    AddLine(lines, line.ToString());
                }

                break;
        }
    }

    /// <summary>A pipe table is one list item per body row, each cell named by its column: "- Level: Junior; Salary: $110,000".</summary>
    private static void AppendTable(Table table, List<string> lines)
    {
        static List<string> Cells(TableRow row) =>
            row.OfType<TableCell>().Select(c => string.Join(' ', c.OfType<ParagraphBlock>().Select(p => InlineText(p.Inline)))).ToList();

        var rows = table.OfType<TableRow>().ToList();
        var header = rows.Count > 0 && rows[0].IsHeader ? Cells(rows[0]) : [];
        foreach (var row in rows.Where(r => !r.IsHeader))
        {
            var cells = Cells(row);
            var parts = cells
                .Select((cell, i) => (cell, name: i < header.Count ? header[i] : string.Empty))
                .Where(c => c.cell.Length > 0)
                .Select(c => c.name.Length > 0 ? $"{c.name}: {c.cell}" : c.cell);
            AddLine(lines, "- " + string.Join("; ", parts));
        }
    }

    private static void AddLine(List<string> lines, string text)
    {
        var clean = Whitespace().Replace(text, " ").Trim();
        if (clean.Length > 0 && clean != "-")
        {
            lines.Add(clean);
        }
    }

    private static string InlineText(ContainerInline? inline)
    {
        if (inline is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        MarkdownInlineText.Append(inline, builder);
        return Whitespace().Replace(builder.ToString(), " ").Trim();
    }

    private sealed record PassageDraft(string Heading, string SectionPath, string Text, IReadOnlyList<Topic> Topics, bool IsQuestion, int Line, GuideComment.Alternates? Alternates)
    {
        /// <summary>See <see cref="Passage.LeadLength"/>.</summary>
        public int LeadLength { get; init; }
    }

    private static IEnumerable<PassageDraft> ToPassages(Section section, string filePath, KnowledgeDiagnostics diagnostics)
    {
        if (string.Equals(section.Heading, FaqHeading, StringComparison.OrdinalIgnoreCase))
        {
            if (section.Children.Count == 0)
            {
                diagnostics.Error(filePath, section.Line, "the FAQ section has no '###' questions");
            }

            if (section.Alternates is not null)
            {
                diagnostics.Error(filePath, section.Alternates.Line, "the FAQ section is no passage; put alternate questions under each '###' question");
            }

            foreach (var question in section.Children)
            {
                if (!question.Heading.EndsWith('?'))
                {
                    diagnostics.Error(filePath, question.Line, $"FAQ heading '{question.Heading}' must be a question ending in '?'");
                    continue;
                }

                var topics = question.Topics ?? section.Topics;
                if (topics is null)
                {
                    diagnostics.Error(filePath, question.Line, $"question '{question.Heading}' has no <!-- topics: ... --> comment");
                    continue;
                }
                yield return new PassageDraft(question.Heading, $"{section.Heading} > {question.Heading}", string.Join('\n', question.Lines), topics, true, question.Line, question.Alternates);
            }

            yield break;
        }

        var sectionTopics = section.Topics;
        if (sectionTopics is null)
        {
            diagnostics.Error(filePath, section.Line, $"section '{section.Heading}' has no <!-- topics: ... --> comment after its heading");
            sectionTopics = [];
        }

        // The section's own lines: the whole text of a section without subsections, else the
        // introduction that leads into them.
        var intro = string.Join('\n', section.Lines);
        var whole = new List<string>(section.Lines);
        foreach (var child in section.Children)
        {
            if (!OpensWithLeadIn(child.Lines))
            {
                // "Recommended certifications:" before "Certifications Jobicy recommends for ML
                // engineers:" said the same twice in every quote of the section.
                whole.Add(LeadIn(child.Heading));
            }

            whole.AddRange(child.Lines);
        }

        var wholeText = string.Join('\n', whole);
        if (section.Children.Count == 0 || wholeText.Length <= SplitThreshold)
        {
            if (section.Children.FirstOrDefault(c => c.Alternates is not null) is { } merged)
            {
                diagnostics.Error(filePath, merged.Alternates!.Line, $"'{merged.Heading}' is part of the passage '{section.Heading}' (the section is not split); put its alternate questions under '## {section.Heading}'");
            }

            yield return new PassageDraft(section.Heading, section.Heading, wholeText, sectionTopics, false, section.Line, section.Alternates)
            {
                LeadLength = section.Children.Count > 0 ? intro.Length : 0,
            };
            yield break;
        }

        // A short introduction is no passage of its own: it leads into the first subsection.
        var introIsOwnPassage = intro.Length >= MinIntroPassage;
        if (introIsOwnPassage)
        {
            yield return new PassageDraft(section.Heading, section.Heading, intro, sectionTopics, false, section.Line, section.Alternates);
        }
        else if (section.Alternates is not null)
        {
            diagnostics.Error(filePath, section.Alternates.Line, $"'{section.Heading}' is no passage of its own (it is split and its introduction opens '{section.Children[0].Heading}'); put alternate questions under each '###'");
        }

        for (var i = 0; i < section.Children.Count; i++)
        {
            var child = section.Children[i];
            var lines = i == 0 && !introIsOwnPassage && intro.Length > 0 ? [.. section.Lines, .. child.Lines] : child.Lines;
            yield return new PassageDraft(
                child.Heading, $"{section.Heading} > {child.Heading}", string.Join('\n', lines),
                child.Topics ?? sectionTopics, false, child.Line, child.Alternates)
            {
                LeadLength = i == 0 && !introIsOwnPassage ? intro.Length : 0,
            };
        }
    }

    /// <summary>Whether a subsection's first line leads into what follows by itself (it ends with a colon), so its heading need not.</summary>
    private static bool OpensWithLeadIn(IReadOnlyList<string> lines) =>
        lines.FirstOrDefault(l => !string.IsNullOrWhiteSpace(l)) is { } first && first.TrimEnd().EndsWith(':');

    /// <summary>A subsection heading kept inside its section's text, as a line that leads into what follows.</summary>
    private static string LeadIn(string heading) =>
        heading.EndsWith(':') || heading.EndsWith('?') || heading.EndsWith('.') ? heading : heading + ":";

    [GeneratedRegex(@"^\s*<!--\s*topics\s*:\s*(.*?)\s*-->\s*$", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TopicsComment();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
