using CareerBot.Bot.Turns;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Channels.Slack;

/// <summary>
/// Answers the questions queued by the Slack routes through the same <see cref="TurnCore"/> as
/// every other channel, a few at a time, straight from the event to Block Kit. On shutdown the queue is closed and what is in it is
/// still answered, until the host's shutdown timeout cancels the rest.
/// </summary>
internal sealed partial class SlackTurnWorker(
    SlackTurnQueue queue,
    TurnCore core,
    SlackApiClient api,
    IOptions<SlackOptions> options,
    IOptions<BotOptions> botOptions,
    ILogger<SlackTurnWorker> logger) : BackgroundService
{
    /// <summary>What a Slack question is called in the turn span, as a message is on every channel.</summary>
    private const string ActivityKind = "message";

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
            var sink = new SlackReplySink(api, item.Channel, item.ThreadTs, item.EventId, botOptions.Value.ShowSourceDates);
            var turn = new TurnAddress(SlackEndpoints.ChannelId, SlackEndpoints.ChannelId, item.ConversationId, item.User, ActivityKind);
            await core.HandleAsync(turn, [UserInput.Typed(item.Text, botOptions.Value.MaxTextLength)], throttled: true, sink, abort).ConfigureAwait(false);
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
