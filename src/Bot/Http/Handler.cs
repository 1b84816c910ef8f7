namespace CareerBot.Bot.Http;

/// <summary>
/// Endpoint handlers mapped as plain <see cref="RequestDelegate"/>s. A handler mapped as a
/// delegate with parameters goes through ASP.NET Core's RequestDelegateFactory, which builds and
/// compiles an expression tree for every endpoint when routing first runs: that loaded
/// System.Linq.Expressions and JIT-compiled its compiler, memory the bot then held for as long as
/// it ran (docs/benchmarks.md). Here each handler gets the <see cref="HttpContext"/> and its
/// services record, resolved from the request's services as <c>[AsParameters]</c> did, and the
/// <see cref="IResult"/> it returns is run the same way.
/// </summary>
internal static class Handler
{
    public static RequestDelegate With<TServices, TResult>(Func<HttpContext, TServices, Task<TResult>> handler)
        where TServices : notnull
        where TResult : IResult =>
        async http =>
        {
            var result = await handler(http, http.RequestServices.GetRequiredService<TServices>()).ConfigureAwait(false);
            await result.ExecuteAsync(http).ConfigureAwait(false);
            Telemetry.StartupTimeline.Current.Replied();
        };

    /// <summary>A route parameter of the endpoint's pattern (always there when the route matched).</summary>
    public static string Route(HttpContext http, string name) => (string)http.GetRouteValue(name)!;

    /// <summary>A query parameter, as minimal APIs bind a <c>string?</c>: null when absent, values joined by commas.</summary>
    public static string? Query(HttpContext http, string name) => http.Request.Query[name];
}
