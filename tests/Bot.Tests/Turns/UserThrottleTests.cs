using CareerBot.Bot.Channels.BotFramework;
using CareerBot.Bot.Turns;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Tests.Turns;

public sealed class UserThrottleTests
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    private UserThrottle Throttle(int perMinute, int burst) =>
        new(Options.Create(new BotOptions { MessagesPerMinute = perMinute, MessageBurst = burst }), _clock);

    [Fact]
    public void Check_BeyondTheBurst_WarnsOnceThenStaysSilentUntilRefilled()
    {
        var throttle = Throttle(perMinute: 60, burst: 3);

        var verdicts = Enumerable.Range(0, 6).Select(_ => throttle.Check("u1")).ToList();
        _clock.Advance(TimeSpan.FromSeconds(1));
        var refilled = throttle.Check("u1");
        var overAgain = throttle.Check("u1");

        Assert.Equal(
            [ThrottleVerdict.Allowed, ThrottleVerdict.Allowed, ThrottleVerdict.Allowed, ThrottleVerdict.Warn, ThrottleVerdict.Silent, ThrottleVerdict.Silent],
            verdicts);
        Assert.Equal(ThrottleVerdict.Allowed, refilled);
        Assert.Equal(ThrottleVerdict.Warn, overAgain);
    }

    [Fact]
    public void Check_OneUserOverTheLimit_LeavesOthersAlone()
    {
        var throttle = Throttle(perMinute: 1, burst: 1);

        throttle.Check("busy");
        var busy = throttle.Check("busy");
        var other = throttle.Check("quiet");

        Assert.Equal(ThrottleVerdict.Warn, busy);
        Assert.Equal(ThrottleVerdict.Allowed, other);
    }

    [Fact]
    public void Check_RateZero_NeverThrottles()
    {
        var throttle = Throttle(perMinute: 0, burst: 1);

        Assert.All(Enumerable.Range(0, 100), _ => Assert.Equal(ThrottleVerdict.Allowed, throttle.Check("u")));
    }

    [Fact]
    public void Check_AfterAMinute_ForgetsUsersWhoseBucketRefilled()
    {
        var throttle = Throttle(perMinute: 60, burst: 2);
        for (var i = 0; i < 2000; i++)
        {
            throttle.Check("visitor-" + i);
        }

        throttle.Check("busy");
        throttle.Check("busy");
        var before = throttle.Users;
        _clock.Advance(TimeSpan.FromSeconds(61));
        var afterPrune = new[] { throttle.Check("busy"), throttle.Check("busy"), throttle.Check("busy") };

        Assert.Equal(2001, before);
        Assert.Equal(1, throttle.Users);
        Assert.Equal([ThrottleVerdict.Allowed, ThrottleVerdict.Allowed, ThrottleVerdict.Warn], afterPrune);
    }

    [Fact]
    public void Check_ManyNewUsersWithinAMinute_ForgetsRefilledBucketsOnceTheUsersDouble()
    {
        var throttle = Throttle(perMinute: 60, burst: 2);
        throttle.Check("busy");
        throttle.Check("busy");
        for (var i = 0; i < 1500; i++)
        {
            throttle.Check("visitor-" + i);
        }

        var before = throttle.Users;
        _clock.Advance(TimeSpan.FromSeconds(1.5));
        throttle.Check("newcomer");
        var after = throttle.Users;
        var busy = new[] { throttle.Check("busy"), throttle.Check("busy") };

        Assert.Equal(1501, before);
        Assert.Equal(2, after); // the busy user, still short of a full bucket, and the newcomer
        Assert.Equal([ThrottleVerdict.Allowed, ThrottleVerdict.Warn], busy);
    }
}
