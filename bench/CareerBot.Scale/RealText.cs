using CareerBot.Knowledge.Analysis;
using CareerBot.Knowledge.Guides;
using CareerBot.Knowledge.Intents;
using CareerBot.Knowledge.Text;

namespace CareerBot.Scale;

/// <summary>
/// What the committed guides say about how their text looks: the word units they use and how
/// often (a canonical multi-word synonym such as "machine learning engineer" counts as one
/// unit, as the analyser reads it), the units of each topic's passages, and each passage's
/// shape (heading length, lines, sentence lengths, list items, FAQ or not, topics).
/// </summary>
internal sealed class RealText
{
    private RealText(IReadOnlyList<(string Unit, int Count)> units, IReadOnlyDictionary<Topic, string[]> topicUnits, IReadOnlyList<PassageShape> shapes)
    {
        Units = units;
        TopicUnits = topicUnits;
        Shapes = shapes;
    }

    /// <summary>Distinct units, most frequent first (ties in ordinal order).</summary>
    public IReadOnlyList<(string Unit, int Count)> Units { get; }

    /// <summary>Per topic, every non-stop unit occurrence in its passages (drawing one uniformly follows their frequency).</summary>
    public IReadOnlyDictionary<Topic, string[]> TopicUnits { get; }

    public IReadOnlyList<PassageShape> Shapes { get; }

    public static RealText From(IReadOnlyList<Passage> passages, KnowledgeAnalyzer analyzer, IEnumerable<string> canonicalPhrases)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var phrases = canonicalPhrases
            .Select(p => KnowledgeAnalyzer.WordsOf(p).ToArray())
            .Where(t => t.Length > 1)
            .OrderByDescending(t => t.Length)
            .ToArray();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var topicUnits = new Dictionary<Topic, List<string>>();
        var shapes = new List<PassageShape>(passages.Count);
        foreach (var passage in passages)
        {
            var units = UnitsOf(passage.Heading + "\n" + passage.Text, analyzer, phrases);
            foreach (var unit in units)
            {
                counts[unit] = counts.GetValueOrDefault(unit) + 1;
                if (KnowledgeAnalyzer.StopWords.Contains(unit))
                {
                    continue;
                }

                foreach (var topic in passage.Topics)
                {
                    if (!topicUnits.TryGetValue(topic, out var list))
                    {
                        list = [];
                        topicUnits[topic] = list;
                    }

                    list.Add(unit);
                }
            }

            shapes.Add(ShapeOf(passage));
        }

        var ranked = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)).ToArray();
        return new RealText(ranked, topicUnits.ToDictionary(p => p.Key, p => p.Value.ToArray()), shapes);
    }

    /// <summary>Tokens after synonym rewriting, with each canonical multi-word term joined into one unit.</summary>
    internal static List<string> UnitsOf(string text, KnowledgeAnalyzer analyzer, IReadOnlyList<string[]> phrases)
    {
        var tokens = analyzer.IntentWords(text);
        var units = new List<string>(tokens.Count);
        var i = 0;
        while (i < tokens.Count)
        {
            var phrase = phrases.FirstOrDefault(p => Matches(tokens, i, p));
            if (phrase is not null)
            {
                units.Add(string.Join(' ', phrase));
                i += phrase.Length;
            }
            else
            {
                units.Add(tokens[i]);
                i++;
            }
        }

        return units;
    }

    private static bool Matches(IReadOnlyList<string> tokens, int start, string[] phrase)
    {
        if (start + phrase.Length > tokens.Count)
        {
            return false;
        }

        for (var j = 0; j < phrase.Length; j++)
        {
            if (!string.Equals(tokens[start + j], phrase[j], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static PassageShape ShapeOf(Passage passage)
    {
        var lines = new List<LineShape>();
        foreach (var line in passage.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                lines.Add(new LineShape(IsListItem: true, [Math.Max(1, KnowledgeAnalyzer.WordsOf(line).Count)], EndsWithColon: false));
                continue;
            }

            var sentences = SentenceSplitter.Split(line)
                .Select(u => Math.Max(1, KnowledgeAnalyzer.WordsOf(u.Of(line)).Count))
                .ToArray();
            lines.Add(new LineShape(IsListItem: false, sentences.Length > 0 ? sentences : [1], line.TrimEnd().EndsWith(':')));
        }

        var headingWords = KnowledgeAnalyzer.WordsOf(passage.Heading);
        var questionStart = passage.IsQuestion && passage.Heading.Split(' ', 2) is [var first, ..] ? first : null;
        var nested = passage.SectionPath.Contains(" > ", StringComparison.Ordinal);
        return new PassageShape(Math.Max(1, headingWords.Count), passage.IsQuestion, questionStart, nested, passage.Topics, lines);
    }
}
