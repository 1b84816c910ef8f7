using System.Text.RegularExpressions;

namespace CareerBot.Knowledge.Answers;

/// <summary>
/// A message with no words to search with: "??", "🤔", "...", "huh?", "👍", ":)". After an answer such
/// a message was read as a follow-up made only of the previous answer's words, and the bot quoted
/// that answer again ("👍" after the salary answer repeated the salary figures) or its neighbour
/// ("??" after the outlook quote). A sign of approval is thanks; anything else asks what was meant.
/// </summary>
internal static partial class Wordless
{
    /// <summary>Whether <paramref name="text"/> has no letter or digit, or is only a puzzled sound ("huh?", "hmm").</summary>
    public static bool Is(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return PuzzledSound().IsMatch(text);
            }
        }

        return true;
    }

    /// <summary>
    /// <paramref name="text"/> without its pictographs (emoji, their joiners and variation selectors, and
    /// other symbols outside ASCII) when it has words beside them, a comma standing for those between two
    /// words ("intern here 👋 do i need a masters …" does not become "intern here do i need", which reads as
    /// asking about this company); otherwise <paramref name="text"/> itself,
    /// for <see cref="Approves"/> to read. The intent model reads characters as well as words, and the
    /// symbols swung it: "how much $$ do they make fr 💰💰" was read as a question on challenges (0.62) and
    /// quoted the passage on automation, where without them it reads as one on pay (0.98).
    /// </summary>
    public static string WithoutPictographs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAnyExceptInRange('\0', '\x7f') < 0 || Is(text))
        {
            return text; // ASCII only, as most messages are, or nothing but symbols
        }

        var kept = new System.Text.StringBuilder(text.Length);
        var broken = false; // pictographs after words, before the next word: they stand where a comma would
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsPictograph(rune))
            {
                broken |= kept.Length > 0;
                continue;
            }

            if (broken)
            {
                if (System.Text.Rune.IsWhiteSpace(rune))
                {
                    continue;
                }

                while (kept.Length > 0 && kept[^1] == ' ')
                {
                    kept.Length--;
                }

                if (kept.Length > 0)
                {
                    kept.Append(char.IsLetterOrDigit(kept[^1]) ? ", " : " ");
                }
                broken = false;
            }

            kept.Append(rune.ToString());
        }

        return kept.ToString().Trim();
    }

    private static bool IsPictograph(System.Text.Rune rune) =>
        rune.Value > 0x7f
        && (System.Text.Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.OtherSymbol or System.Globalization.UnicodeCategory.ModifierSymbol
            || rune.Value is 0x200D or 0xFE0E or 0xFE0F);

    /// <summary>Whether a wordless <paramref name="text"/> approves: a thumbs up, a smile, a heart, and no question mark or frown beside it.</summary>
    public static bool Approves(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains('?', StringComparison.Ordinal) || PuzzledSound().IsMatch(text))
        {
            return false;
        }

        var approves = Smiley().IsMatch(text);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Puzzled.Contains(rune.Value))
            {
                return false;
            }

            approves |= Approving.Contains(rune.Value);
        }

        return approves;
    }

    /// <summary>👍 👌 🙏 👏 💯 ✅ ❤ ♥ 💙 🙌 and the smiling and laughing faces.</summary>
    private static readonly HashSet<int> Approving =
    [
        0x1F44D, 0x1F44C, 0x1F64F, 0x1F44F, 0x1F4AF, 0x2705, 0x2764, 0x2665, 0x1F499, 0x1F49A, 0x1F49C, 0x1F64C,
        0x263A, 0x1F600, 0x1F601, 0x1F602, 0x1F603, 0x1F604, 0x1F605, 0x1F606, 0x1F609, 0x1F60A, 0x1F60D, 0x1F642, 0x1F917, 0x1F929, 0x1F973,
    ];

    /// <summary>🤔 😕 🙁 ☹ 😞 😟 😐 🤨 😬 😩 🫤 ❓ ❔ 👎: doubt or a frown, whatever else is beside it.</summary>
    private static readonly HashSet<int> Puzzled =
    [
        0x1F914, 0x1F615, 0x1F641, 0x2639, 0x1F61E, 0x1F61F, 0x1F610, 0x1F928, 0x1F62C, 0x1F629, 0x1FAE4, 0x2753, 0x2754, 0x1F44E,
    ];

    [GeneratedRegex(@"^\W*(?:huh|h+m+|u+h+m*|u+m+|e+h+)\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PuzzledSound();

    [GeneratedRegex(@"(?:^|\s)(?::-?\)|:-?D|;-?\)|<3|\(:)(?:\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Smiley();
}
