using System.Text;
using CareerBot.Knowledge.Guides;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CareerBot.Knowledge.Import;

/// <summary>
/// Reads a Markdown page with Markdig: the first <c>#</c> heading is the title, other headings
/// keep their text and level, paragraphs, lists and pipe tables become blocks, links their
/// text; front matter, HTML and comments are left out.
/// </summary>
internal sealed class MarkdownGuideReader : IGuideReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePipeTables().Build();

    public SourceDocument Read(string content)
    {
        var blocks = new List<SourceBlock>();
        string? title = null;
        Walk(Markdown.Parse(content, Pipeline), blocks, ref title);
        return new SourceDocument(title, blocks);
    }

    private static void Walk(ContainerBlock container, List<SourceBlock> blocks, ref string? title)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    var text = InlineText(heading.Inline);
                    if (text.Length == 0)
                    {
                        break;
                    }

                    if (heading.Level == 1 && title is null)
                    {
                        title = text;
                    }
                    else
                    {
                        blocks.Add(new SourceHeading(heading.Level == 1 ? 2 : heading.Level, text));
                    }

                    break;
                case ParagraphBlock paragraph:
                    AddParagraph(blocks, InlineText(paragraph.Inline));
                    break;
                case ListBlock list:
                    var items = new List<string>();
                    ListItems(list, items);
                    if (items.Count > 0)
                    {
                        blocks.Add(new SourceList(list.IsOrdered, items));
                    }

                    break;
                case Table table:
                    AddTable(table, blocks);
                    break;
                case CodeBlock code:
                    AddParagraph(blocks, ImportText.Normalize(string.Join(' ', code.Lines.Lines.Take(code.Lines.Count).Select(l => l.ToString()))));
                    break;
                case QuoteBlock quote:
                    Walk(quote, blocks, ref title);
                    break;
                case HtmlBlock or ThematicBreakBlock or Markdig.Extensions.Yaml.YamlFrontMatterBlock:
                    break;
                case ContainerBlock other:
                    Walk(other, blocks, ref title);
                    break;
            }
        }
    }

    private static void AddParagraph(List<SourceBlock> blocks, string text)
    {
        if (text.Length > 0)
        {
            blocks.Add(new SourceParagraph(text));
        }
    }

    /// <summary>Each item's own text; a nested list's items follow their parent's.</summary>
    private static void ListItems(ListBlock list, List<string> items)
    {
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var parts = new List<string>();
            var nested = new List<ListBlock>();
            foreach (var child in item)
            {
                switch (child)
                {
                    case ListBlock sublist:
                        nested.Add(sublist);
                        break;
                    case ParagraphBlock paragraph:
                        parts.Add(InlineText(paragraph.Inline));
                        break;
                    case LeafBlock leaf:
                        parts.Add(ImportText.Normalize(string.Join(' ', leaf.Lines.Lines.Take(leaf.Lines.Count).Select(l => l.ToString()))));
                        break;
                }
            }

            var text = ImportText.Normalize(string.Join(' ', parts));
            if (text.Length > 0)
            {
                items.Add(text);
            }

            foreach (var sublist in nested)
            {
                ListItems(sublist, items);
            }
        }
    }

    private static void AddTable(Table table, List<SourceBlock> blocks)
    {
        var rows = table.OfType<TableRow>()
            .Select(r => r.OfType<TableCell>().Select(c => ImportText.Normalize(string.Join(' ', c.OfType<ParagraphBlock>().Select(p => InlineText(p.Inline))))).ToList())
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var width = rows.Max(r => r.Count);
        foreach (var row in rows)
        {
            row.AddRange(Enumerable.Repeat(string.Empty, width - row.Count));
        }

        blocks.Add(new SourceTable(rows[0], rows.Skip(1).ToArray()));
    }

    private static string InlineText(ContainerInline? inline)
    {
        var builder = new StringBuilder();
        if (inline is not null)
        {
            MarkdownInlineText.Append(inline, builder);
        }

        return ImportText.Normalize(builder.ToString());
    }
}
