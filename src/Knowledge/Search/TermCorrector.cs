using System.Numerics;
using CareerBot.Knowledge.Analysis;

namespace CareerBot.Knowledge.Search;

/// <summary>
/// Typo tolerance: a word of four or more letters that neither the index's term dictionary
/// (the plain words of the passages, with how many passages use each) nor the synonyms know is replaced by the known word within edit distance 1 (2 from eight letters
/// on) that most passages use. Known words, numbers and short words pass unchanged; a correctly
/// spelled English word (<see cref="WordList.English"/>, when given) is corrected only into another
/// form of itself ("promotions" to "promotion"; "visa" is not "via", "impossible" is not "possible", "stuck" is
/// not "stack"); another
/// form of a known word (same stem: "trending" beside "trends") is no typo and is only ever
/// corrected into a form of that word ("enginering" to "engineering", never "trending" to "reading").
/// Each known word's letter set is kept beside it: one edit changes a set by at most two
/// letters, so a word whose set differs from the token's by more is passed over without
/// computing the distance. The answer is the same; on a large vocabulary the distance is
/// computed for a few words instead of every word of about the token's length.
/// </summary>
public sealed class TermCorrector : ITermCorrector
{
    private readonly Dictionary<string, int> _known;
    private readonly Dictionary<int, (string[] Words, uint[] Letters)> _byLength = [];
    private readonly HashSet<string> _knownStems;
    private readonly WordList _spelledRight;

    /// <param name="vocabulary">The words to correct into, with how many passages use each.</param>
    /// <param name="extraWords">More words that are no typos and may be corrected into (the synonyms' words).</param>
    /// <param name="spelledRight">Words that are no typos but are never corrected into (<see cref="WordList.English"/>); none when null.</param>
    public TermCorrector(IReadOnlyDictionary<string, int> vocabulary, IEnumerable<string> extraWords, WordList? spelledRight = null)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        _spelledRight = spelledRight ?? WordList.Empty;
        _known = new Dictionary<string, int>(vocabulary, StringComparer.Ordinal);
        foreach (var word in extraWords)
        {
            _known.TryAdd(word, 1);
        }

        _knownStems = _known.Keys.Select(KnowledgeAnalyzer.StemOf).ToHashSet(StringComparer.Ordinal);
        foreach (var group in _known.Keys.Order(StringComparer.Ordinal).GroupBy(w => w.Length))
        {
            var words = group.ToArray();
            _byLength[group.Key] = (words, words.Select(LetterSet).ToArray());
        }
    }

    public string Correct(string word)
    {
        var token = word;
        if (token.Length < 4 || _known.ContainsKey(token) || !token.All(char.IsAsciiLetterLower))
        {
            return token;
        }

        // Another form of a known word ("trending" beside "trends") is corrected only into a form of that word,
        // and so is a correctly spelled English word ("promotions" into "promotion", never "visa" into "via").
        var stem = KnowledgeAnalyzer.StemOf(token);
        var sameStemOnly = _knownStems.Contains(stem) || _spelledRight.Contains(token);

        var maxDistance = token.Length >= 8 ? 2 : 1;
        var letters = LetterSet(token);
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestFrequency = 0;
        for (var length = token.Length - maxDistance; length <= token.Length + maxDistance; length++)
        {
            if (!_byLength.TryGetValue(length, out var candidates))
            {
                continue;
            }

            for (var i = 0; i < candidates.Words.Length; i++)
            {
                if (BitOperations.PopCount(candidates.Letters[i] ^ letters) > 2 * maxDistance)
                {
                    continue; // too many letters differ for the distance to be within reach
                }

                var candidate = candidates.Words[i];
                var distance = EditDistance.Bounded(token, candidate, maxDistance);
                if (distance > maxDistance || (sameStemOnly && KnowledgeAnalyzer.StemOf(candidate) != stem))
                {
                    continue;
                }

                var frequency = _known[candidate];
                if (distance < bestDistance || (distance == bestDistance && frequency > bestFrequency))
                {
                    best = candidate;
                    bestDistance = distance;
                    bestFrequency = frequency;
                }
            }
        }

        return best ?? token;
    }

    /// <summary>
    /// The characters a word uses, one bit each (a-z their own bits, anything else folded
    /// into the other six). A substitution changes at most two bits, an insertion or deletion
    /// one, a swap none; so two words within distance d differ in at most 2d bits.
    /// </summary>
    internal static uint LetterSet(string word)
    {
        var set = 0u;
        foreach (var c in word)
        {
            set |= 1u << (c is >= 'a' and <= 'z' ? c - 'a' : 26 + (c % 6));
        }

        return set;
    }
}
