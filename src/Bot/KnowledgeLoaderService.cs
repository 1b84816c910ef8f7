using CareerBot.Knowledge;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot;

/// <summary>
/// Loads (building if needed) the index and model before the bot takes traffic. A mistake in
/// a knowledge-base file stops start-up with one log line naming the file and line.
/// </summary>
internal sealed partial class KnowledgeLoaderService(KnowledgeProvider provider, IOptions<KnowledgeOptions> options, ILoggerFactory loggerFactory) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger("CareerBot.Knowledge");
        try
        {
            var loader = new KnowledgeLoader(options.Value, logger);
            provider.Swap(loader.Load())?.Dispose();
        }
        catch (KnowledgeBaseException ex)
        {
            Log.KnowledgeBaseBroken(logger, ex.Message);
            throw;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 1010, Level = LogLevel.Critical, Message = "The knowledge base has a mistake, so the bot cannot start: {Problem}")]
        public static partial void KnowledgeBaseBroken(ILogger logger, string problem);
    }
}
