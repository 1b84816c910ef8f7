using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using CareerBot.Bot.Channels.BotFramework;

namespace CareerBot.Benchmarks;

/// <summary>
/// Removing the bot's @mentions from the most a hostile post can hold: 120,000 characters of text and
/// 200 mention entities of the bot, each 601 characters long (about 253 KB as JSON). Unbounded, the
/// same post cost 6-12 s of CPU through Direct Line.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class IncomingTextBenchmarks
{
    private Activity _hostile = null!;

    [GlobalSetup]
    public void Setup()
    {
        var mention = string.Concat(Enumerable.Repeat("ab", 300)) + "x";
        _hostile = new Activity
        {
            Type = ActivityTypes.Message,
            Text = string.Concat(Enumerable.Repeat("ab", 60_000)),
            Recipient = new ChannelAccount { Id = "careerbot" },
            Entities = [.. Enumerable.Range(0, 200).Select(_ => new JsonObject { ["type"] = "mention", ["text"] = mention, ["mentioned"] = new JsonObject { ["id"] = "careerbot" } })],
        };
    }

    [Benchmark]
    public string HostileMentions() => IncomingText.Of(_hostile, 1000);
}
