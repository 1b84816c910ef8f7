namespace CareerBot.Knowledge.Search;

/// <summary>One passage the index found, with its BM25 score (higher is better).</summary>
public readonly record struct SearchHit(int Ordinal, double Score);
