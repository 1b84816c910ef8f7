using System.Text;
using Markdig.Syntax.Inlines;

namespace CareerBot.Knowledge.Guides;

/// <summary>
/// The plain text of Markdown inlines, as guides and imported pages are read: literal text,
/// code, entities decoded, an autolink's address, line breaks as spaces; images and raw HTML
/// left out; emphasis and links reduced to their text.
/// </summary>
internal static class MarkdownInlineText
{
    public static void Append(Inline inline, StringBuilder builder)
    {
        switch (inline)
        {
            case LiteralInline literal:
                builder.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                builder.Append(code.Content);
                break;
            case LineBreakInline:
                builder.Append(' ');
                break;
            case HtmlEntityInline entity:
                builder.Append(entity.Transcoded.ToString());
                break;
            case AutolinkInline autolink:
                builder.Append(autolink.Url);
                break;
            case LinkInline { IsImage: true }:
            case HtmlInline:
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(child, builder);
                }

                break;
        }
    }
}
