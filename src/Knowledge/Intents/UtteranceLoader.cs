namespace CareerBot.Knowledge.Intents;

/// <summary>
/// Reads <c>intents/&lt;intent&gt;.txt</c>: a header comment defining the intent, then one
/// utterance a line. <c># example: ...</c> lines name sample questions for suggestions.
/// This is where intent names stop being strings: see <see cref="Intent.FromName"/>.
/// </summary>
public static class UtteranceLoader
{
    private const string ExamplePrefix = "# example:";

    public static UtteranceSet LoadDirectory(string intentsDirectory)
    {
        if (!Directory.Exists(intentsDirectory))
        {
            throw new KnowledgeBaseException(intentsDirectory, 0, "the intents folder does not exist");
        }

        var examples = new List<LabeledUtterance>();
        var names = new List<string>();
        var samples = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(intentsDirectory, "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var parsed = Parse(File.ReadAllLines(file), name, file);
            names.Add(name);
            examples.AddRange(parsed.Examples);
            samples[name] = parsed.Samples;
        }

        foreach (var required in Intent.ConversationalIntentNames)
        {
            if (!names.Contains(required))
            {
                throw new KnowledgeBaseException(Path.Combine(intentsDirectory, required + ".txt"), 0, $"the '{required}' intent has no utterance file");
            }
        }

        return new UtteranceSet(examples, names, samples);
    }

    public static (IReadOnlyList<LabeledUtterance> Examples, IReadOnlyList<string> Samples) Parse(IReadOnlyList<string> lines, string intent, string file)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (!Topic.IsValidName(intent))
        {
            throw new KnowledgeBaseException(file, 0, $"'{intent}' is not a valid intent name (lower-case letters, digits and '_')");
        }

        var firstContent = lines.Select((text, index) => (Text: text.Trim(), Line: index + 1)).FirstOrDefault(l => l.Text.Length > 0);
        if (firstContent.Text is null || !firstContent.Text.StartsWith('#'))
        {
            throw new KnowledgeBaseException(file, firstContent.Line, "an intent file starts with a '#' comment that defines the intent");
        }

        var examples = new List<LabeledUtterance>();
        var samples = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith(ExamplePrefix, StringComparison.OrdinalIgnoreCase))
            {
                var sample = line[ExamplePrefix.Length..].Trim();
                if (sample.Length > 0)
                {
                    samples.Add(sample);
                }

                continue;
            }

            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (seen.TryGetValue(line, out var firstLine))
            {
                throw new KnowledgeBaseException(file, i + 1, $"'{line}' repeats line {firstLine}");
            }

            seen[line] = i + 1;
            examples.Add(new LabeledUtterance(line, intent, file, i + 1));
        }

        if (examples.Count == 0)
        {
            throw new KnowledgeBaseException(file, 1, "the intent has no utterances");
        }

        return (examples, samples);
    }
}
