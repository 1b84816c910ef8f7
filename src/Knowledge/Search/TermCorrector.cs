using CareerBot.Knowledge.Text;

namespace CareerBot.Knowledge.Search;

/// <summary>
/// Typo tolerance: a word of four or more letters that neither the index vocabulary nor the
/// synonyms know is replaced by the known word within edit distance 1 (2 from eight letters
/// on) that most passages use. Known words, numbers and short words pass unchanged.
/// </summary>
public sealed class TermCorrector : ITermCorrector
{
    private readonly Dictionary<string, int> _known;
    private readonly Dictionary<int, List<string>> _byLength = [];

    public TermCorrector(IReadOnlyDictionary<string, int> vocabulary, IEnumerable<string> extraWords)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        _known = new Dictionary<string, int>(vocabulary, StringComparer.Ordinal);
        foreach (var word in extraWords)
        {
            _known.TryAdd(word, 1);
        }

        foreach (var word in _known.Keys.Order(StringComparer.Ordinal))
        {
            if (!_byLength.TryGetValue(word.Length, out var list))
            {
                list = [];
                _byLength[word.Length] = list;
            }

            list.Add(word);
        }
    }

    public string Correct(string token)
    {
        if (token.Length < 4 || _known.ContainsKey(token) || !token.All(char.IsAsciiLetterLower))
        {
            return token;
        }

        var maxDistance = token.Length >= 8 ? 2 : 1;
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestFrequency = 0;
        for (var length = token.Length - maxDistance; length <= token.Length + maxDistance; length++)
        {
            if (!_byLength.TryGetValue(length, out var candidates))
            {
                continue;
            }

            foreach (var candidate in candidates)
            {
                var distance = EditDistance.Bounded(token, candidate, maxDistance);
                if (distance > maxDistance)
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
}
