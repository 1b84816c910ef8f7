using CareerBot.Knowledge.Text;

namespace CareerBot.Knowledge.Intents;

/// <summary>
/// Turns text into hashed n-gram counts: word unigrams and bigrams (with sentence-start and
/// sentence-end markers) and character 3- to 5-grams of each word. Words are rewritten by
/// the synonym map first, so "MLE pay" and "machine learning engineer salary" share features.
/// Optionally also the Porter stems of the words as unigrams and bigrams, so "earns", "earning"
/// and "earned" share a feature beside their own.
/// </summary>
public sealed class FeatureExtractor(SynonymMap synonyms, bool stems = false)
{
    private const ulong WordSalt = 0x9E3779B97F4A7C15UL;
    private const ulong BigramSalt = 0xC2B2AE3D27D4EB4FUL;
    private const ulong CharSalt = 0x165667B19E3779F9UL;
    private const ulong SkipSalt = 0x27D4EB2F165667C5UL;
    private const ulong StemSalt = 0x85EBCA77C2B2AE63UL;
    private const ulong StemBigramSalt = 0x94D049BB133111EBUL;

    public SynonymMap Synonyms { get; } = synonyms;

    /// <summary>Whether stemmed word unigrams and bigrams are extracted beside the surface words.</summary>
    public bool Stems { get; } = stems;

    /// <summary>Adds each feature's hash to <paramref name="counts"/>.</summary>
    public void Extract(string text, Dictionary<ulong, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var words = Synonyms.Apply(Tokenizer.Tokenize(text));
        var previous = Hash(WordSalt, "<s>");
        foreach (var word in words)
        {
            var hash = Hash(WordSalt, word);
            Add(counts, hash);
            Add(counts, Combine(BigramSalt, previous, hash));
            previous = hash;
            AddCharGrams(word, counts);
        }

        Add(counts, Combine(BigramSalt, previous, Hash(WordSalt, "</s>")));

        // Word-pair bigrams skipping one word ("how ... earn") catch phrasings that vary in the middle.
        for (var i = 0; i + 2 < words.Count; i++)
        {
            Add(counts, Combine(SkipSalt, Hash(WordSalt, words[i]), Hash(WordSalt, words[i + 2])));
        }

        if (Stems)
        {
            var previousStem = Hash(StemSalt, "<s>");
            foreach (var word in words)
            {
                var hash = Hash(StemSalt, PorterStemmer.Stem(word));
                Add(counts, hash);
                Add(counts, Combine(StemBigramSalt, previousStem, hash));
                previousStem = hash;
            }

            Add(counts, Combine(StemBigramSalt, previousStem, Hash(StemSalt, "</s>")));
        }
    }

    private static void AddCharGrams(string word, Dictionary<ulong, int> counts)
    {
        Span<char> padded = stackalloc char[Math.Min(word.Length, 40) + 2];
        padded[0] = '^';
        word.AsSpan(0, padded.Length - 2).CopyTo(padded[1..]);
        padded[^1] = '$';
        for (var n = 3; n <= 5; n++)
        {
            for (var start = 0; start + n <= padded.Length; start++)
            {
                Add(counts, Hash(CharSalt + (ulong)n, padded.Slice(start, n)));
            }
        }
    }

    private static void Add(Dictionary<ulong, int> counts, ulong hash) =>
        counts[hash] = counts.TryGetValue(hash, out var c) ? c + 1 : 1;

    private static ulong Hash(ulong salt, ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL ^ salt;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        return hash;
    }

    private static ulong Combine(ulong salt, ulong a, ulong b)
    {
        var hash = salt ^ a;
        hash = (hash ^ (b + 0x9E3779B97F4A7C15UL + (hash << 6) + (hash >> 2))) * 0xFF51AFD7ED558CCDUL;
        return hash ^ (hash >> 33);
    }
}
