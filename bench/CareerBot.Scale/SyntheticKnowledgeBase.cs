using System.Text;
using CareerBot.Knowledge.Analysis;
using CareerBot.Knowledge.Guides;
using CareerBot.Knowledge.Text;

namespace CareerBot.Scale;

/// <summary>
/// Generates passages that look like the committed guides' passages to the index: each takes
/// the shape of a real passage drawn at random (heading length, FAQ or not, nesting, topics,
/// lines, sentence lengths, list items and lead-ins) and fills it with Zipf-drawn words,
/// a share of them from the real passages of its first topic so that topics keep their own
/// vocabulary. Twenty passages make a guide, as in the committed knowledge base. The same
/// seed gives the same passages.
/// </summary>
internal sealed class SyntheticKnowledgeBase
{
    public const int PassagesPerGuide = 20;

    /// <summary>Share of a passage's words drawn from its topic's real words instead of the whole vocabulary.</summary>
    public const double TopicWordShare = 0.3;

    private const int SectionsPerGuide = 4;

    private readonly RealText _real;
    private readonly ZipfVocabulary _vocabulary;
    private readonly Random _random;
    private readonly StringBuilder _builder = new();

    private SyntheticKnowledgeBase(RealText real, ZipfVocabulary vocabulary, int seed)
    {
        _real = real;
        _vocabulary = vocabulary;
        _random = new Random(seed);
    }

    public static Passage[] Generate(RealText real, ZipfVocabulary vocabulary, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(vocabulary);
        return new SyntheticKnowledgeBase(real, vocabulary, seed).Generate(count);
    }

    private Passage[] Generate(int count)
    {
        var passages = new Passage[count];
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var sections = new string[SectionsPerGuide];
        string guideId = string.Empty, guideTitle = string.Empty, source = string.Empty;
        var updated = new DateOnly(2026, 1, 1);
        for (var i = 0; i < count; i++)
        {
            if (i % PassagesPerGuide == 0)
            {
                var guide = i / PassagesPerGuide;
                guideId = $"synthetic-{guide:D6}";
                guideTitle = $"{Title(3, null)} guide";
                source = $"\"{guideTitle}\" (synthetic source {guide % 97})";
                updated = new DateOnly(2026, 1, 1).AddDays(guide % 365);
                for (var s = 0; s < sections.Length; s++)
                {
                    sections[s] = Title(1 + _random.Next(3), null);
                }

                slugs.Clear();
            }

            var shape = _real.Shapes[_random.Next(_real.Shapes.Count)];
            var topicWords = shape.Topics.Count > 0 && _real.TopicUnits.TryGetValue(shape.Topics[0], out var words) ? words : null;
            var heading = shape.IsQuestion ? QuestionHeading(shape, topicWords) : Title(shape.HeadingWords, topicWords);
            var sectionPath = shape.IsQuestion ? $"{GuideLoader.FaqHeading} > {heading}"
                : shape.IsNested ? $"{sections[_random.Next(sections.Length)]} > {heading}"
                : heading;
            var slug = Slug(heading);
            for (var n = 2; !slugs.Add(slug); n++)
            {
                slug = $"{Slug(heading)}-{n}";
            }

            passages[i] = new Passage($"{guideId}#{slug}", guideId, guideTitle, source, updated, heading, sectionPath, Body(shape, topicWords), shape.Topics, shape.IsQuestion);
        }

        return passages;
    }

    private string Body(PassageShape shape, string[]? topicWords)
    {
        _builder.Clear();
        foreach (var line in shape.Lines)
        {
            if (_builder.Length > 0)
            {
                _builder.Append('\n');
            }

            if (line.IsListItem)
            {
                _builder.Append("- ");
                Words(line.SentenceWords[0], topicWords, capitalise: true);
                continue;
            }

            for (var s = 0; s < line.SentenceWords.Count; s++)
            {
                if (s > 0)
                {
                    _builder.Append(' ');
                }

                Words(line.SentenceWords[s], topicWords, capitalise: true);
                _builder.Append(line.EndsWithColon && s == line.SentenceWords.Count - 1 ? ':' : '.');
            }
        }

        return _builder.ToString();
    }

    /// <summary>Appends <paramref name="count"/> drawn words, now and then with a comma after one.</summary>
    private void Words(int count, string[]? topicWords, bool capitalise)
    {
        for (var w = 0; w < count; w++)
        {
            if (w > 0)
            {
                _builder.Append(_random.Next(12) == 0 && w < count - 1 ? ", " : " ");
            }

            var unit = Word(topicWords);
            _builder.Append(capitalise && w == 0 ? Capitalise(unit) : unit);
        }
    }

    private string QuestionHeading(PassageShape shape, string[]? topicWords)
    {
        var start = shape.QuestionStart is { Length: > 0 } s ? s : "What";
        var words = new List<string> { start };
        for (var w = 1; w < shape.HeadingWords; w++)
        {
            words.Add(Word(topicWords));
        }

        return string.Join(' ', words).TrimEnd('?') + "?";
    }

    /// <summary>A heading of content words, the first capitalised.</summary>
    private string Title(int count, string[]? topicWords)
    {
        var words = new string[count];
        for (var w = 0; w < count; w++)
        {
            var word = Word(topicWords);
            for (var attempt = 0; attempt < 8 && KnowledgeAnalyzer.StopWords.Contains(word); attempt++)
            {
                word = Word(topicWords);
            }

            words[w] = w == 0 ? Capitalise(word) : word;
        }

        return string.Join(' ', words);
    }

    private string Word(string[]? topicWords) =>
        topicWords is { Length: > 0 } && _random.NextDouble() < TopicWordShare
            ? topicWords[_random.Next(topicWords.Length)]
            : _vocabulary.Sample(_random);

    private static string Capitalise(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private static string Slug(string heading)
    {
        var slug = new StringBuilder(heading.Length);
        foreach (var c in heading.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().Trim('-');
        return text.Length > 60 ? text[..60].TrimEnd('-') : text.Length == 0 ? "passage" : text;
    }
}
