using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareerBot.Bot.State;
using CareerBot.Knowledge.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Tests;

/// <summary>
/// The bot's options checked as its host checks them first thing when it starts
/// (<see cref="IStartupValidator"/>). Starting the host in a test instead lets a race in
/// WebApplicationFactory sometimes surface its own ObjectDisposedException in place of the
/// validation failure.
/// </summary>
internal static class StartupValidation
{
    public static OptionsValidationException Failure(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCareerBot();
        using var app = builder.Build();

        var validator = app.Services.GetRequiredService<IStartupValidator>();
        return Assert.ThrowsAny<OptionsValidationException>(validator.Validate);
    }
}

/// <summary>
/// The bot in process (WebApplicationFactory) on a small temporary knowledge base, or on
/// the repository's own with <c>useRepositoryKnowledgeBase</c>. Settings and services can
/// be overridden per test.
/// </summary>
internal sealed class BotFactory : WebApplicationFactory<Program>
{
    private readonly TempKnowledgeBase? _kb;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "careerbot-bot-tests-" + Guid.NewGuid().ToString("N"));

    public BotFactory(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, bool useRepositoryKnowledgeBase = false)
    {
        _settings = settings ?? [];
        _services = services;
        if (!useRepositoryKnowledgeBase)
        {
            _kb = new TempKnowledgeBase();
            _settings.TryAdd("Knowledge:BasePath", _kb.BasePath);
        }

        _settings.TryAdd("Knowledge:DataPath", _dataPath);
        _settings.TryAdd("Knowledge:Trainer:Folds", "2");

        // Each watcher is an inotify instance (128 per user on Linux); only the reload tests need one.
        _settings.TryAdd("Reload:OnDataChange", "false");
    }

    public ListLogger Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services => _services?.Invoke(services));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _kb?.Dispose();
            try
            {
                Directory.Delete(_dataPath, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
            catch (IOException)
            {
            }
        }
    }
}

/// <summary>Collects log events (id, level, message) for assertions.</summary>
internal sealed class ListLogger : ILoggerProvider
{
    public ConcurrentQueue<(int EventId, LogLevel Level, string Message)> Events { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(ListLogger owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Events.Enqueue((eventId.Id, logLevel, formatter(state, exception)));
    }
}

/// <summary>
/// A Bot Framework channel on 127.0.0.1 that receives Connector API replies. Each reply is
/// recorded; <see cref="FailNext"/> queues error statuses to answer first.
/// </summary>
internal sealed class FakeChannelServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _failures = new();
    private int _count;
    private int _redirected;

    private FakeChannelServer(WebApplication app)
    {
        _app = app;
    }

    public ConcurrentQueue<(string Path, string? Authorization, JsonObject Activity)> Received { get; } = new();

    public string ServiceUrl { get; private set; } = string.Empty;

    /// <summary>When set, every reply is answered 307 to this base URL instead of being taken.</summary>
    public string? RedirectTo { get; set; }

    /// <summary>How many replies were answered with a redirect.</summary>
    public int Redirected => Volatile.Read(ref _redirected);

    public static async Task<FakeChannelServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http1));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeChannelServer(app);
        app.MapPost("/v3/conversations/{**rest}", async (HttpContext context) =>
        {
            if (server.RedirectTo is { } target)
            {
                Interlocked.Increment(ref server._redirected);
                context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
                context.Response.Headers.Location = target.TrimEnd('/') + context.Request.Path;
                return;
            }

            if (server._failures.TryDequeue(out var status))
            {
                context.Response.StatusCode = status;
                return;
            }

            var activity = await JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body);
            server.Received.Enqueue((context.Request.Path.ToString(), context.Request.Headers.Authorization.ToString(), activity!));
            var id = Interlocked.Increment(ref server._count);
            await context.Response.WriteAsJsonAsync(new { id = $"reply-{id}" });
        });
        await app.StartAsync();
        server.ServiceUrl = app.Urls.First() + "/";
        return server;
    }

    public void FailNext(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _failures.Enqueue(status);
        }
    }

    /// <summary>Waits until <paramref name="count"/> replies arrived, or fails after the deadline.</summary>
    public async Task<IReadOnlyList<JsonObject>> WaitForAsync(int count, TimeSpan? deadline = null)
    {
        await Poll.UntilAsync(() => Received.Count >= count, deadline ?? TimeSpan.FromSeconds(10), $"{count} replies");
        return Received.Select(r => r.Activity).ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Activities as channels send them.</summary>
internal static class Activities
{
    public static JsonObject Message(string text, string channelId = "emulator", string conversationId = "conv-1", string? serviceUrl = null, bool expectReplies = true, string id = "act-1") =>
        new()
        {
            ["type"] = "message",
            ["id"] = id,
            ["timestamp"] = "2026-11-22T10:00:00.000Z",
            ["channelId"] = channelId,
            ["serviceUrl"] = serviceUrl ?? "http://127.0.0.1:1/",
            ["from"] = new JsonObject { ["id"] = "user-1", ["name"] = "User", ["role"] = "user" },
            ["recipient"] = new JsonObject { ["id"] = "bot-1", ["name"] = "CareerBot", ["role"] = "bot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["text"] = text,
            ["locale"] = "en-US",
            ["deliveryMode"] = expectReplies ? "expectReplies" : null,
        };
}

/// <summary>Asks the bot on the Emulator (replies in the response) and checks the answer: 200, the answer's trace saying it was answered.</summary>
internal static class Answered
{
    public static async Task AssertAsync(HttpClient client, JsonObject activity)
    {
        var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(client, "/api/messages", activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<JsonObject>(response.Content))!["activities"]!.AsArray();
        Assert.True((bool)replies[1]!["value"]!["answered"]!);
    }

    /// <summary>"Do I need a PhD?" from a user no test floods.</summary>
    public static Task AfterFuzzAsync(HttpClient client)
    {
        var activity = Activities.Message("Do I need a PhD?", conversationId: "after-fuzz");
        activity["from"] = new JsonObject { ["id"] = "after-fuzz-user" };
        return AssertAsync(client, activity);
    }
}

/// <summary>Polls a condition until it holds or a deadline passes: tests wait on facts, never sleep.</summary>
internal static class Poll
{
    public static async Task UntilAsync(Func<bool> condition, TimeSpan deadline, string what)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > deadline)
            {
                throw new TimeoutException($"gave up waiting for {what} after {deadline}");
            }

            await Task.Delay(10);
        }
    }
}

/// <summary>A clock that moves only when a test says so.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>In-memory state storage that test doubles wrap, overriding only what they observe or hold up.</summary>
internal class WrappedMemoryStorage : IStateStorage
{
    private readonly MemoryStateStorage _inner = new(
        Microsoft.Extensions.Options.Options.Create(new StateOptions()),
        TimeProvider.System,
        Microsoft.Extensions.Logging.Abstractions.NullLogger<MemoryStateStorage>.Instance);

    public virtual Task<StoredItem?> ReadAsync(string key, CancellationToken cancellationToken) =>
        _inner.ReadAsync(key, cancellationToken);

    public virtual Task<string> WriteAsync(string key, string json, string? etag, CancellationToken cancellationToken) =>
        _inner.WriteAsync(key, json, etag, cancellationToken);

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => _inner.DeleteAsync(key, cancellationToken);
}
