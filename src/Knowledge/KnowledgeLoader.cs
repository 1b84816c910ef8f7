using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using CareerBot.Knowledge.Analysis;
using CareerBot.Knowledge.Guides;
using CareerBot.Knowledge.Intents;
using CareerBot.Knowledge.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareerBot.Knowledge;

/// <summary>
/// Builds and opens the files the bot answers from. The index is rebuilt when the guides
/// or synonyms change (by content hash), or when it is missing or corrupt; the model is
/// retrained when the utterances or synonyms change. Each of them first runs <see cref="Check"/>,
/// the same checks as the <c>lint</c> verb: any error stops it with a <see cref="KnowledgeBaseException"/>
/// listing every error with file and line, and warnings are logged (event 1006).
/// </summary>
public sealed class KnowledgeLoader(KnowledgeOptions options, ILogger? logger = null)
{
    /// <summary>
    /// Bumped whenever analysis changes the terms indexed for the same text. What the loader makes of the
    /// files needs no bump: the index's hash is taken over the passages as they are written (see
    /// <see cref="IndexHash(IReadOnlyList{Passage})"/>).
    /// </summary>
    private const string AnalysisVersion = "analysis-4-lucene";

    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    public KnowledgeOptions Options { get; } = options;

    /// <summary>Opens the index and model, building either first when missing, stale or corrupt.</summary>
    public KnowledgeSnapshot Load() => Load(rebuildStale: true);

    /// <summary>
    /// Opens the index and model. With <paramref name="rebuildStale"/> false, an index or model that is
    /// missing, corrupt or built from other files or settings is an <see cref="InvalidDataException"/>
    /// instead of being rebuilt: a reload caused by a new file in the data folder must not write over
    /// that file (a second version of the bot sharing the folder would otherwise retrain over each
    /// other's model for as long as both run).
    /// </summary>
    public KnowledgeSnapshot Load(bool rebuildStale)
    {
        // The model zip and the index are read while the files are parsed and checked: on two cores that
        // halves the time to the first answer. Each is used only if it turns out to match the files.
        var started = Stopwatch.GetTimestamp();
        var savedModel = File.Exists(Options.ModelPath) ? Task.Run(() => IntentModel.Read(Options.ModelPath)) : null;
        var openedIndex = Task.Run(() => TryOpenIndex(Options.IndexPath, Options.Retrieval.FieldWeights));
        KnowledgeCheck check;
        try
        {
            check = CheckOrThrow();
        }
        catch
        {
            DisposeWhenDone(openedIndex);
            Observe(savedModel);
            throw;
        }

        var rules = check.Rules;
        var utterances = check.Utterances;
        var checkedAt = Stopwatch.GetTimestamp();
        PassageIndex index;
        try
        {
            index = OpenOrBuildIndex(check, rebuildStale, openedIndex.GetAwaiter().GetResult());
        }
        catch
        {
            Observe(savedModel);
            throw;
        }

        var indexAt = Stopwatch.GetTimestamp();
        IntentModel? model = null;
        try
        {
            model = LoadOrTrainModel(utterances, rules, rebuildStale, savedModel);
            var modelAt = Stopwatch.GetTimestamp();
            var snapshot = new KnowledgeSnapshot(index, model, rules, utterances.SampleQuestions, Options, RepeatedWords(utterances));
            Log.KnowledgeLoaded(_logger, index.Passages.Count, snapshot.Topics.Count, index.ContentHash[..12]);
            Log.KnowledgeLoadSteps(
                _logger,
                Stopwatch.GetElapsedTime(started, checkedAt).TotalMilliseconds,
                Stopwatch.GetElapsedTime(checkedAt, indexAt).TotalMilliseconds,
                Stopwatch.GetElapsedTime(indexAt, modelAt).TotalMilliseconds,
                Stopwatch.GetElapsedTime(modelAt).TotalMilliseconds);
            return snapshot;
        }
        catch
        {
            index.Dispose();
            model?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// What the bot serves from: <see cref="Load(bool)"/>, then one sample question answered and thrown away
    /// (<see cref="KnowledgeSnapshot.WarmUp"/>), so that the first visitor does not wait while a prediction
    /// engine is made and the answer path compiled.
    /// </summary>
    public KnowledgeSnapshot LoadWarm(bool rebuildStale = true)
    {
        var snapshot = Load(rebuildStale);
        try
        {
            snapshot.WarmUp();
        }
        catch
        {
            snapshot.Dispose();
            throw;
        }

        return snapshot;
    }

    /// <summary>The index as it is on disk, or why it cannot be used.</summary>
    private static (PassageIndex? Index, string? Problem) TryOpenIndex(string path, FieldWeights weights)
    {
        try
        {
            return (PassageIndex.Open(path, weights), null);
        }
        catch (IndexUnavailableException ex)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>An index opened ahead that will not be used is closed once its opening finishes.</summary>
    private static void DisposeWhenDone(Task<(PassageIndex? Index, string? Problem)> opening) =>
        opening.ContinueWith(static t => t.Result.Index?.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);

    /// <summary>A model read ahead that will not be used: its failure, if any, is observed, not left to the finalizer.</summary>
    private static void Observe(Task? reading) =>
        reading?.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    /// <summary>Parses every guide and writes the index folder; returns the passage count.</summary>
    public int BuildIndex()
    {
        var check = CheckOrThrow();
        var passages = PassagesOf(check);
        return BuildIndex(check, passages, IndexHash(passages));
    }

    /// <summary>
    /// Reads the whole knowledge base and checks it, reporting every problem instead of stopping at the
    /// first: front matter, sections, topics against the intent files, passage ids, utterances, synonyms,
    /// and guides' wording against the saved source pages. Never throws for a knowledge-base mistake.
    /// </summary>
    public KnowledgeCheck Check()
    {
        var diagnostics = new KnowledgeDiagnostics();
        var rules = SynonymRules.Load(Options.SynonymsPath, diagnostics);
        var utterances = UtteranceLoader.LoadDirectory(Options.IntentsPath, diagnostics);
        var guides = GuideLoader.LoadDirectory(Options.GuidesPath, diagnostics);
        KnowledgeChecks.Topics(guides, utterances, diagnostics);
        KnowledgeChecks.Wording(guides.Select(g => g.FilePath), KnowledgeChecks.Sources(Options, diagnostics), diagnostics);
        return new KnowledgeCheck(diagnostics, rules, utterances, guides);
    }

    /// <summary>
    /// Checks a draft guide (not yet in guides/) as it would be checked once published: the guide itself,
    /// its topics against the intent files, and its wording against the page it was imported from
    /// (<c>&lt;id&gt;.source.*</c> beside it) and the knowledge base's source pages.
    /// </summary>
    public KnowledgeDiagnostics CheckDraft(string draftPath)
    {
        ArgumentNullException.ThrowIfNull(draftPath);
        var diagnostics = new KnowledgeDiagnostics();
        var guide = GuideLoader.Parse(File.ReadAllText(draftPath), draftPath, diagnostics);
        var utterances = UtteranceLoader.LoadDirectory(Options.IntentsPath, new KnowledgeDiagnostics());
        KnowledgeChecks.Topics([guide], utterances, diagnostics, warnUntagged: false);
        var sources = DraftSources(draftPath).Select(CopiedText.ReadSource).Concat(KnowledgeChecks.Sources(Options, diagnostics)).ToList();
        KnowledgeChecks.Wording([draftPath], sources, diagnostics);
        return diagnostics;
    }

    /// <summary>The saved pages a draft was imported from: <c>&lt;id&gt;.source.&lt;ext&gt;</c> in its folder.</summary>
    public static IReadOnlyList<string> DraftSources(string draftPath)
    {
        ArgumentNullException.ThrowIfNull(draftPath);
        var folder = Path.GetDirectoryName(Path.GetFullPath(draftPath))!;
        var prefix = Path.GetFileNameWithoutExtension(draftPath) + ".source.";
        return Directory.EnumerateFiles(folder, prefix + "*")
            .Where(f => CopiedText.Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary><see cref="Check"/>, with warnings logged and errors thrown.</summary>
    private KnowledgeCheck CheckOrThrow()
    {
        var check = Check();
        foreach (var warning in check.Diagnostics.Warnings)
        {
            Log.KnowledgeBaseWarning(_logger, warning.Location());
        }

        check.Diagnostics.ThrowIfErrors();
        return check;
    }

    /// <summary>
    /// The words of the example utterances that occur in at least two of them: words visitors
    /// use, which typo correction must leave alone. A one-off misspelling among them is not one,
    /// and neither is a repeated one: a word at least three times rarer than a word one edit
    /// away (two from eight letters on, as the corrector reaches) is taken for its misspelling
    /// ("skils" beside "skills"), while "later" beside the rarer "layer" stays a word.
    /// </summary>
    internal static IEnumerable<string> RepeatedWords(UtteranceSet utterances)
    {
        var counts = utterances.Examples
            .SelectMany(e => KnowledgeAnalyzer.WordsOf(e.Text).Distinct(StringComparer.Ordinal))
            .Where(t => t.Length >= 4 && t.All(char.IsAsciiLetterLower))
            .GroupBy(t => t, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        // Only a word in at least six utterances can be three times commoner than a repeated one: few are.
        var byLength = counts.Where(p => p.Value >= 6).Select(p => p.Key).ToLookup(w => w.Length);
        return counts.Where(p => p.Value >= 2 && !IsMisspelling(p.Key, p.Value)).Select(p => p.Key).ToList();

        bool IsMisspelling(string word, int count)
        {
            var reach = word.Length >= 8 ? 2 : 1;
            for (var length = word.Length - reach; length <= word.Length + reach; length++)
            {
                foreach (var other in byLength[length])
                {
                    if (counts[other] >= 3 * count && other != word && EditDistance.Bounded(word, other, reach) <= reach)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    /// <summary>Trains the intent model on the utterance files and saves it next to the index.</summary>
    public IntentModel Train()
    {
        var check = CheckOrThrow();
        return Train(check.Utterances, check.Rules);
    }

    /// <summary>
    /// Hash of everything the index holds for <paramref name="passages"/>: each passage as it is written
    /// (every field, <see cref="PassageIndex.AppendFingerprint"/>), the synonyms, and the analysis version.
    /// Taken over the passages rather than the guide files, so an index written by a loader that made
    /// other passages of the same files (a714218 dropped a doubled heading line, and the version had to
    /// be bumped by hand for the index to be rebuilt) no longer matches.
    /// </summary>
    public string IndexHash(IReadOnlyList<Passage> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{AnalysisVersion}/{PassageIndex.SchemaVersion}\n"));
        if (File.Exists(Options.SynonymsPath))
        {
            hash.AppendData(File.ReadAllBytes(Options.SynonymsPath));
        }

        PassageIndex.AppendFingerprint(hash, passages);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static Passage[] PassagesOf(KnowledgeCheck check) => [.. check.Guides.SelectMany(g => g.Passages)];

    private PassageIndex OpenOrBuildIndex(KnowledgeCheck check, bool rebuildStale, (PassageIndex? Index, string? Problem) opened)
    {
        var passages = PassagesOf(check);
        var expected = IndexHash(passages);
        string reason;
        if (opened.Index is { } index)
        {
            if (index.ContentHash == expected)
            {
                return index;
            }

            index.Dispose();
            reason = "the knowledge base changed";
        }
        else
        {
            reason = opened.Problem!;
        }

        NotForThisBot(Options.IndexPath, reason, rebuildStale);
        Log.RebuildingIndex(_logger, Options.IndexPath, reason);
        BuildIndex(check, passages, expected);
        return PassageIndex.Open(Options.IndexPath, Options.Retrieval.FieldWeights);
    }

    private int BuildIndex(KnowledgeCheck check, Passage[] passages, string contentHash)
    {
        var stopwatch = Stopwatch.StartNew();
        var guides = check.Guides;
        using (var analyzer = new KnowledgeAnalyzer(check.Rules))
        {
            PassageIndex.Build(Options.IndexPath, passages, analyzer, contentHash);
        }

        Log.IndexBuilt(_logger, Options.IndexPath, passages.Length, guides.Count, stopwatch.ElapsedMilliseconds);
        return passages.Length;
    }

    private IntentModel LoadOrTrainModel(UtteranceSet utterances, SynonymRules synonyms, bool rebuildStale, Task<IntentModel.SavedIntentModel>? reading)
    {
        var expected = IntentTrainer.TrainingHash(utterances.Examples, synonyms, Options.Trainer);
        string reason;
        if (reading is not null)
        {
            try
            {
                // The zip was read ahead, but a model trained from other files or settings is never used.
                var saved = reading.GetAwaiter().GetResult();
                if (saved.TrainingHash == expected)
                {
                    return saved.Bind(synonyms);
                }

                reason = "trained on other utterances, synonyms or settings, or by another version";
            }
            catch (InvalidDataException ex)
            {
                reason = ex.Message;
            }
        }
        else
        {
            reason = "no model file";
        }

        NotForThisBot(Options.ModelPath, reason, rebuildStale);
        Log.Retraining(_logger, Options.ModelPath, reason);
        return Train(utterances, synonyms);
    }

    private static void NotForThisBot(string path, string reason, bool rebuildStale)
    {
        if (!rebuildStale)
        {
            throw new InvalidDataException($"{path} does not match this bot's knowledge base and settings ({reason}); it is left as it is. Run `index` or `train` from this version, or give each version its own Knowledge:DataPath.");
        }
    }

    private IntentModel Train(UtteranceSet utterances, SynonymRules synonyms)
    {
        var stopwatch = Stopwatch.StartNew();
        var model = IntentTrainer.Fit(utterances.Examples, synonyms, Options.Trainer);
        model.Save(Options.ModelPath);
        Log.ModelTrained(_logger, Options.ModelPath, utterances.Examples.Count, model.ClassNames.Count, model.FeatureCount, model.Threshold, stopwatch.ElapsedMilliseconds);
        return model;
    }
}
