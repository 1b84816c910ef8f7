using CareerBot.Knowledge.Guides;
using CareerBot.Knowledge.Intents;

namespace CareerBot.Knowledge;

/// <summary>
/// The checks that span files: guides' topics against the intent files, and guides' wording against
/// their source pages. Each problem goes to the diagnostics with the file and line.
/// </summary>
public static class KnowledgeChecks
{
    /// <summary>
    /// Every topic a guide names must have its utterance file (error: no question would ever be routed
    /// to it), and must be a topic, not a conversational intent. A topic intent no passage is tagged
    /// with is a warning: questions about it can only be declined.
    /// </summary>
    public static void Topics(IReadOnlyList<Guide> guides, UtteranceSet utterances, KnowledgeDiagnostics diagnostics, bool warnUntagged = true)
    {
        ArgumentNullException.ThrowIfNull(guides);
        ArgumentNullException.ThrowIfNull(utterances);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var topics = utterances.IntentNames.Where(n => !Intent.ConversationalIntentNames.Contains(n)).ToList();
        var tagged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var guide in guides)
        {
            foreach (var tag in guide.TopicTags)
            {
                var name = tag.Topic.Name;
                tagged.Add(name);
                if (Intent.ConversationalIntentNames.Contains(name))
                {
                    diagnostics.Error(guide.FilePath, tag.Line, $"'{name}' is a conversational intent, not a topic; topics are {string.Join(", ", topics)}");
                }
                else if (!topics.Contains(name))
                {
                    var closest = NameSuggester.Closest(name, topics);
                    var hint = closest is null ? $"topics are {string.Join(", ", topics)}" : $"did you mean '{closest}'?";
                    diagnostics.Error(guide.FilePath, tag.Line, $"topic '{name}' has no intent file (intents/{name}.txt), so no question is routed to it; {hint}");
                }
            }
        }

        if (guides.Count == 0 || !warnUntagged)
        {
            return;
        }

        foreach (var topic in topics.Where(t => !tagged.Contains(t)))
        {
            var file = utterances.Examples.FirstOrDefault(e => e.Intent == topic)?.File ?? topic + ".txt";
            diagnostics.Warning(file, 0, $"no guide passage is tagged '{topic}', so questions about it are declined");
        }
    }

    /// <summary>Every run of nine or more words a guide file shares with a source page is an error.</summary>
    public static void Wording(IEnumerable<string> guideFiles, IReadOnlyList<SourceText> sources, KnowledgeDiagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(guideFiles);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (sources.Count == 0)
        {
            return;
        }

        foreach (var file in guideFiles)
        {
            foreach (var run in CopiedText.Find(File.ReadAllText(file), sources))
            {
                diagnostics.Error(file, run.Line, $"{run.Words} words as in the source {run.Source}, restate them in our own words: \"{run.Text}\"");
            }
        }
    }

    /// <summary>
    /// The source pages every guide is checked against: the files in <c>sources/</c> and those listed in
    /// <c>sources.txt</c>. Both are optional (the sources of the committed guides live outside the
    /// repository); a listed file that is missing is a warning, not an error.
    /// </summary>
    public static IReadOnlyList<SourceText> Sources(KnowledgeOptions options, KnowledgeDiagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var files = new List<string>();
        if (Directory.Exists(options.SourcesPath))
        {
            files.AddRange(SourceFilesIn(options.SourcesPath));
        }

        if (File.Exists(options.SourceListPath))
        {
            var lines = File.ReadAllLines(options.SourceListPath);
            for (var i = 0; i < lines.Length; i++)
            {
                var entry = lines[i].Split('#', 2)[0].Trim();
                if (entry.Length == 0)
                {
                    continue;
                }

                var path = Path.GetFullPath(Path.Combine(options.BasePath, entry));
                if (Directory.Exists(path))
                {
                    files.AddRange(SourceFilesIn(path));
                }
                else if (File.Exists(path))
                {
                    files.Add(path);
                }
                else
                {
                    diagnostics.Warning(options.SourceListPath, i + 1, $"source '{entry}' is not there, so no guide is checked against it");
                }
            }
        }

        return files.Distinct(StringComparer.Ordinal).Select(CopiedText.ReadSource).ToList();
    }

    private static IEnumerable<string> SourceFilesIn(string directory) =>
        Directory.EnumerateFiles(directory)
            .Where(f => CopiedText.Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal);
}
