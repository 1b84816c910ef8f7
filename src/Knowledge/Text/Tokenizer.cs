using System.Globalization;
using System.Text;

namespace CareerBot.Knowledge.Text;

/// <summary>
/// Splits text into lower-case word tokens: runs of letters and digits. Keeps the
/// programming-language suffixes of "c++" and "c#", drops a possessive "'s", joins digit
/// groups ("165,000" becomes "165000") and folds diacritics away.
/// </summary>
public static class Tokenizer
{
    /// <summary>Longest text the analysers read; the rest is ignored, so hostile input stays cheap.</summary>
    public const int MaxInputLength = 4096;

    /// <summary>Longer runs of letters are no words (hashes, base64, keyboard mashing) and are dropped.</summary>
    public const int MaxTokenLength = 40;

    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        Tokenize(text, tokens);
        return tokens;
    }

    public static void Tokenize(string text, List<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var span = text.AsSpan(0, Math.Min(text.Length, MaxInputLength));
        var current = new StringBuilder(16);
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (char.IsLetterOrDigit(c))
            {
                AppendFolded(current, c);
                continue;
            }

            if (current.Length > 0)
            {
                // "165,000" and "3.5" stay one token.
                if ((c == ',' || c == '.') && char.IsDigit(current[^1]) && i + 1 < span.Length && char.IsDigit(span[i + 1]))
                {
                    if (c == '.')
                    {
                        current.Append('.');
                    }

                    continue;
                }

                // "c++", "c#", "f#": a short name directly followed by its suffix.
                if ((c == '+' || c == '#') && current.Length <= 2 && char.IsLetter(current[0]))
                {
                    current.Append(c);
                    if (c == '+' && i + 1 < span.Length && span[i + 1] == '+')
                    {
                        current.Append('+');
                        i++;
                    }

                    Flush(current, tokens);
                    continue;
                }

                // Possessive or contraction: "master's" -> "master", "don't" -> "don" + "t" is avoided.
                if ((c == '\'' || c == '\u2019') && i + 1 < span.Length && char.IsLetter(span[i + 1]))
                {
                    var next = char.ToLowerInvariant(span[i + 1]);
                    var endsWord = i + 2 >= span.Length || !char.IsLetterOrDigit(span[i + 2]);
                    if (next == 's' && endsWord)
                    {
                        i++;
                        Flush(current, tokens);
                        continue;
                    }

                    if (next == 't' && endsWord)
                    {
                        // "don't" -> "dont", "isn't" -> "isnt": one token, like the stop list expects.
                        current.Append('t');
                        i++;
                        Flush(current, tokens);
                        continue;
                    }
                }

                Flush(current, tokens);
            }
        }

        Flush(current, tokens);
    }

    private static void AppendFolded(StringBuilder builder, char c)
    {
        if (c < 128)
        {
            builder.Append(char.ToLowerInvariant(c));
            return;
        }

        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        foreach (var d in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(d));
            }
        }
    }

    private static void Flush(StringBuilder current, List<string> tokens)
    {
        if (current.Length > 0)
        {
            if (current.Length <= MaxTokenLength)
            {
                tokens.Add(current.ToString());
            }

            current.Clear();
        }
    }
}
