namespace CareerBot.Bot.Turns;

/// <summary>
/// What happens when a turn fails, as the Bot Framework SDK's <c>OnTurnError</c> does it: the
/// exception is logged (event 2005) and counted, the user is told briefly that something went
/// wrong, and where the channel shows errors to a developer (the Emulator) the error follows as a
/// trace. The conversation stays usable: its state is as the last good turn left it. The HTTP
/// answer stays 200; an invoke that failed is answered 200 with no body.
/// </summary>
internal sealed partial class TurnErrorHandler(Telemetry.BotMetrics metrics, ILogger<TurnErrorHandler> logger)
{
    public const string Apology = "Sorry, something went wrong on my side. Please try again.";

    public async Task HandleAsync(TurnAddress turn, Exception exception, IAnswerSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(sink);
        Log.TurnFailed(logger, turn.Channel, turn.Kind, exception);
        metrics.TurnFailed(turn.Channel);
        try
        {
            await sink.SayAsync(Apology, cancellationToken).ConfigureAwait(false);
            await sink.ShowErrorAsync(exception, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.ApologyFailed(logger, turn.Channel, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2005, Level = LogLevel.Error, Message = "A turn failed on {Channel} ({ActivityType}); the user was sent an apology")]
        public static partial void TurnFailed(ILogger logger, string channel, string activityType, Exception exception);

        [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "The apology for a failed turn on {Channel} could not be sent")]
        public static partial void ApologyFailed(ILogger logger, string channel, Exception exception);
    }
}
