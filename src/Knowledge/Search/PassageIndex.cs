using System.Collections.Concurrent;
using System.Globalization;
using CareerBot.Knowledge.Analysis;
using CareerBot.Knowledge.Guides;
using CareerBot.Knowledge.Intents;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace CareerBot.Knowledge.Search;

/// <summary>
/// The passages in a Lucene.Net index: one document a passage, with separate fields for the
/// guide title, the section path above the passage, its heading (an FAQ entry's question), its
/// body and its alternate questions, all stored so that the passages themselves are read back
/// from the index; a catch-all field of every term (document frequencies and each passage's
/// terms for re-ranking) and one of the plain words (the typo corrector's vocabulary). BM25
/// scores on writing and searching. Written by <c>index</c> into a folder of the data folder
/// (<see cref="SimpleFSDirectory"/>, never the memory-mapped directory, whose readers crash or
/// crawl under concurrent search in this Lucene.Net version); opened by copying the last
/// commit into memory, so a snapshot holds no file open and a rebuild beside it is harmless.
/// One reader and one <see cref="IndexSearcher"/> per snapshot, shared by every turn.
/// </summary>
public sealed class PassageIndex : IDisposable
{
    public const int SchemaVersion = 3;

    internal const string IdField = "id";
    internal const string GuideIdField = "guide_id";
    internal const string GuideTitleField = "guide_title";
    internal const string SourceField = "source";
    internal const string UpdatedField = "updated";
    internal const string HeadingField = "heading";
    internal const string SectionPathField = "section_path";
    internal const string BodyField = "body";
    internal const string AlternateQuestionsField = "alternate_questions";
    internal const string TopicsField = "topics";
    internal const string IsQuestionField = "is_question";
    internal const string LeadLengthField = "lead_length";

    /// <summary>Every analysed term of the passage (section path, heading, body, alternate questions): frequencies and coverage.</summary>
    internal const string AllField = "all";

    /// <summary>The passage's plain words: the typo corrector's vocabulary.</summary>
    internal const string WordsField = KnowledgeAnalyzer.WordsField;

    /// <summary>Most distinct terms one query sends; a 4,096-character question stays far below Lucene's clause limit.</summary>
    public const int MaxQueryTerms = 64;

    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string SchemaKey = "schema_version";
    private const string ContentHashKey = "content_hash";

    /// <summary>Most per-term BM25 weights a snapshot keeps (about 1.3 KB each); terms past it are weighed on every search.</summary>
    private const int MaxCachedWeights = 8192;

    private static readonly FieldType TermsOnly = Freeze(new FieldType { IsIndexed = true, IsTokenized = true, IsStored = false, OmitNorms = true, IndexOptions = IndexOptions.DOCS_ONLY });

    private readonly RAMDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly (string Field, float Boost)[] _fields;
    private readonly BM25Similarity _similarity = new();
    private readonly CollectionStatistics[] _fieldStatistics;
    private readonly ConcurrentDictionary<string, Similarity.SimWeight>[] _weights;
    private readonly ScratchPool _scratch;
    private int _cachedWeights;
    private int _disposed;

    private PassageIndex(string path, RAMDirectory directory, DirectoryReader reader, IReadOnlyList<Passage> passages, string contentHash, FieldWeights weights)
    {
        Path = path;
        _directory = directory;
        _reader = reader;
        _searcher = new IndexSearcher(reader) { Similarity = _similarity };
        Passages = passages;
        ContentHash = contentHash;
        _fields = new[]
        {
            (HeadingField, (float)weights.Heading),
            (SectionPathField, (float)weights.SectionPath),
            (BodyField, (float)weights.Body),
            (AlternateQuestionsField, (float)weights.AlternateQuestions),
            (GuideTitleField, (float)weights.GuideTitle),
        }.Where(f => f.Item2 > 0 && MultiFields.GetTerms(reader, f.Item1) is not null).ToArray(); // a field no passage fills costs a clause per term for nothing
        _fieldStatistics = _fields.Select(f => _searcher.CollectionStatistics(f.Field)).ToArray();
        _weights = _fields.Select(_ => new ConcurrentDictionary<string, Similarity.SimWeight>(StringComparer.Ordinal)).ToArray();
        var fieldNames = _fields.Select(f => f.Field).ToArray();
        _scratch = new ScratchPool(() => new SearchScratch(reader.Leaves, fieldNames, reader.MaxDoc));
        Vocabulary = ReadVocabulary(reader);
    }

    /// <summary>The index folder.</summary>
    public string Path { get; }

    /// <summary>Passages by ordinal: the Lucene document number.</summary>
    public IReadOnlyList<Passage> Passages { get; }

    /// <summary>The knowledge-base content hash the index was built from (its commit data).</summary>
    public string ContentHash { get; }

    /// <summary>How many passages use each plain word, from the index's term dictionary: the vocabulary for typo correction.</summary>
    public IReadOnlyDictionary<string, int> Vocabulary { get; }

    /// <summary>The searcher (BM25) over the snapshot's reader: what <see cref="Search"/> must agree with.</summary>
    internal IndexSearcher Searcher => _searcher;

    /// <summary>The searched fields with their boosts, in clause order.</summary>
    internal IReadOnlyList<(string Field, float Boost)> SearchedFields => _fields;

    /// <summary>Documents in the index (passages).</summary>
    public int DocumentCount => _reader.NumDocs;

    /// <summary>Writes a new index of <paramref name="passages"/> into <paramref name="path"/> (a folder), replacing what was there in one commit.</summary>
    public static void Build(string path, IReadOnlyList<Passage> passages, KnowledgeAnalyzer analyzer, string contentHash)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(analyzer);
        System.IO.Directory.CreateDirectory(path);
        try
        {
            Write(path, passages, analyzer, contentHash);
        }
        catch (IOException ex) when (ex is not LockObtainFailedException)
        {
            // Unreadable leftovers (a damaged index): start from an empty folder.
            foreach (var file in System.IO.Directory.EnumerateFiles(path))
            {
                File.Delete(file);
            }

            Write(path, passages, analyzer, contentHash);
        }
    }

    /// <summary>Opens the index in <paramref name="path"/>; <see cref="IndexUnavailableException"/> when it is missing, corrupt or of another schema.</summary>
    public static PassageIndex Open(string path, FieldWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (!System.IO.Directory.Exists(path))
        {
            throw new IndexUnavailableException($"no index at {path}");
        }

        RAMDirectory? memory = null;
        DirectoryReader? reader = null;
        try
        {
            memory = LoadLastCommit(path);
            reader = DirectoryReader.Open(memory);
            var meta = reader.IndexCommit.UserData;
            if (!meta.TryGetValue(SchemaKey, out var version) || version != SchemaVersion.ToString(CultureInfo.InvariantCulture))
            {
                throw new IndexUnavailableException($"index {path} has schema {version ?? "none"}, expected {SchemaVersion}");
            }

            var passages = ReadPassages(reader);
            var index = new PassageIndex(path, memory, reader, passages, meta.TryGetValue(ContentHashKey, out var hash) ? hash : string.Empty, weights);
            index.Search(["check"], 1); // proves the postings are readable before anyone relies on them
            return index;
        }
        catch (Exception ex) when (ex is IOException or FormatException or InvalidOperationException or IndexOutOfRangeException or ArgumentException)
        {
            reader?.Dispose();
            memory?.Dispose();
            throw new IndexUnavailableException($"index {path} cannot be read: {ex.Message}", ex);
        }
        catch (IndexUnavailableException)
        {
            reader?.Dispose();
            memory?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Passages matching any of <paramref name="terms"/> (analysed terms), best first by BM25, as
    /// Lucene ranks a <see cref="BooleanQuery"/> (coordination off) of one <see cref="TermQuery"/>
    /// per term and field, each boosted by its field's weight: the same
    /// <see cref="BM25Similarity"/> weights and scores each term in each field, and the sums are
    /// made in the order Lucene's <c>BooleanScorer</c> makes them, so scores and ties come out
    /// bit for bit the same. What it saves is the query's per-search garbage (a weight with a
    /// 256-entry table per clause, two term enumerators and a postings enumerator per clause, and
    /// a table of 2,048 buckets): enumerators and sums are kept between searches, a term missing
    /// from a field costs one dictionary lookup, and each term's weight is worked out once per
    /// snapshot. No query parser ever sees user text.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(IReadOnlyList<string> terms, int limit)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        ArgumentNullException.ThrowIfNull(terms);
        if (limit <= 0)
        {
            return [];
        }

        var scratch = _scratch.Rent();
        try
        {
            return Search(scratch, terms, Math.Min(limit, Math.Max(1, Passages.Count)));
        }
        finally
        {
            foreach (var doc in scratch.Touched)
            {
                scratch.Seen[doc] = false;
            }

            scratch.Touched.Clear();
            scratch.Heap.Clear();
            scratch.QueryTerms.Clear();
            _scratch.Return(scratch);
        }
    }

    private SearchHit[] Search(SearchScratch scratch, IReadOnlyList<string> terms, int count)
    {
        var distinct = scratch.QueryTerms;
        foreach (var term in terms)
        {
            if (string.IsNullOrEmpty(term) || distinct.Contains(term))
            {
                continue;
            }

            if (distinct.Count == MaxQueryTerms)
            {
                break;
            }

            distinct.Add(term);
        }

        // Lucene's BooleanScorer keeps its clauses' scorers in a list it builds by prepending, so
        // each document's sum adds the clauses last to first: done the same way here.
        var leaves = _reader.Leaves;
        for (var t = distinct.Count - 1; t >= 0; t--)
        {
            var term = distinct[t];
            UnicodeUtil.UTF16toUTF8(term, 0, term.Length, scratch.Bytes);
            for (var f = _fields.Length - 1; f >= 0; f--)
            {
                AddClause(scratch, leaves, f, term);
            }
        }

        var heap = scratch.Heap;
        foreach (var doc in scratch.Touched)
        {
            Offer(heap, count, ((float)scratch.Sums[doc], doc));
        }

        heap.Sort(static (a, b) => Worse(a, b) ? 1 : Worse(b, a) ? -1 : 0);
        var hits = new SearchHit[heap.Count];
        for (var i = 0; i < hits.Length; i++)
        {
            hits[i] = new SearchHit(heap[i].Doc, heap[i].Score);
        }

        return hits;
    }

    /// <summary>Adds one term's BM25 score in one field to the sums of the passages holding it.</summary>
    private void AddClause(SearchScratch scratch, IList<AtomicReaderContext> leaves, int field, string term)
    {
        long docFreq = 0;
        long totalTermFreq = 0;
        var found = false;
        for (var leaf = 0; leaf < leaves.Count; leaf++)
        {
            var terms = scratch.Terms[leaf][field];
            scratch.Found[leaf] = terms is not null && terms.SeekExact(scratch.Bytes);
            if (scratch.Found[leaf])
            {
                found = true;
                docFreq += terms!.DocFreq;
                totalTermFreq = totalTermFreq >= 0 && terms.TotalTermFreq >= 0 ? totalTermFreq + terms.TotalTermFreq : -1;
            }
        }

        if (!found)
        {
            return;
        }

        var weight = WeightOf(field, term, docFreq, totalTermFreq, scratch.Bytes);
        for (var leaf = 0; leaf < leaves.Count; leaf++)
        {
            if (!scratch.Found[leaf])
            {
                continue;
            }

            var context = leaves[leaf];
            var docs = scratch.Terms[leaf][field]!.Docs(context.AtomicReader.LiveDocs, scratch.Docs[leaf][field], DocsFlags.FREQS);
            scratch.Docs[leaf][field] = docs;
            var scorer = _similarity.GetSimScorer(weight, context);
            int doc;
            while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                var score = scorer.Score(doc, docs.Freq);
                var passage = context.DocBase + doc;
                if (scratch.Seen[passage])
                {
                    scratch.Sums[passage] += score;
                }
                else
                {
                    scratch.Seen[passage] = true;
                    scratch.Sums[passage] = score;
                    scratch.Touched.Add(passage);
                }
            }
        }
    }

    /// <summary>A term's BM25 weight in a field, normalised as a top-level query normalises it; kept for the snapshot's life.</summary>
    private Similarity.SimWeight WeightOf(int field, string term, long docFreq, long totalTermFreq, BytesRef bytes)
    {
        var cache = _weights[field];
        if (cache.TryGetValue(term, out var weight))
        {
            return weight;
        }

        weight = _similarity.ComputeWeight(_fields[field].Boost, _fieldStatistics[field], new TermStatistics(bytes, docFreq, totalTermFreq));
        weight.Normalize(1f, 1f); // what IndexSearcher passes down: BM25's query norm is 1, the Boolean query's boost 1
        if (Volatile.Read(ref _cachedWeights) < MaxCachedWeights && cache.TryAdd(term, weight))
        {
            Interlocked.Increment(ref _cachedWeights);
        }

        return weight;
    }

    /// <summary>Keeps the best <paramref name="count"/> hits in a heap whose root is the worst of them.</summary>
    private static void Offer(List<(float Score, int Doc)> heap, int count, (float Score, int Doc) hit)
    {
        if (heap.Count < count)
        {
            heap.Add(hit);
            for (var i = heap.Count - 1; i > 0;)
            {
                var parent = (i - 1) / 2;
                if (!Worse(heap[i], heap[parent]))
                {
                    break;
                }

                (heap[i], heap[parent]) = (heap[parent], heap[i]);
                i = parent;
            }

            return;
        }

        if (!Worse(heap[0], hit))
        {
            return;
        }

        heap[0] = hit;
        for (var i = 0; ;)
        {
            var worst = i;
            foreach (var child in (ReadOnlySpan<int>)[(2 * i) + 1, (2 * i) + 2])
            {
                if (child < heap.Count && Worse(heap[child], heap[worst]))
                {
                    worst = child;
                }
            }

            if (worst == i)
            {
                break;
            }

            (heap[i], heap[worst]) = (heap[worst], heap[i]);
            i = worst;
        }
    }

    /// <summary>Lucene's order of hits: higher score first, on equal scores the lower document number.</summary>
    private static bool Worse((float Score, int Doc) a, (float Score, int Doc) b) =>
        a.Score < b.Score || (a.Score == b.Score && a.Doc > b.Doc);

    /// <summary>How many passages hold <paramref name="term"/> (an analysed term), in any of their searched fields.</summary>
    public int DocumentFrequency(string term) => _reader.DocFreq(new Term(AllField, term));

    /// <summary>
    /// Every analysed term of the passages with its document frequency and the passages that hold
    /// it, read from the postings of the catch-all field (or the heading field): what re-ranking
    /// works from, without analysing any passage again.
    /// </summary>
    public IEnumerable<(string Term, int DocumentFrequency, int[] Documents)> Postings(bool headingsOnly = false)
    {
        var field = headingsOnly ? HeadingField : AllField;
        if (_reader.Leaves.Count == 1)
        {
            // One segment (what Build writes): its term dictionary is already in order, nothing to merge.
            foreach (var posting in LeafPostings(_reader.Leaves[0], field))
            {
                yield return posting;
            }

            yield break;
        }

        var byTerm = new SortedDictionary<string, (int Frequency, List<int> Documents)>(StringComparer.Ordinal);
        foreach (var leaf in _reader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(field);
            if (terms is null)
            {
                continue;
            }

            var termsEnum = terms.GetEnumerator();
            DocsEnum? docs = null;
            while (termsEnum.MoveNext())
            {
                var text = termsEnum.Term.Utf8ToString();
                if (!byTerm.TryGetValue(text, out var entry))
                {
                    entry = (0, []);
                }

                docs = termsEnum.Docs(null, docs, DocsFlags.NONE);
                while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                {
                    entry.Documents.Add(leaf.DocBase + docs.DocID);
                }

                byTerm[text] = (entry.Frequency + termsEnum.DocFreq, entry.Documents);
            }
        }

        foreach (var (term, (frequency, documents)) in byTerm)
        {
            yield return (term, frequency, documents.ToArray());
        }
    }

    private static IEnumerable<(string Term, int DocumentFrequency, int[] Documents)> LeafPostings(AtomicReaderContext leaf, string field)
    {
        var terms = leaf.AtomicReader.GetTerms(field);
        if (terms is null)
        {
            yield break;
        }

        var termsEnum = terms.GetEnumerator();
        DocsEnum? docs = null;
        var documents = new List<int>();
        while (termsEnum.MoveNext())
        {
            docs = termsEnum.Docs(null, docs, DocsFlags.NONE);
            documents.Clear();
            while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                documents.Add(leaf.DocBase + docs.DocID);
            }

            yield return (termsEnum.Term.Utf8ToString(), termsEnum.DocFreq, documents.ToArray());
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _reader.Dispose();
        _directory.Dispose();
    }

    /// <summary>The path of headings above the passage: the section path without the passage's own heading.</summary>
    internal static string SectionAbove(Passage passage)
    {
        const string Separator = " > ";
        var path = passage.SectionPath;
        if (path == passage.Heading)
        {
            return string.Empty;
        }

        return path.EndsWith(Separator + passage.Heading, StringComparison.Ordinal) ? path[..^(Separator.Length + passage.Heading.Length)] : path;
    }

    private static void Write(string path, IReadOnlyList<Passage> passages, KnowledgeAnalyzer analyzer, string contentHash)
    {
        using var directory = new SimpleFSDirectory(new DirectoryInfo(path));
        var config = new IndexWriterConfig(Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
            MergePolicy = new LogByteSizeMergePolicy(), // merges neighbours only: document numbers keep the passages' order
            RAMBufferSizeMB = 64,
        };
        using var writer = new IndexWriter(directory, config);
        foreach (var passage in passages)
        {
            writer.AddDocument(ToDocument(passage));
        }

        writer.ForceMerge(1);
        writer.SetCommitData(new Dictionary<string, string>
        {
            [SchemaKey] = SchemaVersion.ToString(CultureInfo.InvariantCulture),
            [ContentHashKey] = contentHash,
        });
        writer.Commit();
    }

    /// <summary>
    /// Adds to <paramref name="hash"/> every passage as <see cref="Build"/> writes it: each property
    /// <see cref="ToDocument"/> reads (the searched fields it derives come from these), so a loader that
    /// makes other passages of the same guide files makes another hash. A property ToDocument comes to
    /// read belongs here too.
    /// </summary>
    public static void AppendFingerprint(System.Security.Cryptography.IncrementalHash hash, IReadOnlyList<Passage> passages)
    {
        ArgumentNullException.ThrowIfNull(hash);
        ArgumentNullException.ThrowIfNull(passages);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            foreach (var p in passages)
            {
                Add(p.Id);
                Add(p.GuideId);
                Add(p.GuideTitle);
                Add(p.Source);
                Add(p.Updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                Add(p.Heading);
                Add(p.SectionPath);
                Add(p.Text);
                Add(p.Topics.Count.ToString(CultureInfo.InvariantCulture)); // each list with its length, so no item can pass for the next field
                foreach (var topic in p.Topics)
                {
                    Add(topic.Name);
                }

                Add(p.IsQuestion ? "q" : "s");
                Add(p.LeadLength.ToString(CultureInfo.InvariantCulture));
                Add(p.AlternateQuestions.Count.ToString(CultureInfo.InvariantCulture));
                foreach (var question in p.AlternateQuestions)
                {
                    Add(question);
                }

                Add("\u001d"); // the passage's end
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        void Add(string value)
        {
            var length = System.Text.Encoding.UTF8.GetMaxByteCount(value.Length) + 1;
            if (length > buffer.Length)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
            }

            var written = System.Text.Encoding.UTF8.GetBytes(value, buffer);
            buffer[written] = 0x1e; // each value's end, so "ab" + "c" is not "a" + "bc"
            hash.AppendData(buffer, 0, written + 1);
        }
    }

    private static Document ToDocument(Passage p)
    {
        var above = SectionAbove(p);
        var searched = string.Join('\n', new[] { above, p.Heading, p.Text }.Concat(p.AlternateQuestions));
        var document = new Document
        {
            new StringField(IdField, p.Id, Field.Store.YES),
            new StringField(GuideIdField, p.GuideId, Field.Store.YES),
            new TextField(GuideTitleField, p.GuideTitle, Field.Store.YES),
            new StoredField(SourceField, p.Source),
            new StoredField(UpdatedField, p.Updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new TextField(HeadingField, p.Heading, Field.Store.YES),
            new StoredField(SectionPathField, p.SectionPath),
            new TextField(SectionPathField, above, Field.Store.NO),
            new TextField(BodyField, p.Text, Field.Store.YES),
            new StoredField(TopicsField, string.Join(',', p.Topics.Select(t => t.Name))),
            new StoredField(IsQuestionField, p.IsQuestion ? 1 : 0),
            new StoredField(LeadLengthField, p.LeadLength),
            new Field(AllField, searched, TermsOnly),
            new Field(WordsField, searched, TermsOnly),
        };
        foreach (var question in p.AlternateQuestions)
        {
            document.Add(new TextField(AlternateQuestionsField, question, Field.Store.YES));
        }

        return document;
    }

    private static List<Passage> ReadPassages(DirectoryReader reader)
    {
        var passages = new List<Passage>(reader.MaxDoc);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            var d = reader.Document(doc);
            var topics = (d.Get(TopicsField) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => new Topic(n)).ToArray();
            passages.Add(new Passage(
                Required(d, IdField), Required(d, GuideIdField), Required(d, GuideTitleField), Required(d, SourceField),
                DateOnly.ParseExact(Required(d, UpdatedField), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Required(d, HeadingField), Required(d, SectionPathField), Required(d, BodyField), topics,
                d.GetField(IsQuestionField)?.GetInt32Value() == 1)
            {
                AlternateQuestions = d.GetValues(AlternateQuestionsField),
                LeadLength = d.GetField(LeadLengthField)?.GetInt32Value() ?? 0,
            });
        }

        return passages;
    }

    private static string Required(Document document, string field) =>
        document.Get(field) ?? throw new FormatException($"a passage has no {field}");

    private static Dictionary<string, int> ReadVocabulary(DirectoryReader reader)
    {
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(WordsField);
            if (terms is null)
            {
                continue;
            }

            var termsEnum = terms.GetEnumerator();
            while (termsEnum.MoveNext())
            {
                var word = termsEnum.Term.Utf8ToString();
                vocabulary[word] = vocabulary.GetValueOrDefault(word) + termsEnum.DocFreq;
            }
        }

        return vocabulary;
    }

    /// <summary>Copies the files of the folder's last commit into memory.</summary>
    private static RAMDirectory LoadLastCommit(string path)
    {
        using var files = new SimpleFSDirectory(new DirectoryInfo(path));
        if (!DirectoryReader.IndexExists(files))
        {
            throw new IndexUnavailableException($"no index at {path}");
        }

        var commit = DirectoryReader.ListCommits(files)[^1];
        var memory = new RAMDirectory();
        try
        {
            foreach (var name in commit.FileNames)
            {
                files.Copy(memory, name, name, IOContext.READ_ONCE);
            }
        }
        catch
        {
            memory.Dispose();
            throw;
        }

        return memory;
    }

    private static FieldType Freeze(FieldType type)
    {
        type.Freeze();
        return type;
    }
}
