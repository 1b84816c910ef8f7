using CareerBot.Knowledge.Search;
using CareerBot.Knowledge.Analysis;

namespace CareerBot.Knowledge.Tests.Search;

public sealed class TermCorrectorTests
{
    private static readonly TermCorrector Corrector = new(
        new Dictionary<string, int> { ["salary"] = 12, ["sale"] = 1, ["python"] = 4, ["engineering"] = 7, ["engineer"] = 20, ["degree"] = 5 },
        ["phd"]);

    [Theory]
    [InlineData("sallary", "salary")]
    [InlineData("salery", "salary")]
    [InlineData("pyhton", "python")]
    [InlineData("enginering", "engineering")]
    [InlineData("degre", "degree")]
    [InlineData("salary", "salary")]
    [InlineData("phd", "phd")]
    [InlineData("cat", "cat")]
    [InlineData("weather", "weather")]
    [InlineData("2024", "2024")]
    [InlineData("engineers", "engineer")]
    [InlineData("salaries", "salaries")]
    [InlineData("pythons", "python")]
    public void Correct_Token_GivesClosestKnownWord(string token, string expected)
    {
        Assert.Equal(expected, Corrector.Correct(token));
    }

    [Theory]
    [InlineData("visa", "visa")] // not "via"
    [InlineData("impossible", "impossible")] // not "possible"
    [InlineData("stuck", "stuck")] // not "stack"
    [InlineData("promotions", "promotion")] // another form of the same word
    [InlineData("sallary", "salary")] // still a typo
    [InlineData("certifcations", "certifications")]
    public void Correct_WithTheEnglishWords_CorrectsAWordOnlyIntoAFormOfItself(string token, string expected)
    {
        var corrector = new TermCorrector(GuideWords, [], WordList.English);

        Assert.Equal(expected, corrector.Correct(token));
    }

    [Theory]
    [InlineData("visa", "via")]
    [InlineData("impossible", "possible")]
    [InlineData("stuck", "stack")]
    public void Correct_WithoutTheEnglishWords_TakesAWordTheGuidesDoNotUseForATypo(string token, string misread)
    {
        // What the English words prevent: one edit from a word the guides use.
        Assert.Equal(misread, new TermCorrector(GuideWords, []).Correct(token));
    }

    private static Dictionary<string, int> GuideWords => new()
    {
        ["via"] = 9, ["possible"] = 9, ["stack"] = 9, ["promotion"] = 9, ["salary"] = 9, ["certifications"] = 9,
    };

    [Fact]
    public void Correct_LargeVocabulary_SameAsComparingEveryWord()
    {
        // The letter-set filter only skips words out of reach: the result must be what a full scan gives.
        var random = new Random(7);
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        while (vocabulary.Count < 3000)
        {
            vocabulary[RandomWord(random, 3 + random.Next(9))] = 1 + random.Next(50);
        }

        var corrector = new TermCorrector(vocabulary, []);
        var words = vocabulary.Keys.ToArray();
        for (var i = 0; i < 2000; i++)
        {
            var token = Edit(words[random.Next(words.Length)], random, 1 + random.Next(3));
            Assert.Equal(FullScan(vocabulary, token), corrector.Correct(token));
        }
    }

    [Theory]
    [InlineData("python", "pyhton", 0)]
    [InlineData("python", "pithon", 2)]
    [InlineData("degree", "degre", 0)]
    [InlineData("python", "pythons", 1)]
    public void LetterSet_OneEdit_ChangesAtMostTwoLetters(string word, string edited, int changed)
    {
        Assert.Equal(changed, System.Numerics.BitOperations.PopCount(TermCorrector.LetterSet(word) ^ TermCorrector.LetterSet(edited)));
    }

    private static string RandomWord(Random random, int length) =>
        new(Enumerable.Range(0, length).Select(_ => (char)('a' + random.Next(26))).ToArray());

    private static string Edit(string word, Random random, int edits)
    {
        var letters = word.ToList();
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(letters.Count);
            switch (random.Next(4))
            {
                case 0:
                    letters[at] = (char)('a' + random.Next(26));
                    break;
                case 1 when letters.Count > 1:
                    letters.RemoveAt(at);
                    break;
                case 2:
                    letters.Insert(at, (char)('a' + random.Next(26)));
                    break;
                default:
                    if (at + 1 < letters.Count)
                    {
                        (letters[at], letters[at + 1]) = (letters[at + 1], letters[at]);
                    }

                    break;
            }
        }

        return new string([.. letters]);
    }

    /// <summary>The corrector's rule applied to every known word, with no filter.</summary>
    private static string FullScan(Dictionary<string, int> vocabulary, string token)
    {
        if (token.Length < 4 || vocabulary.ContainsKey(token))
        {
            return token;
        }

        var stem = KnowledgeAnalyzer.StemOf(token);
        var sameStemOnly = vocabulary.Keys.Any(w => KnowledgeAnalyzer.StemOf(w) == stem);

        var maxDistance = token.Length >= 8 ? 2 : 1;
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestFrequency = 0;
        foreach (var candidate in vocabulary.Keys.OrderBy(w => w.Length).ThenBy(w => w, StringComparer.Ordinal))
        {
            var distance = EditDistance.Bounded(token, candidate, maxDistance);
            if (distance <= maxDistance && (!sameStemOnly || KnowledgeAnalyzer.StemOf(candidate) == stem) && (distance < bestDistance || (distance == bestDistance && vocabulary[candidate] > bestFrequency)))
            {
                best = candidate;
                bestDistance = distance;
                bestFrequency = vocabulary[candidate];
            }
        }

        return best ?? token;
    }
}
