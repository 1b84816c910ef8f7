using CareerBot.Knowledge.Guides;
using CareerBot.Knowledge.Text;

namespace CareerBot.Knowledge.Import;

/// <summary>
/// Arranges a page's blocks the way a guide is laid out: text before the first heading is an
/// "Overview" section; level-2 headings open sections and level-3 ones subsections (deeper ones
/// become lead-in lines); an FAQ section's headings are questions; a heading ending in '?'
/// anywhere else is a question too, gathered with the FAQ's; sections under a boilerplate
/// heading ("Related articles") are dropped, and so are headings left with no text.
/// </summary>
internal static class GuideOutliner
{
    public const string OverviewHeading = "Overview";

    public static GuideDraft Outline(SourceDocument source, string? titleOverride, string fallbackTitle)
    {
        ArgumentNullException.ThrowIfNull(source);
        var sections = new List<SectionBuilder>();
        var questions = new List<QuestionBuilder>();
        var discard = new List<SourceBlock>();
        List<SourceBlock>? target = null;
        SectionBuilder? section = null;
        int? faqLevel = null, skipLevel = null, questionLevel = null;
        string? firstParagraph = null;
        SourceParagraph? leadIn = null;

        foreach (var block in source.Blocks)
        {
            var content = block;
            if (block is SourceHeading heading)
            {
                var level = Math.Max(heading.Level, 2);
                var text = heading.Text;
                if (skipLevel is { } skip)
                {
                    if (level > skip)
                    {
                        continue;
                    }

                    skipLevel = null;
                }

                if (ImportText.IsBoilerplate(text))
                {
                    skipLevel = level;
                    continue;
                }

                if (level >= 4)
                {
                    content = new SourceParagraph(ImportText.LeadIn(text));
                }
                else if (ImportText.IsFaq(text))
                {
                    (faqLevel, questionLevel, target) = (level, null, discard);
                    continue;
                }
                else if (faqLevel is { } faq && (level > faq || ImportText.IsQuestion(text)))
                {
                    target = AddQuestion(questions, ImportText.AsQuestion(text));
                    continue;
                }
                else
                {
                    faqLevel = null;
                    if (ImportText.IsQuestion(text))
                    {
                        target = AddQuestion(questions, text);
                        questionLevel = level;
                        continue;
                    }

                    if (questionLevel is { } q && level > q)
                    {
                        content = new SourceParagraph(ImportText.LeadIn(text));
                    }
                    else
                    {
                        questionLevel = null;
                        target = OpenSection(text, level, sections, ref section);
                        continue;
                    }
                }
            }

            if (skipLevel is not null)
            {
                continue;
            }

            if (target is null)
            {
                section = new SectionBuilder(OverviewHeading);
                sections.Add(section);
                target = section.Body;
            }

            if (content is SourceParagraph next && target.Count > 0 && ReferenceEquals(target[^1], leadIn))
            {
                // "Tip:" from a deep heading opens the paragraph beneath it.
                target[^1] = new SourceParagraph($"{leadIn.Text} {next.Text}");
            }
            else
            {
                target.Add(content);
            }

            leadIn = ReferenceEquals(content, block) ? null : content as SourceParagraph;
            if (firstParagraph is null && ReferenceEquals(content, block) && block is SourceParagraph paragraph && !ReferenceEquals(target, discard))
            {
                firstParagraph = paragraph.Text;
            }
        }

        var title = Clean(titleOverride) ?? source.Title ?? fallbackTitle;
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        return new GuideDraft(title, Summary(firstParagraph) ?? title, Build(sections, slugs), Build(questions, slugs));
    }

    /// <summary>A level-2 heading (or any first heading) opens a section, a level-3 one a subsection of the current section.</summary>
    private static List<SourceBlock> OpenSection(string heading, int level, List<SectionBuilder> sections, ref SectionBuilder? section)
    {
        if (level == 2 || section is null)
        {
            section = new SectionBuilder(heading);
            sections.Add(section);
            return section.Body;
        }

        var sub = new SubsectionBuilder(heading);
        section.Subsections.Add(sub);
        return sub.Body;
    }

    private static string? Clean(string? text) => ImportText.Normalize(text) is { Length: > 0 } clean ? clean : null;

    private static List<SourceBlock> AddQuestion(List<QuestionBuilder> questions, string text)
    {
        var question = new QuestionBuilder(text);
        questions.Add(question);
        return question.Answer;
    }

    /// <summary>The first sentence of the first paragraph.</summary>
    private static string? Summary(string? paragraph)
    {
        if (paragraph is null)
        {
            return null;
        }

        var units = SentenceSplitter.Split(paragraph);
        return units.Count > 0 ? units[0].Of(paragraph) : paragraph;
    }

    /// <summary>Sections with text, subsections with text; two headings never share a passage slug.</summary>
    private static DraftSection[] Build(List<SectionBuilder> sections, HashSet<string> slugs)
    {
        var result = new List<DraftSection>();
        foreach (var s in sections)
        {
            var subsections = s.Subsections.Where(sub => sub.Body.Count > 0).ToList();
            if (s.Body.Count == 0 && subsections.Count == 0)
            {
                continue;
            }

            result.Add(new DraftSection(s.Heading, s.Body, subsections.Select(sub => new DraftSubsection(sub.Heading, sub.Body)).ToArray()));
        }

        return result.Select(s => s with
        {
            Heading = Unique(s.Heading, slugs),
            Subsections = s.Subsections.Select(sub => sub with { Heading = Unique(sub.Heading, slugs) }).ToArray(),
        }).ToArray();
    }

    private static DraftQuestion[] Build(List<QuestionBuilder> questions, HashSet<string> slugs) =>
        questions.Where(q => q.Answer.Count > 0).Select(q => new DraftQuestion(Unique(q.Question, slugs), q.Answer)).ToArray();

    private static string Unique(string heading, HashSet<string> slugs)
    {
        var candidate = heading;
        var question = ImportText.IsQuestion(heading);
        for (var n = 2; !slugs.Add(GuideLoader.Slug(candidate)); n++)
        {
            candidate = question ? $"{heading[..^1]} ({n})?" : $"{heading} ({n})";
        }

        return candidate;
    }

    private sealed class SectionBuilder(string heading)
    {
        public string Heading { get; } = heading;

        public List<SourceBlock> Body { get; } = [];

        public List<SubsectionBuilder> Subsections { get; } = [];
    }

    private sealed class SubsectionBuilder(string heading)
    {
        public string Heading { get; } = heading;

        public List<SourceBlock> Body { get; } = [];
    }

    private sealed class QuestionBuilder(string question)
    {
        public string Question { get; } = question;

        public List<SourceBlock> Answer { get; } = [];
    }
}
