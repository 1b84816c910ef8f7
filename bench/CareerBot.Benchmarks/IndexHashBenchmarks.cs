using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using CareerBot.Knowledge;
using CareerBot.Knowledge.Guides;
using CareerBot.Knowledge.Search;

namespace CareerBot.Benchmarks;

/// <summary>
/// What the index's hash over the passages costs when the knowledge base is opened: the committed
/// passages repeated to 1,000 times their number (99,000 today), each with its own id.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class IndexHashBenchmarks
{
    private Passage[] _passages = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = new KnowledgeOptions { DataPath = Path.Combine(Path.GetTempPath(), "careerbot-bench") };
        KnowledgePaths.Resolve(options, AppContext.BaseDirectory);
        using var knowledge = new KnowledgeLoader(options).Load();
        _passages = [.. Enumerable.Range(0, 1000).SelectMany(i => knowledge.Passages.Select(p => p with { Id = $"{p.Id}-{i}" }))];
    }

    [Benchmark]
    public byte[] Fingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        PassageIndex.AppendFingerprint(hash, _passages);
        return hash.GetHashAndReset();
    }
}
