using CareerBot.Knowledge.Analysis;
using CareerBot.Knowledge.Guides;

namespace CareerBot.Scale;

/// <summary>
/// Questions from the same distribution as the passages: most take two to four content words
/// of one passage (its heading or its text) into a question frame, so that something answers
/// them; the rest are Zipf-drawn words, which may match nothing well. One in twenty has a
/// typo (two letters swapped), as real questions do.
/// </summary>
internal static class QuestionGenerator
{
    private const double AnchoredShare = 0.8;
    private const double TypoShare = 0.05;

    private static readonly string[] Frames =
    [
        "What about {0}?", "How do I {0}?", "Do I need {0}?", "Is {0} worth it?", "{0}?", "What is {0}?",
        "Which {0} matter most?", "How much {0}?", "Tell me about {0}", "Where do {0} start?",
    ];

    public static List<string> Generate(IReadOnlyList<Passage> passages, ZipfVocabulary vocabulary, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var random = new Random(seed);
        var questions = new List<string>(count);
        while (questions.Count < count)
        {
            var wanted = 2 + random.Next(3);
            List<string> words;
            if (random.NextDouble() < AnchoredShare)
            {
                var passage = passages[random.Next(passages.Count)];
                var source = random.Next(2) == 0 ? passage.Heading : passage.Text;
                var content = KnowledgeAnalyzer.WordsOf(source).Where(t => !KnowledgeAnalyzer.StopWords.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
                if (content.Count == 0)
                {
                    continue;
                }

                // A random subset, kept in the passage's order.
                words = content.Select((word, i) => (word, key: random.Next()))
                    .OrderBy(p => p.key).Take(wanted)
                    .Select(p => p.word).ToList();
                words.Sort((a, b) => content.IndexOf(a).CompareTo(content.IndexOf(b)));
            }
            else
            {
                words = [];
                while (words.Count < wanted)
                {
                    var word = vocabulary.Sample(random);
                    if (!KnowledgeAnalyzer.StopWords.Contains(word))
                    {
                        words.Add(word);
                    }
                }
            }

            if (random.NextDouble() < TypoShare)
            {
                Typo(words, random);
            }

            questions.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, Frames[random.Next(Frames.Length)], string.Join(' ', words)));
        }

        return questions;
    }

    /// <summary>Swaps two neighbouring letters inside one word of five letters or more.</summary>
    internal static void Typo(List<string> words, Random random)
    {
        var candidates = Enumerable.Range(0, words.Count).Where(i => words[i].Length >= 5 && words[i].All(char.IsAsciiLetterLower)).ToArray();
        if (candidates.Length == 0)
        {
            return;
        }

        var index = candidates[random.Next(candidates.Length)];
        var letters = words[index].ToCharArray();
        var at = 1 + random.Next(letters.Length - 2);
        (letters[at], letters[at + 1]) = (letters[at + 1], letters[at]);
        words[index] = new string(letters);
    }
}
