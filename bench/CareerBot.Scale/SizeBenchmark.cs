using System.Diagnostics;
using CareerBot.Knowledge;
using CareerBot.Knowledge.Answers;
using CareerBot.Knowledge.Intents;
using CareerBot.Knowledge.Search;
using CareerBot.Knowledge.Text;

namespace CareerBot.Scale;

/// <summary>
/// One size, end to end as the bot would meet it: generate the passages, build the FTS5
/// index file, open it and construct the knowledge snapshot (in-memory search, retriever,
/// composer) the way <see cref="KnowledgeLoader"/> does, then time retrieval and whole
/// answers question by question, and read the process's memory.
/// </summary>
internal sealed class SizeBenchmark(
    RealText real,
    SynonymMap synonyms,
    IIntentClassifier model,
    UtteranceSet utterances,
    IReadOnlyList<string> realQuestions,
    ScaleSettings settings,
    string workDirectory,
    Action<string> progress)
{
    /// <summary>Answers run untimed first, so that the JIT has settled before anything is timed.</summary>
    private const int MinWarmUpCalls = 50;

    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(2);

    public SizeResult Run(int size, long deadline)
    {
        var options = new KnowledgeOptions();
        var tokensPerPassage = real.Units.Sum(u => (long)u.Count) / (double)real.Shapes.Count;
        var tokens = (long)(tokensPerPassage * size);
        var stopwatch = Stopwatch.StartNew();
        var vocabulary = ZipfVocabulary.Build([.. real.Units.Select(u => u.Unit)], ZipfVocabulary.HeapsSize(tokens), settings.Seed);
        var passages = SyntheticKnowledgeBase.Generate(real, vocabulary, size, settings.Seed + size);
        var generated = QuestionGenerator.Generate(passages, vocabulary, settings.Questions, settings.Seed + size + 1);
        var generateSeconds = stopwatch.Elapsed.TotalSeconds;
        var questionPassages = passages.Count(p => p.IsQuestion);
        progress($"{size:N0} passages generated in {generateSeconds:F1} s ({vocabulary.Count:N0} Zipf ranks)");
        if (settings.Samples > 0)
        {
            PrintSamples(passages, generated);
        }

        var path = Path.Combine(workDirectory, $"index-{size}.db");
        stopwatch.Restart();
        PassageIndex.Build(path, passages, new TextAnalyzer(synonyms), $"synthetic-{size}-{settings.Seed}");
        var buildSeconds = stopwatch.Elapsed.TotalSeconds;
        var indexBytes = new FileInfo(path).Length;
        progress($"index built in {buildSeconds:F1} s, {indexBytes / 1048576.0:F0} MiB");

        // The generated passages go: the process serves from what the index file holds, as the bot does.
        passages = null;
        ProcessMemory.ManagedAfterFullCollection();

        stopwatch.Restart();
        var index = PassageIndex.Open(path, options.Retrieval.TitleWeight, options.Retrieval.BodyWeight);
        var openSeconds = stopwatch.Elapsed.TotalSeconds;
        stopwatch.Restart();
        using var snapshot = new KnowledgeSnapshot(index, index.Passages, model, synonyms, utterances.SampleQuestions, options, index.ContentHash);
        var snapshotSeconds = stopwatch.Elapsed.TotalSeconds;
        var managedAfterLoad = ProcessMemory.ManagedAfterFullCollection();
        var workingSetAfterLoad = ProcessMemory.WorkingSet;
        progress($"opened in {openSeconds:F1} s, snapshot in {snapshotSeconds:F1} s, managed heap {managedAfterLoad / 1048576.0:F0} MiB");

        var questions = generated.Concat(realQuestions).ToArray();
        var isReal = questions.Select((_, i) => i >= generated.Count).ToArray();
        var engine = new AnswerEngine(snapshot);
        WarmUp(engine, questions);

        // Understanding (classify, analyse, correct typos) is timed on its own: it is the part of an answer retrieval does not include.
        var analyses = new QuestionAnalysis[questions.Length];
        var understand = new List<long>(questions.Length);
        for (var i = 0; i < questions.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            analyses[i] = engine.Understand(new Question(questions[i]));
            understand.Add(Stopwatch.GetTimestamp() - start);
        }

        var retrieve = new List<long>(questions.Length);
        var retrieveReal = new List<long>();
        string? note = null;
        for (var i = 0; i < analyses.Length; i++)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                note = $"time budget reached after {i} of {analyses.Length} retrievals";
                break;
            }

            var start = Stopwatch.GetTimestamp();
            snapshot.Retriever.Retrieve(analyses[i].Query, options.Retrieval.Candidates);
            var ticks = Stopwatch.GetTimestamp() - start;
            retrieve.Add(ticks);
            if (isReal[i])
            {
                retrieveReal.Add(ticks);
            }
        }

        var answer = new List<long>(questions.Length);
        var answerReal = new List<long>();
        var answered = 0;
        for (var i = 0; i < questions.Length && note is null; i++)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                note = $"time budget reached after {i} of {questions.Length} answers";
                break;
            }

            var start = Stopwatch.GetTimestamp();
            var reply = engine.Answer(new Question(questions[i]));
            var ticks = Stopwatch.GetTimestamp() - start;
            answer.Add(ticks);
            if (isReal[i])
            {
                answerReal.Add(ticks);
            }

            if (reply.Kind == AnswerKind.Answered)
            {
                answered++;
            }
        }

        var result = new SizeResult(
            size, (size + SyntheticKnowledgeBase.PassagesPerGuide - 1) / SyntheticKnowledgeBase.PassagesPerGuide, questionPassages, tokens,
            vocabulary.Count, index.Vocabulary.Count, generateSeconds, buildSeconds, indexBytes, openSeconds, snapshotSeconds,
            Latency.Of(understand), Latency.Of(retrieve), Latency.Of(retrieveReal), Latency.Of(answer), Latency.Of(answerReal), answered, answer.Count,
            managedAfterLoad, workingSetAfterLoad, ProcessMemory.ManagedAfterFullCollection(), ProcessMemory.WorkingSet, ProcessMemory.Peak, note);
        snapshot.Dispose();
        File.Delete(path);
        return result;
    }

    private static void WarmUp(AnswerEngine engine, IReadOnlyList<string> questions)
    {
        var stopwatch = Stopwatch.StartNew();
        for (var calls = 0; calls < MinWarmUpCalls || (stopwatch.Elapsed < WarmUpTime && calls < 4 * questions.Count); calls++)
        {
            engine.Answer(new Question(questions[calls % questions.Count]));
        }
    }

    private void PrintSamples(IReadOnlyList<Knowledge.Guides.Passage> passages, IReadOnlyList<string> questions)
    {
        foreach (var passage in passages.Take(settings.Samples))
        {
            progress($"passage {passage.Id} [{string.Join(", ", passage.Topics)}]{(passage.IsQuestion ? " FAQ" : string.Empty)}\n  path: {passage.SectionPath}\n  {passage.Text.Replace("\n", "\n  ", StringComparison.Ordinal)}");
        }

        foreach (var question in questions.Take(settings.Samples))
        {
            progress($"question: {question}");
        }
    }
}
