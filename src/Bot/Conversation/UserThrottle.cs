using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Conversation;

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
/// time) and must remember whether the user has been warned. Bounded: past
/// <see cref="MaxUsers"/> entries, full buckets (users who have been quiet) are dropped.
/// </summary>
internal sealed class UserThrottle(IOptions<BotOptions> options, TimeProvider time)
{
    public const int MaxUsers = 100_000;

    private static readonly TimeSpan PruneInterval = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _pruneLock = new();
    private DateTimeOffset _pruned = time.GetUtcNow();

    // Kept beside the dictionary: ConcurrentDictionary.Count takes every lock, which turned into
    // the busiest lock of the bot under load.
    private int _count;

    /// <summary>Users with a bucket now.</summary>
    public int Users => Volatile.Read(ref _count);

    public ThrottleVerdict Check(string user)
    {
        var settings = options.Value;
        if (settings.MessagesPerMinute == 0)
        {
            return ThrottleVerdict.Allowed;
        }

        var now = time.GetUtcNow();
        var count = Volatile.Read(ref _count);
        if (count >= MaxUsers || (count > 1000 && now - _pruned > PruneInterval))
        {
            Prune(now, settings);
        }

        if (!_buckets.TryGetValue(user, out var bucket))
        {
            var added = new Bucket(settings.MessageBurst, now);
            bucket = _buckets.GetOrAdd(user, added);
            if (ReferenceEquals(bucket, added))
            {
                Interlocked.Increment(ref _count);
            }
        }

        lock (bucket)
        {
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

    /// <summary>Forgets users whose bucket has refilled: a new bucket would be the same. One thread at a time; others go on.</summary>
    private void Prune(DateTimeOffset now, BotOptions settings)
    {
        if (!_pruneLock.TryEnter())
        {
            return;
        }

        try
        {
            _pruned = now;
            foreach (var (user, bucket) in _buckets)
            {
                lock (bucket)
                {
                    bucket.Refill(now, settings);
                    if (bucket.Tokens >= settings.MessageBurst && _buckets.TryRemove(KeyValuePair.Create(user, bucket)))
                    {
                        Interlocked.Decrement(ref _count);
                    }
                }
            }
        }
        finally
        {
            _pruneLock.Exit();
        }
    }

    private sealed class Bucket(double tokens, DateTimeOffset refilled)
    {
        public double Tokens { get; set; } = tokens;

        public bool Warned { get; set; }

        private DateTimeOffset Refilled { get; set; } = refilled;

        public void Refill(DateTimeOffset now, BotOptions settings)
        {
            var elapsed = now - Refilled;
            if (elapsed > TimeSpan.Zero)
            {
                Tokens = Math.Min(settings.MessageBurst, Tokens + (elapsed.TotalMinutes * settings.MessagesPerMinute));
                Refilled = now;
            }
        }
    }
}
