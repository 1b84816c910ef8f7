namespace CareerBot.Knowledge.Intents;

/// <summary>
/// Reads <c>intents/&lt;intent&gt;.txt</c>: a header comment defining the intent, then one
/// utterance a line. <c># example: ...</c> lines name sample questions for suggestions.
/// This is where intent names stop being strings: see <see cref="Intent.FromName"/>.
/// Every mistake is a <see cref="KnowledgeDiagnostic"/> with file and line; the overloads without
/// diagnostics throw them as one <see cref="KnowledgeBaseException"/>.
/// </summary>
public static class UtteranceLoader
{
    private const string ExamplePrefix = "# example:";

    public static UtteranceSet LoadDirectory(string intentsDirectory)
    {
        var diagnostics = new KnowledgeDiagnostics();
        var set = LoadDirectory(intentsDirectory, diagnostics);
        diagnostics.ThrowIfErrors();
        return set;
    }

    /// <summary>
    /// Every intent file of the folder; each problem goes to <paramref name="diagnostics"/>, including an
    /// utterance written in two intents' files (the classifier would be taught both answers).
    /// </summary>
    public static UtteranceSet LoadDirectory(string intentsDirectory, KnowledgeDiagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (!Directory.Exists(intentsDirectory))
        {
            diagnostics.Error(intentsDirectory, 0, "the intents folder does not exist");
            return new UtteranceSet([], [], new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal));
        }

        var examples = new List<LabeledUtterance>();
        var names = new List<string>();
        var samples = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var owners = new Dictionary<string, LabeledUtterance>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(intentsDirectory, "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var parsed = Parse(File.ReadAllLines(file), name, file, diagnostics);
            names.Add(name);
            foreach (var example in parsed.Examples)
            {
                var key = Normalize(example.Text);
                if (owners.TryGetValue(key, out var other) && other.Intent != example.Intent)
                {
                    diagnostics.Error(file, example.Line, $"'{example.Text}' is also an utterance of '{other.Intent}' ({Path.GetFileName(other.File)}:{other.Line}); keep it in one intent");
                    continue;
                }

                owners.TryAdd(key, example);
                examples.Add(example);
            }

            samples[name] = parsed.Samples;
        }

        foreach (var required in Intent.ConversationalIntentNames)
        {
            if (!names.Contains(required))
            {
                diagnostics.Error(Path.Combine(intentsDirectory, required + ".txt"), 0, $"the '{required}' intent has no utterance file");
            }
        }

        return new UtteranceSet(examples, names, samples);
    }

    public static (IReadOnlyList<LabeledUtterance> Examples, IReadOnlyList<string> Samples) Parse(IReadOnlyList<string> lines, string intent, string file)
    {
        var diagnostics = new KnowledgeDiagnostics();
        var parsed = Parse(lines, intent, file, diagnostics);
        diagnostics.ThrowIfErrors();
        return parsed;
    }

    public static (IReadOnlyList<LabeledUtterance> Examples, IReadOnlyList<string> Samples) Parse(IReadOnlyList<string> lines, string intent, string file, KnowledgeDiagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (!Topic.IsValidName(intent))
        {
            diagnostics.Error(file, 0, $"'{intent}' is not a valid intent name (lower-case letters, digits and '_')");
            return ([], []);
        }

        var firstContent = lines.Select((text, index) => (Text: text.Trim(), Line: index + 1)).FirstOrDefault(l => l.Text.Length > 0);
        if (firstContent.Text is null || !firstContent.Text.StartsWith('#'))
        {
            diagnostics.Error(file, firstContent.Line, "an intent file starts with a '#' comment that defines the intent");
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
                diagnostics.Error(file, i + 1, $"'{line}' repeats line {firstLine}");
                continue;
            }

            seen[line] = i + 1;
            examples.Add(new LabeledUtterance(line, intent, file, i + 1));
        }

        if (examples.Count == 0)
        {
            diagnostics.Error(file, 1, "the intent has no utterances");
        }

        return (examples, samples);
    }

    /// <summary>Two utterances are the same when they differ only in case, spacing and punctuation.</summary>
    private static string Normalize(string text)
    {
        var words = text.ToLowerInvariant()
            .Select(c => char.IsLetterOrDigit(c) || c == '\'' ? c : ' ')
            .ToArray();
        return string.Join(' ', new string(words).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
