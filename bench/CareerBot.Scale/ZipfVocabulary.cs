using System.Text;
using CareerBot.Knowledge.Analysis;
using CareerBot.Knowledge.Text;

namespace CareerBot.Scale;

/// <summary>
/// Words drawn as in natural text: the unit of rank r comes up with probability proportional
/// to 1 / r^s (Zipf). The top ranks are the committed guides' units in their own frequency
/// order; below them come generated pseudo-words ("travonel", "clesta"), never a real word
/// or a stop word. The number of ranks follows Heaps' law for the text
/// to be generated, V = K * T^beta over T tokens, so a larger knowledge base has a larger
/// vocabulary, as a real one would.
/// </summary>
internal sealed class ZipfVocabulary
{
    /// <summary>Heaps' law constants typical of English prose (K 10-100, beta 0.4-0.6).</summary>
    public const double HeapsK = 44;

    public const double HeapsBeta = 0.49;

    public const double Exponent = 1.0;

    private static readonly string[] Onsets = ["b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br", "cl", "cr", "dr", "fl", "gr", "pl", "pr", "sc", "sl", "sp", "st", "tr", "th", "ch", "sh"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ea", "ou", "io", "y"];
    private static readonly string[] Codas = ["", "", "", "n", "r", "s", "t", "l", "m", "nd", "st", "rk", "nt", "x"];

    private readonly string[] _units;
    private readonly double[] _cumulative;

    private ZipfVocabulary(string[] units, int realCount)
    {
        _units = units;
        RealCount = realCount;
        _cumulative = new double[units.Length];
        var sum = 0.0;
        for (var r = 0; r < units.Length; r++)
        {
            sum += 1.0 / Math.Pow(r + 1, Exponent);
            _cumulative[r] = sum;
        }
    }

    public int Count => _units.Length;

    /// <summary>How many of the ranks are the guides' own units.</summary>
    public int RealCount { get; }

    /// <summary>The vocabulary size Heaps' law gives for a text of <paramref name="tokens"/> tokens.</summary>
    public static int HeapsSize(long tokens) => (int)Math.Ceiling(HeapsK * Math.Pow(tokens, HeapsBeta));

    public static ZipfVocabulary Build(IReadOnlyList<string> realUnits, int size, int seed)
    {
        ArgumentNullException.ThrowIfNull(realUnits);
        var units = new List<string>(Math.Max(size, realUnits.Count));
        units.AddRange(realUnits);
        var taken = new HashSet<string>(realUnits, StringComparer.Ordinal);
        var random = new Random(seed);
        var word = new StringBuilder();
        while (units.Count < size)
        {
            word.Clear();
            var syllables = random.Next(100) switch { < 20 => 1, < 65 => 2, < 92 => 3, _ => 4 };
            for (var s = 0; s < syllables; s++)
            {
                word.Append(Onsets[random.Next(Onsets.Length)]).Append(Vowels[random.Next(Vowels.Length)]);
                if (s == syllables - 1 || random.Next(3) == 0)
                {
                    word.Append(Codas[random.Next(Codas.Length)]);
                }
            }

            var candidate = word.ToString();
            if (candidate.Length >= 3 && !KnowledgeAnalyzer.StopWords.Contains(candidate) && taken.Add(candidate))
            {
                units.Add(candidate);
            }
        }

        return new ZipfVocabulary([.. units], realUnits.Count);
    }

    /// <summary>A unit drawn by its Zipf probability.</summary>
    public string Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var target = random.NextDouble() * _cumulative[^1];
        var rank = Array.BinarySearch(_cumulative, target);
        if (rank < 0)
        {
            rank = ~rank;
        }

        return _units[Math.Min(rank, _units.Length - 1)];
    }
}
