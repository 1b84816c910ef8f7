using BenchmarkDotNet.Attributes;
using CareerBot.Knowledge.Analysis;

namespace CareerBot.Benchmarks;

/// <summary>
/// The English word list the typo corrector consults: reading it (once per process, at the first
/// knowledge load) and looking a word up (for each question word the guides do not use).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class WordListBenchmarks
{
    private byte[] _text = [];

    [GlobalSetup]
    public void Setup()
    {
        using var stream = typeof(WordList).Assembly.GetManifestResourceStream("CareerBot.Knowledge.Analysis.english-words.txt")!;
        _text = new byte[stream.Length];
        stream.ReadExactly(_text);
        _ = WordList.English.Count;
    }

    [Benchmark]
    public int Parse() => WordList.Parse(_text).Count;

    [Benchmark]
    public bool ContainsListedWord() => WordList.English.Contains("visa");

    [Benchmark]
    public bool ContainsMisspelling() => WordList.English.Contains("sallary");
}
