using System.Text;

namespace CareerBot.Knowledge.Analysis;

/// <summary>
/// A sorted list of lower-case ASCII words, looked up by binary search. <see cref="English"/> is the
/// list of correctly spelled English words the typo correction leaves alone (<c>english-words.txt</c>,
/// made by <c>scripts/english-words.sh</c>, embedded in this assembly): a visitor's "visa" is a word
/// the guides happen not to use, not a misspelling of "via". The 64,604 words are kept as one byte
/// array and their offsets (about 0.8 MB), not as 64,604 strings; the list is read once per process,
/// on first use. Immutable; safe to share.
/// </summary>
public sealed class WordList
{
    private const string EnglishResource = "CareerBot.Knowledge.Analysis.english-words.txt";

    private static readonly Lazy<WordList> LazyEnglish = new(ReadEnglish);

    private readonly byte[] _letters;
    private readonly int[] _starts;

    private WordList(byte[] letters, int[] starts)
    {
        _letters = letters;
        _starts = starts;
    }

    /// <summary>The correctly spelled English words (four letters or more) the typo correction never changes.</summary>
    public static WordList English => LazyEnglish.Value;

    /// <summary>A list with no words.</summary>
    public static WordList Empty { get; } = new([], [0]);

    /// <summary>How many words the list holds.</summary>
    public int Count => _starts.Length - 1;

    /// <summary>Whether <paramref name="word"/> is in the list, exactly (the list is lower-case).</summary>
    public bool Contains(ReadOnlySpan<char> word)
    {
        var low = 0;
        var high = Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = Compare(word, _letters.AsSpan(_starts[middle], _starts[middle + 1] - _starts[middle]));
            if (order == 0)
            {
                return true;
            }

            if (order < 0)
            {
                high = middle - 1;
            }
            else
            {
                low = middle + 1;
            }
        }

        return false;
    }

    /// <summary>
    /// Reads a list: one word per line, lower-case ASCII letters only, in byte order with no
    /// repeats; lines starting with <c>#</c> and blank lines are comments.
    /// </summary>
    /// <exception cref="InvalidDataException">A line is not such a word, or is out of order; the message names the line.</exception>
    public static WordList Parse(ReadOnlySpan<byte> text)
    {
        var letters = new List<byte>(text.Length);
        var starts = new List<int> { 0 };
        var previous = ReadOnlySpan<byte>.Empty;
        var lineNumber = 0;
        while (!text.IsEmpty)
        {
            lineNumber++;
            var end = text.IndexOf((byte)'\n');
            var line = end < 0 ? text : text[..end];
            text = end < 0 ? [] : text[(end + 1)..];
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (line.IsEmpty || line[0] == (byte)'#')
            {
                continue;
            }

            foreach (var letter in line)
            {
                if (letter is < (byte)'a' or > (byte)'z')
                {
                    throw new InvalidDataException($"Line {lineNumber}: \"{Encoding.UTF8.GetString(line)}\" is not a lower-case ASCII word.");
                }
            }

            if (starts.Count > 1 && line.SequenceCompareTo(previous) <= 0)
            {
                throw new InvalidDataException($"Line {lineNumber}: \"{Encoding.ASCII.GetString(line)}\" is not after \"{Encoding.ASCII.GetString(previous)}\" in byte order.");
            }

            letters.AddRange(line);
            starts.Add(letters.Count);
            previous = line;
        }

        return new WordList([.. letters], [.. starts]);
    }

    private static WordList ReadEnglish()
    {
        using var stream = typeof(WordList).Assembly.GetManifestResourceStream(EnglishResource)
            ?? throw new InvalidOperationException($"The resource {EnglishResource} is missing from {typeof(WordList).Assembly.GetName().Name}.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return Parse(bytes);
    }

    private static int Compare(ReadOnlySpan<char> word, ReadOnlySpan<byte> listed)
    {
        var length = Math.Min(word.Length, listed.Length);
        for (var i = 0; i < length; i++)
        {
            var difference = word[i] - listed[i];
            if (difference != 0)
            {
                return difference;
            }
        }

        return word.Length - listed.Length;
    }
}
