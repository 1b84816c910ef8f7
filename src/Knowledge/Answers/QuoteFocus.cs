using System.Text.RegularExpressions;

namespace CareerBot.Knowledge.Answers;

/// <summary>
/// What the question asks the quoted sentences to carry, beyond its words: a figure ("how much",
/// "how long"), both sides of a comparison ("ML engineer vs data scientist"), or more than the
/// usual few sentences ("tell me more"). Also the year the question is asked in, so that a
/// sentence about a year that has passed gives way to a current one.
/// </summary>
/// <param name="WantsFigure">The question asks for an amount, a duration or a rate.</param>
/// <param name="Sides">The compared things' stems, one set per side; empty unless the question compares.</param>
/// <param name="More">The user asked for more on the same point: quote a longer stretch.</param>
/// <param name="Year">The year the question is asked in.</param>
public sealed partial record QuoteFocus(bool WantsFigure, IReadOnlyList<IReadOnlySet<string>> Sides, bool More, int Year)
{
    /// <summary>The user asked for the answer said shorter: quote one sentence, and of a list only its first items.</summary>
    public bool Short { get; init; }

    /// <summary>
    /// With <see cref="More"/>: the id of the passage the answer before quoted in part, whose quote
    /// carries on after the part that answer took (what this focus without <see cref="More"/> quotes).
    /// </summary>
    public string? ContinuesIn { get; init; }

    /// <summary>
    /// With <see cref="ContinuesIn"/>: "why?" was asked, so the quote takes what stands before the part quoted
    /// first, where a passage gives its reason ("The blog explains the high pay by …" before the pay by level),
    /// and what follows it only when nothing stands before.
    /// </summary>
    public bool Reason { get; init; }

    /// <summary>Plain coverage: no figure, no sides, the usual length.</summary>
    public static QuoteFocus Plain(int year) => new(false, [], false, year);

    /// <summary>
    /// The focus of <paramref name="question"/>; <paramref name="stemsOf"/> is the same analysis
    /// the query had, so the sides' stems are the query's.
    /// </summary>
    public static QuoteFocus Of(string question, Func<string, IReadOnlyList<string>> stemsOf, int year)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(stemsOf);
        return new QuoteFocus(AsksFigure().IsMatch(question), SidesOf(question, stemsOf), false, year);
    }

    /// <summary>
    /// The two sides of "A vs B", "A or B", "A compared to B", "A and B, what is the difference" and "the
    /// difference between A and B", each as the stems the other side lacks; empty when the question
    /// compares nothing or a side has no word of its own.
    /// </summary>
    private static IReadOnlyList<IReadOnlySet<string>> SidesOf(string question, Func<string, IReadOnlyList<string>> stemsOf)
    {
        string left, right;
        if (Between().Match(question) is { Success: true } between)
        {
            (left, right) = (between.Groups["a"].Value, between.Groups["b"].Value);
        }
        else if (question.Contains("differen", StringComparison.OrdinalIgnoreCase) && PairThenDifference().Match(question) is { Success: true } pair)
        {
            (left, right) = (pair.Groups["a"].Value, pair.Groups["b"].Value);
        }
        else if (Versus().Match(question) is { Success: true } versus)
        {
            (left, right) = (question[..versus.Index], question[(versus.Index + versus.Length)..]);
        }
        else
        {
            return [];
        }

        var a = stemsOf(left).ToHashSet(StringComparer.Ordinal);
        var b = stemsOf(right).ToHashSet(StringComparer.Ordinal);
        var shared = a.Intersect(b, StringComparer.Ordinal).ToArray();
        a.ExceptWith(shared);
        b.ExceptWith(shared);
        return a.Count > 0 && b.Count > 0 ? [a, b] : [];
    }

    /// <summary>The earliest four-digit year <paramref name="sentence"/> names; <see cref="int.MaxValue"/> when it names none.</summary>
    public static int EarliestYearIn(ReadOnlySpan<char> sentence)
    {
        var earliest = int.MaxValue;
        if (sentence.IndexOfAnyInRange('0', '9') < 0)
        {
            return earliest;
        }

        foreach (var match in YearPattern().EnumerateMatches(sentence))
        {
            earliest = Math.Min(earliest, int.Parse(sentence.Slice(match.Index, match.Length), System.Globalization.CultureInfo.InvariantCulture));
        }

        return earliest;
    }

    /// <summary>True when <paramref name="sentence"/> holds a figure: a digit, a currency sign or a percentage.</summary>
    public static bool HasFigure(ReadOnlySpan<char> sentence) => sentence.IndexOfAny(FigureChars) >= 0;

    private static readonly System.Buffers.SearchValues<char> FigureChars = System.Buffers.SearchValues.Create("0123456789$%€£");

    /// <summary>True when <paramref name="question"/> asks for a figure ("how much", "salary range", "that figure").</summary>
    public static bool AsksForFigure(string question) => AsksFigure().IsMatch(question);

    /// <summary>True when <paramref name="question"/> asks about pay ("which pays better", "salary", "earn").</summary>
    public static bool AsksAboutPay(string question) => AsksPay().IsMatch(question);

    /// <summary>Words that ask about pay: a question with them asks for a figure, and a comparison with them compares pay.</summary>
    private const string PayWords = @"salar(y|ies)|pay(s|ing)?|paid|earn\w*|income|wages?|compensation|comp";

    [GeneratedRegex(@"\b(how\s+(much|many|long|fast|big|old)|" + PayWords + @"|percent(age)?|growth\s+rate|figures?|numbers?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AsksFigure();

    [GeneratedRegex(@"\b(" + PayWords + @"|makes? more|money)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AsksPay();

    [GeneratedRegex(@"\bdiffer\w*\s+between\s+(?<a>.+?)\s+(and|&)\s+(?<b>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Between();

    /// <summary>
    /// "A and B, what is the difference" as a learner of English asks it ("ml engineer and data scientist what is
    /// difference in simple words"): only the data scientist's sentence was quoted from a passage that has both.
    /// Each side is at most 60 characters: unbounded, a message of many "and"s with "difference" before them made
    /// the expression try every pair of starts and ends.
    /// </summary>
    [GeneratedRegex(@"(?<a>[^,.;:!?]{1,60}?)\s+(and|&)\s+(?<b>[^,.;:!?]{1,60}?)[,\s]+(what(?:'s|\u2019s|s|\s+is|\s+are)\s+(the\s+)?|(the\s+)?)differen\w*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PairThenDifference();

    [GeneratedRegex(@"\s(vs\.?|versus|v\.|or|compared\s+(to|with))\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Versus();

    [GeneratedRegex(@"(?<![\d$€£.,])(19[5-9]\d|20\d\d)(?![\d%]|,\d|\s*(hours|people|employees|users|words))", RegexOptions.CultureInvariant)]
    private static partial Regex YearPattern();
}
