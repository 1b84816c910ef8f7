using System.Runtime.InteropServices;
using CareerBot.Bot.State;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Turns;

/// <summary>What the throttle says about one more message from a user.</summary>
internal enum ThrottleVerdict
{
    Allowed,

    /// <summary>Over the limit for the first time since the last allowed message: say so once.</summary>
    Warn,

    /// <summary>Still over the limit and already told: stay quiet.</summary>
    Silent,
}

/// <summary>
/// A token bucket per user (burst <see cref="BotOptions.MessageBurst"/>, refilled at
/// <see cref="BotOptions.MessagesPerMinute"/>). Written out rather than taken from
/// System.Threading.RateLimiting because the buckets must follow the injected clock (tests move
/// time) and must remember whether the user has been warned.
/// </summary>
/// <remarks>
/// Bounded and small. A bucket that has refilled is the same as no bucket, so full buckets are
/// forgotten: when the number of users has doubled since the last prune (and at least one token's
/// refill time has passed, so some bucket can be full), once a minute, and at once past
/// <see cref="MaxUsers"/>. Pruning on doubling keeps its cost constant per new user and holds about
/// twice the users seen in one refill time; a bot on a busy page meets a new user with almost every
/// conversation. A user is kept as the <see cref="StateKey"/> hash of their id, not a string, and
/// their bucket as a struct inside the dictionary's own array, under one lock held for a lookup:
/// no object per user, so a stream of new users leaves nothing behind for the collector to find
/// in its oldest generation once they are pruned.
/// </remarks>
internal sealed class UserThrottle(IOptions<BotOptions> options, TimeProvider time)
{
    public const int MaxUsers = 100_000;

    /// <summary>Below this many users nothing is pruned before a minute has passed.</summary>
    private const int PruneFloor = 1000;

    private static readonly TimeSpan PruneInterval = TimeSpan.FromMinutes(1);
    private readonly Dictionary<UInt128, Bucket> _buckets = [];
    private readonly Lock _lock = new();
    private DateTimeOffset _pruned = time.GetUtcNow();
    private int _keptByLastPrune;

    /// <summary>Users with a bucket now.</summary>
    public int Users
    {
        get
        {
            lock (_lock)
            {
                return _buckets.Count;
            }
        }
    }

    public ThrottleVerdict Check(string user)
    {
        var settings = options.Value;
        if (settings.MessagesPerMinute == 0)
        {
            return ThrottleVerdict.Allowed;
        }

        var now = time.GetUtcNow();
        var id = StateKey.Hash(user);
        lock (_lock)
        {
            if (PruneDue(now, settings))
            {
                Prune(now, settings);
            }

            ref var bucket = ref CollectionsMarshal.GetValueRefOrAddDefault(_buckets, id, out var known);
            if (!known)
            {
                bucket = new Bucket(settings.MessageBurst, now.UtcTicks);
            }

            bucket.Refill(now, settings);
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                bucket.Warned = false;
                return ThrottleVerdict.Allowed;
            }

            if (bucket.Warned)
            {
                return ThrottleVerdict.Silent;
            }

            bucket.Warned = true;
            return ThrottleVerdict.Warn;
        }
    }

    private bool PruneDue(DateTimeOffset now, BotOptions settings)
    {
        var count = _buckets.Count;
        if (count >= MaxUsers)
        {
            return true;
        }

        if (count <= PruneFloor)
        {
            return false;
        }

        var since = now - _pruned;
        return since > PruneInterval
            || (count >= 2 * _keptByLastPrune && since >= TimeSpan.FromMinutes(1.0 / settings.MessagesPerMinute));
    }

    /// <summary>Forgets users whose bucket has refilled: a new bucket would be the same.</summary>
    private void Prune(DateTimeOffset now, BotOptions settings)
    {
        _pruned = now;
        foreach (var id in _buckets.Keys)
        {
            ref var bucket = ref CollectionsMarshal.GetValueRefOrNullRef(_buckets, id);
            bucket.Refill(now, settings);
            if (bucket.Tokens >= settings.MessageBurst)
            {
                _buckets.Remove(id);
            }
        }

        _keptByLastPrune = _buckets.Count;
    }

    private struct Bucket(double tokens, long refilledTicks)
    {
        private long _refilledTicks = refilledTicks;

        public double Tokens { get; set; } = tokens;

        public bool Warned { get; set; }

        public void Refill(DateTimeOffset now, BotOptions settings)
        {
            var elapsed = now.UtcTicks - _refilledTicks;
            if (elapsed > 0)
            {
                Tokens = Math.Min(settings.MessageBurst, Tokens + (TimeSpan.FromTicks(elapsed).TotalMinutes * settings.MessagesPerMinute));
                _refilledTicks = now.UtcTicks;
            }
        }
    }
}
