using BenchmarkDotNet.Attributes;
using CareerBot.Knowledge;

namespace CareerBot.Benchmarks;

/// <summary>
/// Loading the committed knowledge base with the data folder already built, as a restart or a
/// live reload does: check the guides, open the index, load the model, build the snapshot.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class LoadBenchmarks
{
    private KnowledgeOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        _options = new KnowledgeOptions { DataPath = Path.Combine(Path.GetTempPath(), "careerbot-bench") };
        KnowledgePaths.Resolve(_options, AppContext.BaseDirectory);
        new KnowledgeLoader(_options).Load().Dispose(); // builds the data folder if it is missing or stale
    }

    [Benchmark]
    public void Load()
    {
        using var snapshot = new KnowledgeLoader(_options).Load();
    }
}
