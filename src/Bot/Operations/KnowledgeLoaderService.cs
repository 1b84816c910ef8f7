using CareerBot.Knowledge;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Operations;

/// <summary>
/// Loads (building if needed) the index and model at start-up, beside the rest of the host
/// starting: loading takes about 0.4 s, and answering one sample question after it (so that the first
/// visitor does not wait for the answer path to be compiled) about 0.1 s more. Start-up completes only
/// once it is loaded, and a request that comes in before that waits for it (<see cref="KnowledgeProvider.WhenLoaded"/>), and fails at once if
/// loading fails. Mistakes in knowledge-base files stop the bot with one log line each naming the
/// file and line (the checks of the <c>lint</c> verb; their warnings are logged and start-up goes on)
/// and exit code 1 from <c>serve</c>: no stack trace, since the lines say all there is to fix. Any
/// other failure (an unreadable data folder, say) fails start-up with its exception.
/// </summary>
internal sealed partial class KnowledgeLoaderService(KnowledgeProvider provider, IOptions<KnowledgeOptions> options, ILoggerFactory loggerFactory, IHostApplicationLifetime lifetime) : IHostedLifecycleService
{
    private Task _loading = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger("CareerBot.Knowledge");
        _loading = Task.Run(
            () =>
            {
                try
                {
                    provider.Swap(new KnowledgeLoader(options.Value, logger).LoadWarm())?.Dispose();
                }
                catch (Exception ex)
                {
                    if (ex is KnowledgeBaseException broken)
                    {
                        foreach (var problem in broken.Diagnostics.Count > 0 ? broken.Diagnostics.Select(d => d.Location()) : [broken.Message])
                        {
                            Log.KnowledgeBaseBroken(logger, problem);
                        }
                    }

                    // Requests that came in while it loaded fail now, instead of waiting until the host stops.
                    provider.LoadFailed(ex);
                    throw;
                }
            },
            cancellationToken);
        return Task.CompletedTask;
    }

    /// <summary>
    /// After every service has started, start-up waits for the knowledge base, and fails with it; a
    /// knowledge base with mistakes (already logged, one line each) stops the bot instead.
    /// </summary>
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _loading.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (KnowledgeBaseException)
        {
            lifetime.StopApplication();
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 1010, Level = LogLevel.Critical, Message = "The knowledge base has a mistake, so the bot cannot start: {Problem}")]
        public static partial void KnowledgeBaseBroken(ILogger logger, string problem);
    }
}
