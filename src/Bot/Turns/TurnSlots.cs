using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Turns;

/// <summary>
/// The turns run at once (<c>Bot:MaxConcurrentTurns</c>), taken by a channel only around the turn
/// itself: after the request's body is read and its credentials are checked. Taken before (as the
/// endpoint's rate-limiting middleware did), 64 connections sending their bodies a few bytes a
/// second held every slot without a token, and every other visitor got 503.
/// </summary>
internal sealed class TurnSlots : IDisposable
{
    private readonly ConcurrencyLimiter _limiter;

    public TurnSlots(IOptions<BotOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = options.Value.MaxConcurrentTurns, QueueLimit = 0 });
    }

    /// <summary>A slot for one turn (dispose it when the turn ends), or null when all are taken.</summary>
    public RateLimitLease? TryTake()
    {
        var lease = _limiter.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        return null;
    }

    /// <summary>The answer when no slot is free: busy for a moment (503, Retry-After 1), not a client error.</summary>
    public static IResult Busy(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.RetryAfter = "1";
        return TypedResults.Problem("Too many turns are running; try again in a moment.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy");
    }

    public void Dispose() => _limiter.Dispose();
}
