using System.Net;
using System.Text.RegularExpressions;

namespace CareerBot.Knowledge.Guides;

/// <summary>
/// Finds what a guide repeats word for word from its sources: every run of <see cref="RunLength"/>
/// or more consecutive words it shares with one. Words are compared as CI's own-words check compares
/// them: lower-cased, curly apostrophes read as straight ones, a word being a stretch of letters a-z,
/// digits and <c>$ % + # . ' -</c> (anything else separates words). HTML sources are read as their
/// text (tags dropped, entities decoded).
/// </summary>
public static partial class CopiedText
{
    public const int RunLength = 9;

    /// <summary>The extensions a source page may have.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".html", ".htm", ".md", ".txt"];

    public static SourceText ReadSource(string path)
    {
        var text = File.ReadAllText(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return new SourceText(Path.GetFileName(path), extension is ".html" or ".htm" ? HtmlToText(text) : text);
    }

    public static IReadOnlyList<CopiedRun> Find(string guideText, IReadOnlyList<SourceText> sources, int runLength = RunLength)
    {
        ArgumentNullException.ThrowIfNull(guideText);
        ArgumentNullException.ThrowIfNull(sources);
        var shingles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var words = Words(source.Text);
            for (var i = 0; i + runLength <= words.Count; i++)
            {
                shingles.TryAdd(Shingle(words, i, runLength), source.Name);
            }
        }

        var runs = new List<CopiedRun>();
        if (shingles.Count == 0)
        {
            return runs;
        }

        var guide = Words(guideText);
        var at = 0;
        while (at + runLength <= guide.Count)
        {
            if (!shingles.TryGetValue(Shingle(guide, at, runLength), out var name))
            {
                at++;
                continue;
            }

            var end = at + runLength;
            while (end < guide.Count && shingles.ContainsKey(Shingle(guide, end - runLength + 1, runLength)))
            {
                end++;
            }

            runs.Add(new CopiedRun(guide[at].Line, end - at, name, string.Join(' ', guide.Skip(at).Take(end - at).Select(w => w.Text))));
            at = end;
        }

        return runs;
    }

    /// <summary>The words of <paramref name="text"/> as compared, each with its 1-based line.</summary>
    public static IReadOnlyList<(string Text, int Line)> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<(string, int)>();
        var line = 1;
        var start = -1;
        var buffer = new char[text.Length];
        var length = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? char.ToLowerInvariant(text[i]) : '\n';
            if (c == '\u2019')
            {
                c = '\'';
            }

            if (IsWordChar(c))
            {
                if (start < 0)
                {
                    start = line;
                    length = 0;
                }

                buffer[length++] = c;
                continue;
            }

            if (start >= 0)
            {
                words.Add((new string(buffer, 0, length), start));
                start = -1;
            }

            if (c == '\n')
            {
                line++;
            }
        }

        return words;
    }

    private static bool IsWordChar(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '$' or '%' or '+' or '#' or '.' or '\'' or '-';

    private static string Shingle(IReadOnlyList<(string Text, int Line)> words, int start, int count)
    {
        var parts = new string[count];
        for (var i = 0; i < count; i++)
        {
            parts[i] = words[start + i].Text;
        }

        return string.Join(' ', parts);
    }

    private static string HtmlToText(string html)
    {
        var withoutCode = ScriptOrStyle().Replace(html, " ");
        return WebUtility.HtmlDecode(Tag().Replace(withoutCode, " "));
    }

    [GeneratedRegex(@"<(script|style)\b.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex Tag();
}
