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
    private DateTimeOffset _pruned = time.GetUtcNow();

    public ThrottleVerdict Check(string user)
    {
        var settings = options.Value;
        if (settings.MessagesPerMinute == 0)
        {
            return ThrottleVerdict.Allowed;
        }

        var now = time.GetUtcNow();
        if (_buckets.Count >= MaxUsers || (now - _pruned > PruneInterval && _buckets.Count > 1000))
        {
            // Users whose bucket has refilled are forgotten: a new bucket would be the same.
            _pruned = now;
            Prune(now, settings);
        }

        var bucket = _buckets.GetOrAdd(user, static (_, state) => new Bucket(state.settings.MessageBurst, state.now), (settings, now));
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

    private void Prune(DateTimeOffset now, BotOptions settings)
    {
        foreach (var (user, bucket) in _buckets)
        {
            lock (bucket)
            {
                bucket.Refill(now, settings);
                if (bucket.Tokens >= settings.MessageBurst)
                {
                    _buckets.TryRemove(user, out _);
                }
            }
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
