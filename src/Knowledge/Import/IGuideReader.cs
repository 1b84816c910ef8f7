namespace CareerBot.Knowledge.Import;

/// <summary>Reads one file format into a <see cref="SourceDocument"/>.</summary>
internal interface IGuideReader
{
    SourceDocument Read(string content);
}
