namespace CareerBot.Knowledge.Text;

/// <summary>Plain text's paragraphs: its non-blank lines, trimmed, grouped between blank lines.</summary>
public static class Paragraphs
{
    public static List<List<string>> Of(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var paragraphs = new List<List<string>>();
        List<string>? current = null;
        foreach (var raw in content.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                current = null;
                continue;
            }

            if (current is null)
            {
                current = [];
                paragraphs.Add(current);
            }

            current.Add(line);
        }

        return paragraphs;
    }
}
