using CareerBot.Bot.Channels.Slack;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Tests.Channels.Slack;

public sealed class SlackEventDeduplicatorTests
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void FirstTime_SameIdAgainWithinTheWindow_IsARepeat()
    {
        var dedupe = Dedupe(window: TimeSpan.FromMinutes(10), capacity: 100);

        Assert.True(dedupe.FirstTime("Ev1"));
        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.False(dedupe.FirstTime("Ev1"));
        Assert.True(dedupe.FirstTime("Ev2"));
    }

    [Fact]
    public void FirstTime_SameIdAfterTheWindow_IsNewAgain()
    {
        var dedupe = Dedupe(window: TimeSpan.FromMinutes(10), capacity: 100);

        Assert.True(dedupe.FirstTime("Ev1"));
        _clock.Advance(TimeSpan.FromMinutes(10));

        Assert.True(dedupe.FirstTime("Ev1"));
        Assert.False(dedupe.FirstTime("Ev1"));
    }

    [Fact]
    public void FirstTime_PastTheCapacity_ForgetsTheOldestFirst()
    {
        var dedupe = Dedupe(window: TimeSpan.FromHours(1), capacity: 100);
        for (var i = 0; i < 100; i++)
        {
            Assert.True(dedupe.FirstTime($"Ev{i}"));
        }

        Assert.False(dedupe.FirstTime("Ev0"));
        Assert.True(dedupe.FirstTime("Ev100"));

        Assert.False(dedupe.FirstTime("Ev1"));
        Assert.True(dedupe.FirstTime("Ev0"));
        Assert.False(dedupe.FirstTime("Ev100"));
    }

    private SlackEventDeduplicator Dedupe(TimeSpan window, int capacity) =>
        new(Options.Create(new SlackOptions { DedupeWindow = window, DedupeCapacity = capacity }), _clock);
}
