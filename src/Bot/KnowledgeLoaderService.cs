using CareerBot.Knowledge;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot;

/// <summary>Loads (building if needed) the index and model before the bot takes traffic.</summary>
internal sealed class KnowledgeLoaderService(KnowledgeProvider provider, IOptions<KnowledgeOptions> options, ILoggerFactory loggerFactory) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var loader = new KnowledgeLoader(options.Value, loggerFactory.CreateLogger("CareerBot.Knowledge"));
        provider.Swap(loader.Load())?.Dispose();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
