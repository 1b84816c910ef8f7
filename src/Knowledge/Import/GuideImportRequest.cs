namespace CareerBot.Knowledge.Import;

/// <summary>A page to import as a guide.</summary>
/// <param name="FileName">The page's file name; its extension picks the format (.html, .htm, .md, .txt).</param>
/// <param name="Content">The page's text.</param>
/// <param name="Id">The guide id: a lowercase slug, also the file name of the guide.</param>
/// <param name="Updated">The guide's <c>updated</c> date (the day of the import).</param>
/// <param name="Title">The title, instead of the page's first level-1 heading.</param>
/// <param name="Source">The <c>source</c> line, instead of "title (imported from file)".</param>
public sealed record GuideImportRequest(string FileName, string Content, string Id, DateOnly Updated, string? Title = null, string? Source = null);
