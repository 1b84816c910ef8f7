namespace CareerBot.Knowledge.Import;

/// <summary>
/// Reads a plain-text page: blank lines separate paragraphs; a line in ALL CAPS, or one
/// ending with ':' that no list follows, is a section heading; a first line standing alone is
/// the title; lines starting "- ", "* ", "• " or "1." are list items; under an FAQ heading, a
/// line ending with '?' that opens a paragraph is a question.
/// </summary>
internal sealed class TextGuideReader : IGuideReader
{
    public SourceDocument Read(string content)
    {
        var paragraphs = Text.Paragraphs.Of(content);
        string? title = null;
        if (paragraphs.Count > 0 && paragraphs[0] is [var first] && !first.EndsWith(':') && !EndsSentence(first) && !IsListItem(first, out _, out _))
        {
            title = ImportText.Normalize(first);
            paragraphs.RemoveAt(0);
        }

        var blocks = new List<SourceBlock>();
        var inFaq = false;
        foreach (var lines in paragraphs)
        {
            var text = new List<string>();
            var items = new List<string>();
            var ordered = false;
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                if (IsListItem(line, out var item, out var numbered))
                {
                    if (text.Count > 0 || (items.Count > 0 && numbered != ordered))
                    {
                        Flush(blocks, text, items, ordered);
                    }

                    ordered = numbered;
                    items.Add(item);
                    continue;
                }

                var nextIsItem = i + 1 < lines.Count && IsListItem(lines[i + 1], out _, out _);
                if (IsAllCaps(line) || (line.EndsWith(':') && !nextIsItem))
                {
                    Flush(blocks, text, items, ordered);
                    var heading = ImportText.Normalize(line.TrimEnd(':'));
                    inFaq = ImportText.IsFaq(heading);
                    blocks.Add(new SourceHeading(2, heading));
                    continue;
                }

                if (inFaq && i == 0 && ImportText.IsQuestion(line))
                {
                    blocks.Add(new SourceHeading(3, ImportText.Normalize(line)));
                    continue;
                }

                if (items.Count > 0)
                {
                    Flush(blocks, text, items, ordered);
                }

                text.Add(line);
            }

            Flush(blocks, text, items, ordered);
        }

        return new SourceDocument(title, blocks);
    }

    private static void Flush(List<SourceBlock> blocks, List<string> text, List<string> items, bool ordered)
    {
        var paragraph = ImportText.Normalize(string.Join(' ', text));
        if (paragraph.Length > 0)
        {
            blocks.Add(new SourceParagraph(paragraph));
        }

        if (items.Count > 0)
        {
            blocks.Add(new SourceList(ordered, items.ToArray()));
        }

        text.Clear();
        items.Clear();
    }

    private static bool IsAllCaps(string line) =>
        line.Count(char.IsLetter) >= 2 && !line.Any(char.IsLower) && line.Length <= 100;

    private static bool EndsSentence(string line) => line.EndsWith('.') || line.EndsWith('!') || line.EndsWith('?');

    private static bool IsListItem(string line, out string item, out bool ordered)
    {
        ordered = false;
        item = string.Empty;
        if (line.Length > 2 && line[0] is '-' or '*' or '•' or '+' && line[1] == ' ')
        {
            item = ImportText.Normalize(line[2..]);
            return item.Length > 0;
        }

        var digits = 0;
        while (digits < line.Length && digits < 3 && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        if (digits > 0 && digits + 1 < line.Length && line[digits] is '.' or ')' && line[digits + 1] == ' ')
        {
            ordered = true;
            item = ImportText.Normalize(line[(digits + 2)..]);
            return item.Length > 0;
        }

        return false;
    }
}
