using System.Text;

namespace CareerBot.Knowledge.Import;

/// <summary>What the readers and the outliner agree on about text and headings.</summary>
internal static class ImportText
{
    private static readonly string[] FaqHeadings =
        ["frequently asked questions", "frequently asked question", "faq", "faqs", "faq's", "common questions", "questions and answers", "q&a"];

    private static readonly string[] BoilerplateHeadings =
    [
        "related articles", "related posts", "related reading", "related guides", "related content", "related stories", "related",
        "you may also like", "you might also like", "you may also be interested in", "recommended for you", "recommended reading",
        "more articles", "more from", "read more", "read next", "keep reading", "further reading", "popular posts", "trending",
        "share this", "share this article", "share this post", "subscribe", "sign up", "join our newsletter", "newsletter",
    ];

    private static readonly string[] QuestionWords =
        ["how", "what", "why", "when", "where", "who", "which", "is", "are", "do", "does", "did", "can", "could", "should", "will", "would", "must", "may"];

    /// <summary>Runs of whitespace (non-breaking spaces too) become one space; soft hyphens and zero-width characters go.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\uFEFF')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>A heading such as "Frequently asked questions", "FAQ" or "FAQs about salaries".</summary>
    public static bool IsFaq(string heading)
    {
        var text = Plain(heading);
        return FaqHeadings.Any(f => text == f || text.StartsWith(f + " ", StringComparison.Ordinal));
    }

    /// <summary>A heading over boilerplate links: "Related articles", "You may also like", "Share this".</summary>
    public static bool IsBoilerplate(string heading)
    {
        var text = Plain(heading);
        return BoilerplateHeadings.Any(b => text == b || text.StartsWith(b + " ", StringComparison.Ordinal));
    }

    public static bool IsQuestion(string heading) => heading.EndsWith('?');

    /// <summary>An FAQ heading as a question: "How long does it take" gets its '?'; anything else is kept as written.</summary>
    public static string AsQuestion(string heading)
    {
        if (IsQuestion(heading))
        {
            return heading;
        }

        var first = heading.Split(' ', 2)[0].ToLowerInvariant();
        return QuestionWords.Contains(first) ? heading.TrimEnd('.', ':', ' ') + "?" : heading;
    }

    /// <summary>A heading kept inside the text as a line that leads into what follows, as the guide loader does.</summary>
    public static string LeadIn(string heading) =>
        heading.EndsWith(':') || heading.EndsWith('?') || heading.EndsWith('.') || heading.EndsWith('!') ? heading : heading + ":";

    private static string Plain(string heading) => heading.Trim().TrimEnd(':', '.', '!').Trim().ToLowerInvariant();
}
