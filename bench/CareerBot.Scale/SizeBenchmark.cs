using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CareerBot.Knowledge;
using CareerBot.Knowledge.Analysis;
using CareerBot.Knowledge.Answers;
using CareerBot.Knowledge.Intents;
using CareerBot.Knowledge.Search;

namespace CareerBot.Scale;

/// <summary>
/// One size, end to end as the bot would meet it: generate the passages, build the Lucene
/// index folder, open it and construct the knowledge snapshot (searcher, retriever,
/// composer) the way <see cref="KnowledgeLoader"/> does, then time retrieval and whole
/// answers question by question, and read the process's memory.
/// </summary>
internal sealed class SizeBenchmark(
    RealText real,
    SynonymRules synonyms,
    IIntentClassifier model,
    UtteranceSet utterances,
    IReadOnlyList<string> realQuestions,
    ScaleSettings settings,
    string workDirectory,
    Action<string> progress)
{
    /// <summary>Answers run untimed first, so that the JIT has settled before anything is timed.</summary>
    private const int MinWarmUpCalls = 50;

    /// <summary>Each question is timed this many times; its latency is the median.</summary>
    public const int Rounds = 3;

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

        var path = Path.Combine(workDirectory, $"index-{size}");
        stopwatch.Restart();
        using (var analyzer = new KnowledgeAnalyzer(synonyms))
        {
            PassageIndex.Build(path, passages, analyzer, $"synthetic-{size}-{settings.Seed}");
        }

        var buildSeconds = stopwatch.Elapsed.TotalSeconds;
        var indexBytes = new DirectoryInfo(path).EnumerateFiles().Sum(f => f.Length);
        progress($"index built in {buildSeconds:F1} s, {indexBytes / 1048576.0:F0} MiB");

        // The generated passages go: the process serves from what the index file holds, as the bot does.
        passages = null;
        ProcessMemory.ManagedAfterFullCollection();

        stopwatch.Restart();
        var index = PassageIndex.Open(path, options.Retrieval.FieldWeights);
        var openSeconds = stopwatch.Elapsed.TotalSeconds;
        stopwatch.Restart();
        using var snapshot = new KnowledgeSnapshot(index, model, synonyms, utterances.SampleQuestions, options);
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
        var understand = TimeRounds(questions.Length, i => analyses[i] = engine.Understand(new Question(questions[i])), deadline);
        var retrieve = TimeRounds(questions.Length, i => snapshot.Retriever.Retrieve(analyses[i].Query, options.Retrieval.Candidates), deadline);
        var replies = new Answer[questions.Length];
        var answer = TimeRounds(questions.Length, i => replies[i] = engine.Answer(new Question(questions[i])), deadline);
        var note = answer.Count < Rounds ? $"time budget reached: {understand.Count}, {retrieve.Count} and {answer.Count} of {Rounds} rounds of understanding, retrieval and answers" : null;
        bool All(int i) => true;
        bool Real(int i) => isReal[i];

        var result = new SizeResult(
            size, (size + SyntheticKnowledgeBase.PassagesPerGuide - 1) / SyntheticKnowledgeBase.PassagesPerGuide, questionPassages, tokens,
            vocabulary.Count, index.Vocabulary.Count, generateSeconds, buildSeconds, indexBytes, openSeconds, snapshotSeconds,
            Median(understand, All), Median(retrieve, All), Median(retrieve, Real), Median(answer, All), Median(answer, Real), Pooled(answer),
            answer.Count > 0 ? replies.Count(r => r.Kind == AnswerKind.Answered) : 0, answer.Count > 0 ? questions.Length : 0, answer.Count > 0 ? Digest(replies) : "–",
            managedAfterLoad, workingSetAfterLoad, ProcessMemory.ManagedAfterFullCollection(), ProcessMemory.WorkingSet, ProcessMemory.Peak, note);
        snapshot.Dispose();
        Directory.Delete(path, recursive: true);
        return result;
    }

    /// <summary>A short hash of every answer's kind, text, cited passages, suggestions and confidence: equal digests mean a change in the engine left the answers as they were.</summary>
    private static string Digest(IEnumerable<Answer> answers)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var reply in answers)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $"{reply.Kind}\n{reply.Text}\n{string.Join(' ', reply.Citations.Select(c => c.PassageId))}\n{string.Join('|', reply.Suggestions)}\n{reply.Confidence:R}\n")));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    /// <summary>Every item timed once per round, <see cref="Rounds"/> rounds; a round the deadline cuts short is left out.</summary>
    private static List<long[]> TimeRounds(int count, Action<int> action, long deadline)
    {
        var rounds = new List<long[]>(Rounds);
        for (var r = 0; r < Rounds; r++)
        {
            var round = new long[count];
            for (var i = 0; i < count; i++)
            {
                if (Stopwatch.GetTimestamp() > deadline)
                {
                    return rounds;
                }

                var start = Stopwatch.GetTimestamp();
                action(i);
                round[i] = Stopwatch.GetTimestamp() - start;
            }

            rounds.Add(round);
        }

        return rounds;
    }

    /// <summary>Percentiles over the items of each item's median time across the rounds: a stall of the shared machine in one round does not count.</summary>
    private static Latency Median(List<long[]> rounds, Func<int, bool> include)
    {
        if (rounds.Count == 0)
        {
            return Latency.Empty;
        }

        var medians = new List<long>(rounds[0].Length);
        for (var i = 0; i < rounds[0].Length; i++)
        {
            if (include(i))
            {
                var times = rounds.Select(r => r[i]).Order().ToArray();
                medians.Add(times[times.Length / 2]);
            }
        }

        return Latency.Of(medians);
    }

    /// <summary>Percentiles over every single timing of every round, stalls included.</summary>
    private static Latency Pooled(List<long[]> rounds) => Latency.Of(rounds.SelectMany(r => r).ToArray());

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
