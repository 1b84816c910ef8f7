using CareerBot.Knowledge.Guides;

namespace CareerBot.Knowledge.Search;

/// <summary>
/// A passage as the retriever ranked it: its final score, the raw BM25 score, and the
/// IDF-weighted share of the query's terms it contains (0..1).
/// </summary>
public sealed record RankedPassage(Passage Passage, double Score, double Bm25, double Coverage);
