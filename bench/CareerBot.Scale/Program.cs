using System.Diagnostics;
using System.Globalization;
using CareerBot.Knowledge;
using CareerBot.Knowledge.Analysis;
using CareerBot.Knowledge.Evaluation;
using CareerBot.Knowledge.Guides;
using CareerBot.Knowledge.Intents;
using CareerBot.Scale;

// Scale curves: synthetic knowledge bases of growing size, measured in process, printed as Markdown.
var settings = ScaleSettings.Parse(args, out var error);
if (settings is null)
{
    Console.Error.WriteLine(error ?? "nothing to measure");
    Console.Error.WriteLine(ScaleSettings.Usage);
    return 2;
}

var clock = Stopwatch.StartNew();
var deadline = Stopwatch.GetTimestamp() + (long)(settings.Budget.TotalSeconds * Stopwatch.Frequency);
void Progress(string message) => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed:hh\\:mm\\:ss}] {message}"));

#if DEBUG
Progress("warning: a Debug build; run with -c Release for figures worth quoting");
#endif

var options = new KnowledgeOptions();
KnowledgePaths.Resolve(options);
var rules = SynonymRules.Load(options.SynonymsPath);
using var analyzer = new KnowledgeAnalyzer(rules);
var realPassages = GuideLoader.LoadDirectory(options.GuidesPath).SelectMany(g => g.Passages).ToArray();
var canonicalTerms = File.ReadLines(options.SynonymsPath)
    .Select(line => line.Split('#')[0].Split(',')[0].Trim())
    .Where(term => term.Length > 0);
var real = RealText.From(realPassages, analyzer, canonicalTerms);
var utterances = UtteranceLoader.LoadDirectory(options.IntentsPath);
var questionFile = Path.Combine(Path.GetDirectoryName(options.BasePath)!, "tests", "Knowledge.Tests", "Evaluation", "questions.yaml");
var realQuestions = QuestionSetLoader.Load(questionFile).Select(q => q.Text).ToArray();

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Scale run: sizes {string.Join(", ", settings.Sizes.Select(s => s.ToString("N0", CultureInfo.InvariantCulture)))}; seed {settings.Seed}; {settings.Questions} generated questions + {realQuestions.Length} evaluation questions per size; {Environment.ProcessorCount} cores; {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (double)(1L << 30):0.0} GiB; load average {LoadAverage()}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Real text: {realPassages.Length} passages, {real.Units.Count:N0} distinct units, {real.Units.Sum(u => u.Count) / (double)realPassages.Length:0} tokens a passage, {realPassages.Count(p => p.IsQuestion)} FAQ passages"));
Console.WriteLine();

// Training first: it needs little memory, and the snapshot of every size needs the real model.
var training = new List<TrainingResult>();
var model = Train("real intent set", utterances.Examples);
if (settings.Training)
{
    Train(utterances.Examples.Count > 1000 ? "1,000 drawn from the real set (each intent in proportion)" : "real set + perturbed copies", UtteranceReplicator.Replicate(utterances.Examples, 1000, settings.Seed));
    Train("real set ×10 (perturbed copies)", UtteranceReplicator.Replicate(utterances.Examples, utterances.Examples.Count * 10, settings.Seed));
    Console.WriteLine("#### Intent training\n");
    Console.WriteLine(MarkdownReport.Training(training));
}

var workDirectory = Path.Combine(Path.GetTempPath(), $"careerbot-scale-{Environment.ProcessId}");
Directory.CreateDirectory(workDirectory);
var results = new List<SizeResult>();
var skipped = new List<(int Size, string Reason)>();
try
{
    var benchmark = new SizeBenchmark(real, rules, model, utterances, realQuestions, settings, workDirectory, Progress);
    double? lastSeconds = null;
    foreach (var size in settings.Sizes)
    {
        if (results.Count > 0 && lastSeconds is { } seconds)
        {
            var previous = results[^1];
            var growth = size / (double)previous.Passages;
            var predictedSeconds = seconds * growth * 1.2;
            var leftSeconds = (deadline - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency;
            var predictedBytes = previous.PeakResident * growth;
            var availableBytes = ProcessMemory.Available + ProcessMemory.WorkingSet;
            if (predictedSeconds > leftSeconds)
            {
                skipped.Add((size, string.Create(CultureInfo.InvariantCulture, $"predicted {predictedSeconds / 60:0} min from the {previous.Passages:N0} run, {Math.Max(0, leftSeconds) / 60:0} min of the budget left")));
                continue;
            }

            if (ProcessMemory.Available > 0 && predictedBytes > availableBytes * 0.9)
            {
                skipped.Add((size, string.Create(CultureInfo.InvariantCulture, $"predicted peak {predictedBytes / (1L << 30):0.0} GiB from the {previous.Passages:N0} run, {availableBytes / (double)(1L << 30):0.0} GiB available")));
                continue;
            }
        }

        ProcessMemory.ManagedAfterFullCollection();
        ProcessMemory.ResetPeak();
        var loadBefore = LoadAverage();
        var started = clock.Elapsed;
        try
        {
            var result = benchmark.Run(size, deadline);
            results.Add(result);
            lastSeconds = (clock.Elapsed - started).TotalSeconds;
            Console.WriteLine(MarkdownReport.Size(result, $"{loadBefore} / {LoadAverage()}"));
        }
        catch (OutOfMemoryException)
        {
            skipped.Add((size, "ran out of memory"));
            ProcessMemory.ManagedAfterFullCollection();
        }
    }
}
finally
{
    Directory.Delete(workDirectory, recursive: true);
}

Console.WriteLine("#### Summary\n");
Console.WriteLine(MarkdownReport.Summary(results, skipped));
Console.WriteLine("#### Targets\n");
Console.WriteLine(MarkdownReport.Targets(results, training));
Progress($"done in {clock.Elapsed.TotalMinutes:0.0} min");
return 0;

// Each set is trained three times (the same model each time): the median is reported, so one
// stall of the shared machine does not decide the comparison with the target.
IntentModel Train(string name, IReadOnlyList<LabeledUtterance> examples)
{
    IntentModel? trained = null;
    var seconds = new double[3];
    for (var run = 0; run < seconds.Length; run++)
    {
        var stopwatch = Stopwatch.StartNew();
        trained = IntentTrainer.Fit(examples, rules);
        seconds[run] = stopwatch.Elapsed.TotalSeconds;
    }

    Array.Sort(seconds);
    training.Add(new TrainingResult(name, examples.Count, trained!.ClassNames.Count, trained.FeatureCount, trained.Threshold, seconds[1], seconds[0], seconds[^1]));
    Progress(string.Create(CultureInfo.InvariantCulture, $"trained on {examples.Count:N0} utterances ({name}) in {seconds[0]:F2}-{seconds[^1]:F2} s"));
    return trained;
}

static string LoadAverage()
{
    try
    {
        return File.ReadAllText("/proc/loadavg").Split(' ')[0];
    }
    catch (IOException)
    {
        return "?";
    }
}
