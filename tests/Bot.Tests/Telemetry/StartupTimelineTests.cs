using CareerBot.Bot.Telemetry;
using Microsoft.Extensions.Logging;

namespace CareerBot.Bot.Tests.Telemetry;

/// <summary>The cold-start timeline: steps in the order they finished, logged once, only at Debug.</summary>
public sealed class StartupTimelineTests
{
    [Fact]
    public void Replied_FirstTimeWithDebugOn_LogsEveryStepInOrderOnce()
    {
        var timeline = new StartupTimeline();
        using var logs = new ListLogger();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        timeline.LogTo(loggers);
        timeline.Mark("host built");
        timeline.Mark("knowledge loaded");

        timeline.Replied();
        timeline.Replied();

        var logged = Assert.Single(logs.Events, e => e.EventId == 2801);
        Assert.Equal(LogLevel.Debug, logged.Level);
        var host = logged.Message.IndexOf("host built +", StringComparison.Ordinal);
        var knowledge = logged.Message.IndexOf("knowledge loaded +", StringComparison.Ordinal);
        var reply = logged.Message.IndexOf("first reply written +", StringComparison.Ordinal);
        Assert.True(host >= 0 && knowledge > host && reply > knowledge, logged.Message);
        Assert.Contains("JIT compiled ", logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replied_DebugOff_LogsNothing()
    {
        var timeline = new StartupTimeline();
        using var logs = new ListLogger();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Information));
        timeline.LogTo(loggers);
        timeline.Mark("host built");

        timeline.Replied();

        Assert.DoesNotContain(logs.Events, e => e.EventId == 2801);
    }

    [Fact]
    public void Mark_MoreStepsThanItKeeps_KeepsTheFirstAndDoesNotThrow()
    {
        var timeline = new StartupTimeline();
        for (var i = 0; i < 40; i++)
        {
            timeline.Mark($"step {i}");
        }

        var described = timeline.Describe();

        Assert.Contains("step 15 +", described, StringComparison.Ordinal);
        Assert.DoesNotContain("step 16 +", described, StringComparison.Ordinal);
    }
}
