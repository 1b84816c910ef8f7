namespace CareerBot.Knowledge.Analysis;

/// <summary>Maps a word the index does not know to the closest one it does (question analysis only).</summary>
public interface ITermCorrector
{
    string Correct(string word);
}
