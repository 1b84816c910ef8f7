using CareerBot.Bot.Telemetry;
using CareerBot.Knowledge.Answers;
using Microsoft.Extensions.Options;

using CareerBot.Bot.Turns;

namespace CareerBot.Bot.Channels.BotFramework;

/// <summary>
/// A Bot Framework activity's turn: <see cref="ActivityInput"/> reads it as typed input, the
/// <see cref="TurnCore"/> handles that, and its answers are rendered for the activity's channel
/// and sent as reply activities. Returns the invoke's own answer (200, with a body for
/// <c>adaptiveCard/action</c>; 501 for an invoke the bot has no handler for).
/// </summary>
internal sealed partial class TurnHandler(
    TurnCore core,
    TurnErrorHandler errors,
    RendererSelector renderers,
    IOptions<BotOptions> botOptions,
    ILogger<TurnHandler> logger)
{
    /// <summary>Handles the activity; returns the invoke response for invokes, null otherwise.</summary>
    public async Task<InvokeResponse?> HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var address = new TurnAddress(turn.Channel, turn.ChannelId, turn.ConversationId, turn.Activity.From?.Id, BotTelemetry.ActivityType(turn.Activity.Type));
        var sink = new ActivitySink(turn, renderers, botOptions.Value.ShowSourceDates);
        var failed = turn.Activity.Type == ActivityTypes.Invoke ? new InvokeResponse(StatusCodes.Status200OK) : null;
        ActivityInput input;
        try
        {
            input = ActivityInput.Read(turn.Activity, botOptions.Value.MaxTextLength);
        }
        catch (Exception ex)
        {
            await errors.HandleAsync(address, ex, sink, cancellationToken).ConfigureAwait(false);
            return failed;
        }

        if (input.UnhandledInvoke is { } name)
        {
            Log.UnhandledInvoke(logger, name.Length <= 64 ? name : name[..64]);
        }

        var handled = await core.HandleAsync(address, input.Inputs, input.IsMessage, sink, cancellationToken).ConfigureAwait(false);
        return handled ? input.Response : failed;
    }

    /// <summary>Each source names the date its guide was last updated ("as of ..."), in every channel's rendering.</summary>
    internal static Answer WithSourceDates(Answer answer) => answer with
    {
        Citations = [.. answer.Citations.Select(c => c with { SectionPath = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{c.SectionPath} (as of {c.Updated:yyyy-MM-dd})") })],
    };

    /// <summary>Answers rendered for the activity's channel and sent as replies to it.</summary>
    private sealed class ActivitySink(Turn turn, RendererSelector renderers, bool showSourceDates) : IAnswerSink
    {
        public async Task<string?> AnswerAsync(Answer answer, string? voteKey, CancellationToken cancellationToken)
        {
            if (voteKey is null)
            {
                return await turn.ReplyAsync(Render(answer), cancellationToken).ConfigureAwait(false);
            }

            var reply = ActivityInput.StampVoteKey(Render(showSourceDates ? WithSourceDates(answer) : answer), voteKey);
            var replyId = await turn.ReplyAsync(reply, cancellationToken).ConfigureAwait(false);
            if (turn.ChannelId == "emulator")
            {
                await turn.ReplyAsync(EmulatorTrace.For(answer), cancellationToken).ConfigureAwait(false);
            }

            return replyId;
        }

        public Task SayAsync(string text, CancellationToken cancellationToken) =>
            turn.ReplyAsync(new Activity { Text = text }, cancellationToken);

        public Task ShowErrorAsync(Exception exception, CancellationToken cancellationToken) =>
            turn.ChannelId == "emulator" ? turn.ReplyAsync(EmulatorTrace.ForError(exception), cancellationToken) : Task.CompletedTask;

        /// <summary>The channel's rendering of an answer, in a "render" span.</summary>
        private Activity Render(Answer answer)
        {
            using var span = BotTelemetry.Source.StartActivity(BotTelemetry.RenderSpan);
            return TeamsRenderer.ForConversation(renderers.Render(turn.ChannelId, answer), turn.ChannelId, turn.Activity.Conversation?.ConversationType);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Invoke {Name} is not handled; answered 501")]
        public static partial void UnhandledInvoke(ILogger logger, string name);
    }
}
