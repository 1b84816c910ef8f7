using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CareerBot.Benchmarks;

/// <summary>
/// One message through the whole service in process: <c>POST /api/messages</c> with
/// <c>expectReplies</c> on a new conversation, through the middleware, authentication (anonymous),
/// the turn, conversation state, the turn record and the JSON reply, on an in-memory test server
/// (no sockets). The allocations per request are what the garbage collector pays under load.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class EndpointBenchmarks
{
    private const string Text = "How much do senior ML engineers earn in California?";
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _client = null!;
    private int _conversation;

    [GlobalSetup]
    public void Setup()
    {
        var data = Path.Combine(Path.GetTempPath(), "careerbot-bench-endpoint");
        var knowledgeBase = Path.GetFullPath(Path.Combine(RepositoryRoot(), "knowledge-base"));
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseSetting("Knowledge:BasePath", knowledgeBase)
            .UseSetting("Knowledge:DataPath", data)
            .UseSetting("Logging:LogLevel:Default", "Warning")
            .UseSetting("Bot:MessagesPerMinute", "0"));
        _client = _factory.CreateClient();
        Send().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Benchmark]
    public async Task<int> PostMessage() => await Send().ConfigureAwait(false);

    private async Task<int> Send()
    {
        var id = "bench-" + (++_conversation).ToString(CultureInfo.InvariantCulture);
        var body = $$"""{"type":"message","id":"a1","channelId":"webchat","serviceUrl":"http://127.0.0.1:1/","from":{"id":"u-{{id}}","role":"user"},"recipient":{"id":"bot"},"conversation":{"id":"{{id}}"},"text":"{{Text}}","deliveryMode":"expectReplies"}""";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(new Uri("/api/messages", UriKind.Relative), content).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return response.IsSuccessStatusCode ? bytes.Length : throw new InvalidOperationException($"status {(int)response.StatusCode}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CareerBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run from within the repository.");
    }
}
