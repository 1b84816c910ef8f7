using System.Collections.Frozen;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace CareerBot.Knowledge.Import;

/// <summary>
/// Reads an HTML page with AngleSharp: the main content (<c>&lt;main&gt;</c>, else
/// <c>&lt;article&gt;</c>, else the body) without its boilerplate (<see cref="HtmlBoilerplate"/>);
/// the first <c>&lt;h1&gt;</c> is the title; paragraphs, lists, tables and headings become blocks,
/// links their text.
/// </summary>
internal sealed class HtmlGuideReader : IGuideReader
{
    /// <summary>Elements that start a block of their own; anything else is inline text.</summary>
    private static readonly FrozenSet<string> BlockTags = FrozenSet.ToFrozenSet(
    [
        "address", "article", "aside", "blockquote", "body", "details", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    ], StringComparer.Ordinal);

    private static readonly HtmlParser Parser = new();

    public SourceDocument Read(string content)
    {
        using var document = Parser.ParseDocument(content);
        var root = document.QuerySelector("main") ?? document.QuerySelector("article") ?? document.QuerySelector("[role=main]")
            ?? document.Body ?? document.DocumentElement;
        var titleElement = root.QuerySelector("h1")
            ?? document.QuerySelectorAll("h1").FirstOrDefault(h => !h.Ancestors<IElement>().Any(HtmlBoilerplate.IsBoilerplate));
        var title = titleElement is null ? ImportText.Normalize(document.Title) : InlineText(titleElement);

        var walker = new Walker(titleElement, title);
        walker.Children(root);
        return new SourceDocument(title.Length > 0 ? title : null, walker.Blocks);
    }

    private static string InlineText(INode node)
    {
        var builder = new StringBuilder();
        AppendInline(node, builder);
        return ImportText.Normalize(builder.ToString());
    }

    private static void AppendInline(INode node, StringBuilder builder)
    {
        switch (node)
        {
            case IText text:
                builder.Append(text.Data);
                break;
            case IElement element when HtmlBoilerplate.IsBoilerplate(element):
                break;
            case IElement { LocalName: "br" }:
                builder.Append(' ');
                break;
            case IElement element:
                var block = BlockTags.Contains(element.LocalName);
                if (block)
                {
                    builder.Append(' ');
                }

                foreach (var child in element.ChildNodes)
                {
                    AppendInline(child, builder);
                }

                if (block)
                {
                    builder.Append(' ');
                }

                break;
        }
    }

    /// <summary>Walks the content once, collecting blocks; the title's heading, and any other <c>&lt;h1&gt;</c> repeating it, are skipped.</summary>
    private sealed class Walker(IElement? title, string titleText)
    {
        public List<SourceBlock> Blocks { get; } = [];

        public void Children(IElement container)
        {
            var inline = new StringBuilder();
            foreach (var node in container.ChildNodes)
            {
                if (node is IElement element && BlockTags.Contains(element.LocalName))
                {
                    Flush(inline);
                    if (!HtmlBoilerplate.IsBoilerplate(element))
                    {
                        Block(element);
                    }
                }
                else
                {
                    AppendInline(node, inline);
                }
            }

            Flush(inline);
        }

        private void Flush(StringBuilder inline)
        {
            var text = ImportText.Normalize(inline.ToString());
            inline.Clear();
            if (text.Length > 0)
            {
                Blocks.Add(new SourceParagraph(text));
            }
        }

        private void Block(IElement element)
        {
            switch (element.LocalName)
            {
                case "h1" when ReferenceEquals(element, title):
                case "hr":
                    return;
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    var text = InlineText(element);
                    if (element.LocalName != "h1" || !string.Equals(text, titleText, StringComparison.Ordinal))
                    {
                        Heading(element.LocalName[1] - '0', text);
                    }

                    return;
                case "summary":
                    var summary = InlineText(element);
                    Add(ImportText.IsQuestion(summary) ? new SourceHeading(3, summary) : Paragraph(summary));
                    return;
                case "p" or "pre" or "dt" or "dd" or "figcaption":
                    Add(Paragraph(InlineText(element)));
                    return;
                case "ul" or "ol":
                    var items = new List<string>();
                    ListItems(element, items);
                    Add(items.Count > 0 ? new SourceList(element.LocalName == "ol", items) : null);
                    return;
                case "dl":
                    Add(DefinitionList(element));
                    return;
                case "table":
                    Add(Table((IHtmlTableElement)element));
                    return;
                default:
                    Children(element);
                    return;
            }
        }

        private void Heading(int level, string text)
        {
            if (text.Length > 0)
            {
                Blocks.Add(new SourceHeading(level == 1 ? 2 : level, text));
            }
        }

        private void Add(SourceBlock? block)
        {
            if (block is not null)
            {
                Blocks.Add(block);
            }
        }

        private static SourceParagraph? Paragraph(string text) => text.Length > 0 ? new SourceParagraph(text) : null;

        /// <summary>Each item's own text; a nested list's items follow their parent's.</summary>
        private static void ListItems(IElement list, List<string> items)
        {
            foreach (var item in list.Children.Where(c => c.LocalName == "li" && !HtmlBoilerplate.IsBoilerplate(c)))
            {
                var text = new StringBuilder();
                var nested = new List<IElement>();
                foreach (var node in item.ChildNodes)
                {
                    if (node is IElement { LocalName: "ul" or "ol" } sublist)
                    {
                        nested.Add(sublist);
                    }
                    else
                    {
                        AppendInline(node, text);
                    }
                }

                var clean = ImportText.Normalize(text.ToString());
                if (clean.Length > 0)
                {
                    items.Add(clean);
                }

                foreach (var sublist in nested)
                {
                    ListItems(sublist, items);
                }
            }
        }

        /// <summary>"term: definition" items.</summary>
        private static SourceList? DefinitionList(IElement list)
        {
            var items = new List<string>();
            string? term = null;
            foreach (var child in list.Children)
            {
                var text = InlineText(child);
                if (child.LocalName == "dt")
                {
                    if (term is not null)
                    {
                        items.Add(term);
                    }

                    term = text;
                }
                else if (child.LocalName == "dd" && text.Length > 0)
                {
                    items.Add(term is null ? text : $"{ImportText.LeadIn(term)} {text}");
                    term = null;
                }
            }

            if (term is { Length: > 0 })
            {
                items.Add(term);
            }

            return items.Count > 0 ? new SourceList(false, items) : null;
        }

        /// <summary>The first row is the header (a <c>&lt;thead&gt;</c> row when there is one); rows are padded to one width.</summary>
        private static SourceTable? Table(IHtmlTableElement table)
        {
            var rows = table.Rows
                .Select(r => r.Cells.Select(c => InlineText(c)).ToList())
                .Where(r => r.Any(c => c.Length > 0))
                .ToList();
            if (rows.Count == 0)
            {
                return null;
            }

            var width = rows.Max(r => r.Count);
            foreach (var row in rows)
            {
                row.AddRange(Enumerable.Repeat(string.Empty, width - row.Count));
            }

            return new SourceTable(rows[0], rows.Skip(1).ToArray());
        }
    }
}
