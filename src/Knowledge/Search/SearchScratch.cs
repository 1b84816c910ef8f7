using Lucene.Net.Index;
using Lucene.Net.Util;

namespace CareerBot.Knowledge.Search;

/// <summary>
/// What one search works in, kept between searches so that a question allocates almost nothing:
/// one terms enumerator and one reusable postings enumerator per segment and searched field,
/// the score sums by document, the documents touched and the heap of the best hits. Used by one
/// search at a time (see <see cref="ScratchPool"/>).
/// </summary>
internal sealed class SearchScratch
{
    public SearchScratch(IList<AtomicReaderContext> leaves, string[] fields, int maxDoc)
    {
        Terms = new TermsEnum?[leaves.Count][];
        Docs = new DocsEnum?[leaves.Count][];
        for (var leaf = 0; leaf < leaves.Count; leaf++)
        {
            Terms[leaf] = new TermsEnum?[fields.Length];
            Docs[leaf] = new DocsEnum?[fields.Length];
            for (var field = 0; field < fields.Length; field++)
            {
                Terms[leaf][field] = leaves[leaf].AtomicReader.GetTerms(fields[field])?.GetEnumerator();
            }
        }

        Found = new bool[leaves.Count];
        Sums = new double[maxDoc];
        Seen = new bool[maxDoc];
    }

    /// <summary>Per segment and field: the terms enumerator (null where the segment has no such field).</summary>
    public TermsEnum?[][] Terms { get; }

    /// <summary>Per segment and field: the postings enumerator Lucene may reuse.</summary>
    public DocsEnum?[][] Docs { get; }

    /// <summary>Per segment: whether it holds the term being scored.</summary>
    public bool[] Found { get; }

    /// <summary>The UTF-8 bytes of the term being looked up.</summary>
    public BytesRef Bytes { get; } = new(32);

    /// <summary>The query's distinct terms, in order.</summary>
    public List<string> QueryTerms { get; } = [];

    /// <summary>Score sums by document (index-wide number); valid where <see cref="Seen"/> is set.</summary>
    public double[] Sums { get; }

    public bool[] Seen { get; }

    /// <summary>The documents with a sum, in the order first scored; cleared after each search.</summary>
    public List<int> Touched { get; } = [];

    /// <summary>The best hits so far as a heap, worst at the root.</summary>
    public List<(float Score, int Doc)> Heap { get; } = [];
}
