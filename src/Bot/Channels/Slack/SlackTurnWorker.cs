using CareerBot.Bot.Channels.BotFramework;
using CareerBot.Bot.Turns;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Channels.Slack;

/// <summary>
/// Answers the questions queued by the Slack routes through the same <see cref="TurnHandler"/>
/// as every other channel, a few at a time. On shutdown the queue is closed and what is in it is
/// still answered, until the host's shutdown timeout cancels the rest.
/// </summary>
internal sealed partial class SlackTurnWorker(
    SlackTurnQueue queue,
    TurnHandler handler,
    SlackApiClient api,
    IOptions<SlackOptions> options,
    ILogger<SlackTurnWorker> logger) : BackgroundService
{
    private readonly CancellationTokenSource _abort = new();

    /// <summary>Not the stopping token: stopping closes the queue and drains it instead.</summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.MaxConcurrentTurns).Select(_ => RunAsync(_abort.Token)));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        using var abort = cancellationToken.Register(_abort.Cancel);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    private async Task RunAsync(CancellationToken abort)
    {
        try
        {
            await foreach (var item in queue.Reader.ReadAllAsync(abort).ConfigureAwait(false))
            {
                await AnswerAsync(item, abort).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // The shutdown timeout passed: whatever is still queued is not answered.
        }
    }

    private async Task AnswerAsync(SlackWorkItem item, CancellationToken abort)
    {
        try
        {
            var sink = new SlackReplySink(api, item.Channel, item.ThreadTs, item.EventId);
            await handler.HandleAsync(new Turn(item.Activity, sink), abort).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            Log.Abandoned(logger, item.EventId);
            throw;
        }
        catch (Exception ex)
        {
            Log.TurnFailed(logger, item.EventId, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2620, Level = LogLevel.Error, Message = "Slack event {EventId} could not be answered")]
        public static partial void TurnFailed(ILogger logger, string eventId, Exception exception);

        [LoggerMessage(EventId = 2621, Level = LogLevel.Warning, Message = "Shutting down: Slack event {EventId} was abandoned unanswered")]
        public static partial void Abandoned(ILogger logger, string eventId);
    }
}
