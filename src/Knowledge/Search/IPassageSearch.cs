namespace CareerBot.Knowledge.Search;

/// <summary>
/// The full-text seam: analysed terms in, ranked passages out. SQLite FTS5 implements it
/// here; a Lucene.Net index could stand in where that package can be had.
/// </summary>
public interface IPassageSearch
{
    /// <summary>Passages matching any of <paramref name="terms"/>, best first.</summary>
    IReadOnlyList<SearchHit> Search(IReadOnlyList<string> terms, int limit);

    /// <summary>How many passages contain each indexed word (unstemmed): the vocabulary for typo correction.</summary>
    IReadOnlyDictionary<string, int> Vocabulary { get; }
}
