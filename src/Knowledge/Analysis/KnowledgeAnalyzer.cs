using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace CareerBot.Knowledge.Analysis;

/// <summary>
/// The one analysis chain, for passages, questions and utterances alike, composed as Lucene's
/// <c>EnglishAnalyzer</c> composes its own: <c>StandardTokenizer</c> → <c>EnglishPossessiveFilter</c>
/// → <c>LowerCaseFilter</c> → <c>ASCIIFoldingFilter</c> → (questions only: typo correction) →
/// conditional synonyms → <c>SynonymFilter</c> over <c>synonyms.txt</c> → <c>StopFilter</c> →
/// <c>PorterStemFilter</c>. Before the tokenizer, "C++", "C#" and "F#" become "cpp", "csharp"
/// and "fsharp" (the tokenizer would keep only the letter); after it, a dot or colon between
/// letters ("Ph.D.", "Node.js") splits the word. A synonym with more words than the text it
/// replaces ("ml engineering" read as "machine learning engineering") has its extra words stacked
/// behind the words that follow (Lucene 4.8's <c>SynonymFilter</c> keeps positions, not reading
/// order: "machin engin learn"): right for a bag of terms, not for word n-grams across it. The field <see cref="WordsField"/> stops after folding: the
/// lower-cased words, for the typo corrector's vocabulary and for the intent classifier; the field
/// <see cref="IntentField"/> skips only the stop filter, for the classifier's terms.
/// Immutable; safe to share (Lucene keeps one token stream per thread).
/// </summary>
public sealed class KnowledgeAnalyzer : Analyzer
{
    /// <summary>Longest text <see cref="Tokens"/> and <see cref="Words"/> read; the rest is ignored, so hostile input stays cheap.</summary>
    public const int MaxInputLength = 4096;

    /// <summary>Longer runs of letters are no words (hashes, base64, keyboard mashing); the tokenizer skips them.</summary>
    public const int MaxTokenLength = 40;

    /// <summary>The field analysed to lower-cased words only: no synonyms, stop words kept, no stemming.</summary>
    public const string WordsField = "words";

    /// <summary>The field <see cref="Tokens"/> analyses; any field but <see cref="WordsField"/> and <see cref="IntentField"/> gets the whole chain.</summary>
    public const string TextField = "text";

    /// <summary>
    /// The field analysed for the intent classifier: the whole chain but the stop filter. The stop
    /// words that never drive ranking ("how", "what", "much", "should", "can") do tell intents apart.
    /// </summary>
    public const string IntentField = "intent";

    /// <summary>The field analysed for the intent classifier's words: synonyms read, stop words kept, not stemmed.</summary>
    public const string IntentWordsField = "intent-words";

    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>What is rewritten before the tokenizer; no entry starts another, so left-to-right replacement is the longest match Lucene's <c>MappingCharFilter</c> would make.</summary>
    internal static readonly (string Written, string Read)[] LanguageNameMappings =
        [("c++", "cpp"), ("C++", "cpp"), ("c#", "csharp"), ("C#", "csharp"), ("f#", "fsharp"), ("F#", "fsharp"), ("\u2019", "'")];

    private static readonly KnowledgeAnalyzer Plain = new(SynonymRules.Empty);

    private readonly SynonymMap? _synonyms;
    private readonly SynonymMap? _phraseSynonyms;
    private readonly Dictionary<string, ContextRule[]> _contextRules;
    private readonly ITermCorrector? _corrector;

    public KnowledgeAnalyzer(SynonymRules rules)
        : base(PER_FIELD_REUSE_STRATEGY)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = rules;
        _synonyms = BuildSynonymMap(rules, phrases: false);
        _phraseSynonyms = BuildSynonymMap(rules, phrases: true);
        _contextRules = BuildContextRules(rules);
    }

    private KnowledgeAnalyzer(KnowledgeAnalyzer other, ITermCorrector corrector)
        : base(PER_FIELD_REUSE_STRATEGY)
    {
        Rules = other.Rules;
        _synonyms = other._synonyms;
        _phraseSynonyms = other._phraseSynonyms;
        _contextRules = other._contextRules;
        _corrector = corrector;
    }

    /// <summary>
    /// English function words that carry no topic: dropped before indexing and searching so that
    /// they never drive ranking. Wider than Lucene's default English set: question words ("how",
    /// "what", "need", "want") would otherwise weigh in every question.
    /// </summary>
    public static CharArraySet StopWords { get; } = new CharArraySet(Version,
    [
        "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "arent", "aren't", "be", "been", "before", "being", "both", "but", "by",
        "can", "cant", "can't", "could", "couldnt", "couldn't", "did", "didnt", "didn't", "do", "does", "doesnt", "doesn't",
        "doing", "dont", "don't", "during",
        "each", "either", "etc", "even", "ever", "every",
        "for", "from", "get", "gets", "getting", "got",
        "had", "has", "hasnt", "hasn't", "have", "havent", "haven't", "having", "he", "her", "here", "him", "his", "how",
        "i", "if", "im", "i'm", "in", "into", "is", "isnt", "isn't", "it", "its", "ive", "i've",
        "just", "let", "like", "lot", "lots",
        "many", "may", "me", "might", "more", "most", "much", "must", "my",
        "need", "needed", "needs",
        "no", "nor", "not", "now",
        "of", "off", "often", "on", "one", "ones", "only", "or", "other", "our", "out", "over", "own",
        "please", "quite", "rather", "really",
        "s", "same", "she", "should", "shouldnt", "shouldn't", "so", "some", "such",
        "t", "tell", "than", "that", "the", "their", "them", "then", "there", "these", "they", "thing", "things",
        "this", "those", "through", "to", "too",
        "u", "under", "until", "up", "us", "use", "used", "using",
        "very", "want", "was", "wasnt", "wasn't", "we", "well", "were", "what", "whats", "when", "where", "which", "while",
        "who", "whom", "whose", "why", "will", "with", "within", "wont", "won't", "would", "wouldnt", "wouldn't",
        "yes", "yet", "you", "your", "youre", "you're",

        // Contractions of the words above ("whats the diffrence in what they'd do?" was declined naming
        // "they'd"); "-'s" goes with the possessive filter. Not "id", "ill", "shed" or "wed" without the
        // apostrophe: those are words of their own.
        "ain't", "aint", "could've", "couldve", "hadn't", "hadnt", "he'd", "he'll", "i'd", "i'll", "it'd", "it'll",
        "might've", "mightve", "mustn't", "should've", "shouldve", "she'd", "she'll", "that'd", "that'll", "there'd", "there'll",
        "they'd", "they'll", "they're", "theyre", "they've", "theyve", "we'd", "we'll", "we're", "we've", "weve",
        "weren't", "werent", "who'd", "who'll", "would've", "wouldve", "y'all", "you'd", "youd", "you'll", "youll", "you've", "youve",
    ], ignoreCase: false).AsReadOnly();

    /// <summary>The synonym rules this analyzer reads synonyms with.</summary>
    public SynonymRules Rules { get; }

    /// <summary>The same chain with typo correction before synonyms: for questions, never for passages.</summary>
    public KnowledgeAnalyzer WithCorrector(ITermCorrector corrector)
    {
        ArgumentNullException.ThrowIfNull(corrector);
        return new KnowledgeAnalyzer(this, corrector);
    }

    /// <summary>The analysed terms of <paramref name="text"/> (synonyms read, stop words dropped, stemmed), in order.</summary>
    public IReadOnlyList<string> Tokens(string text) => Read(this, TextField, text);

    /// <summary>The terms of <paramref name="text"/> as the intent classifier reads them: synonyms read, stemmed, stop words kept.</summary>
    public IReadOnlyList<string> IntentTerms(string text) => Read(this, IntentField, text);

    /// <summary>The words of <paramref name="text"/> as the intent classifier reads them: synonyms read, stop words kept, not stemmed.</summary>
    public IReadOnlyList<string> IntentWords(string text) => Read(this, IntentWordsField, text);

    /// <summary>The lower-cased, folded words of <paramref name="text"/>: no synonyms, stop words kept, not stemmed.</summary>
    public IReadOnlyList<string> Words(string text) => Read(this, WordsField, text);

    /// <summary>The lower-cased words of a text, without any synonyms: what synonym terms and typo vocabularies are made of.</summary>
    public static IReadOnlyList<string> WordsOf(string text) => Read(Plain, WordsField, text);

    /// <summary>The Porter stem of one lower-cased word, as the chain stems it.</summary>
    public static string StemOf(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var stems = Read(Plain, TextField, word);
        return stems.Count == 1 ? stems[0] : word;
    }

    /// <summary>
    /// The text with its language names mapped (<see cref="MapLanguageNames"/>), as a
    /// <c>MappingCharFilter</c> would pass it on: Lucene makes a new char filter for every text it
    /// analyses, and that one buffers 8,192 characters, where a passage or question is a few hundred.
    /// Offsets are not corrected: the index keeps none.
    /// </summary>
    protected override TextReader InitReader(string fieldName, TextReader reader) =>
        reader is MappedTextReader ? reader : new MappedTextReader(MapLanguageNames(ReadAll(reader)));

    /// <summary>All of a reader's text; Lucene's readers end with -1 as Java's do, which <see cref="TextReader.ReadToEnd"/> refuses.</summary>
    private static string ReadAll(TextReader reader)
    {
        var text = new System.Text.StringBuilder();
        var buffer = new char[256];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader) { MaxTokenLength = MaxTokenLength };
        TokenStream result = new WordBreakFilter(source);
        result = new EnglishPossessiveFilter(Version, result);
        result = new LowerCaseFilter(Version, result);
        result = new ASCIIFoldingFilter(result);
        if (fieldName == WordsField)
        {
            return new TokenStreamComponents(source, result);
        }

        if (_corrector is not null)
        {
            result = new TermCorrectionFilter(result, _corrector, StopWords);
        }

        if (_contextRules.Count > 0)
        {
            result = new ContextSynonymFilter(result, _contextRules);
        }

        var intent = fieldName is IntentField or IntentWordsField;
        if (intent && _phraseSynonyms is not null)
        {
            result = new PhraseSplitFilter(new SynonymFilter(result, _phraseSynonyms, ignoreCase: false));
        }
        else if (!intent && _synonyms is not null)
        {
            result = new SynonymFilter(result, _synonyms, ignoreCase: false);
        }

        if (fieldName == IntentWordsField)
        {
            return new TokenStreamComponents(source, result);
        }

        if (fieldName != IntentField)
        {
            result = new StopFilter(Version, result, StopWords);
        }

        result = new PorterStemFilter(result);
        return new TokenStreamComponents(source, result);
    }

    private static List<string> Read(Analyzer analyzer, string field, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream(field, new MappedTextReader(MapLanguageNames(text.Length > MaxInputLength ? text[..MaxInputLength] : text)));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return tokens;
    }

    /// <summary>The text with "C++", "C#", "F#" and the typographic apostrophe rewritten, as the tokenizer is to read it.</summary>
    internal static string MapLanguageNames(string text)
    {
        if (text.AsSpan().IndexOfAny('+', '#', '\u2019') < 0)
        {
            return text;
        }

        var mapped = new System.Text.StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length;)
        {
            var match = Array.FindIndex(LanguageNameMappings, m => text.AsSpan(i).StartsWith(m.Written, StringComparison.Ordinal));
            if (match < 0)
            {
                mapped.Append(text[i++]);
                continue;
            }

            mapped.Append(LanguageNameMappings[match].Read);
            i += LanguageNameMappings[match].Written.Length;
        }

        return mapped.ToString();
    }

    /// <summary>
    /// Every member of a group rewritten to the group's first term; Lucene matches the longest member
    /// first. With <paramref name="phrases"/>, the first term is written as one token, its words a space
    /// apart, for <see cref="PhraseSplitFilter"/> to split in reading order.
    /// </summary>
    private static SynonymMap? BuildSynonymMap(SynonymRules rules, bool phrases)
    {
        if (rules.Groups.Count == 0)
        {
            return null;
        }

        var builder = new SynonymMap.Builder(dedup: true);
        foreach (var group in rules.Groups)
        {
            var canonical = WordsOf(group[0]);
            if (canonical.Count == 0)
            {
                continue;
            }

            var output = phrases ? new CharsRef(string.Join(' ', canonical)) : SynonymMap.Builder.Join([.. canonical], new CharsRef());
            foreach (var member in group.Skip(1))
            {
                var words = WordsOf(member);
                if (words.Count > 0 && !words.SequenceEqual(canonical))
                {
                    builder.Add(SynonymMap.Builder.Join([.. words], new CharsRef()), output, includeOrig: false);
                }
            }
        }

        return builder.Build();
    }

    /// <summary>The conditional members by first word; longest first.</summary>
    private static Dictionary<string, ContextRule[]> BuildContextRules(SynonymRules rules)
    {
        var all = new List<ContextRule>();
        foreach (var rule in rules.Conditional)
        {
            var canonical = WordsOf(rule.Canonical).ToArray();
            var contexts = rule.Before
                .Select(c => c is SynonymRules.EndContext or SynonymRules.NumberContext ? [c] : WordsOf(c).ToArray())
                .Where(c => c.Length > 0)
                .ToArray();
            foreach (var member in rule.Members)
            {
                var words = WordsOf(member).ToArray();
                if (words.Length > 0 && canonical.Length > 0 && contexts.Length > 0)
                {
                    all.Add(new ContextRule(words, canonical, contexts));
                }
            }
        }

        return all.GroupBy(r => r.Member[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Member.Length).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Text whose language names are already mapped (see <see cref="MapLanguageNames"/>).</summary>
    private sealed class MappedTextReader(string text) : StringReader(text);
}
