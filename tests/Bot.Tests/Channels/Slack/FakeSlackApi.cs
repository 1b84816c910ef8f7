using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace CareerBot.Bot.Tests.Channels.Slack;

/// <summary>
/// Slack's Web API on 127.0.0.1: records every call to <c>/api/{method}</c> with its headers and
/// JSON body and answers <c>{ok:true, ts}</c>, unless a test queued other answers (a status with
/// an optional Retry-After, or <c>{ok:false, error}</c>) or closed the gate, which holds every
/// answer until it is opened.
/// </summary>
internal sealed class FakeSlackApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _scripted = new();
    private TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _posted;

    private FakeSlackApi(WebApplication app)
    {
        _app = app;
        _gate.SetResult();
    }

    /// <summary>Every call that reached the fake, in order, whatever it was answered.</summary>
    public ConcurrentQueue<Call> Calls { get; } = new();

    /// <summary>The calls answered <c>{ok:true}</c>: the messages that were posted.</summary>
    public ConcurrentQueue<Call> Posted { get; } = new();

    public string BaseUrl { get; private set; } = string.Empty;

    public static async Task<FakeSlackApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http1));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlackApi(app);
        app.MapPost("/api/{method}", fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Urls.First() + "/api/";
        return fake;
    }

    /// <summary>Answers the next call with this status (and Retry-After seconds, when given).</summary>
    public void FailNext(int status, int? retryAfterSeconds = null) => _scripted.Enqueue(context =>
    {
        context.Response.StatusCode = status;
        if (retryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return Task.CompletedTask;
    });

    /// <summary>Answers the next call HTTP 200 <c>{ok:false, error}</c>, as Slack reports API errors.</summary>
    public void ErrorNext(string error) => _scripted.Enqueue(context => context.Response.WriteAsJsonAsync(new { ok = false, error }));

    /// <summary>Holds every answer until <see cref="Open"/>.</summary>
    public void Close() => _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _gate.TrySetResult();

    /// <summary>Waits until <paramref name="count"/> messages were posted, or fails after the deadline.</summary>
    public async Task<IReadOnlyList<Call>> WaitForPostsAsync(int count, TimeSpan? deadline = null)
    {
        await Poll.UntilAsync(() => Posted.Count >= count, deadline ?? TimeSpan.FromSeconds(15), $"{count} Slack posts");
        return [.. Posted];
    }

    public async ValueTask DisposeAsync()
    {
        Open();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context, string method)
    {
        var body = await JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body);
        var call = new Call(method, context.Request.Headers.Authorization.ToString(), context.Request.ContentType, body!, Stopwatch.GetTimestamp());
        Calls.Enqueue(call);
        await _gate.Task;
        if (_scripted.TryDequeue(out var scripted))
        {
            await scripted(context);
            return;
        }

        var n = Interlocked.Increment(ref _posted);
        Posted.Enqueue(call);
        await context.Response.WriteAsJsonAsync(new { ok = true, channel = (string?)body!["channel"], ts = $"1700000000.{n:D6}" });
    }

    /// <summary>One Web API call as the fake saw it.</summary>
    internal sealed record Call(string Method, string Authorization, string? ContentType, JsonObject Body, long At);
}
