using CareerBot.Bot.Channels.BotFramework;
using CareerBot.Bot.Turns;
using CareerBot.Knowledge.Answers;

namespace CareerBot.Bot.Channels.Slack;

/// <summary>The bot's replies on Slack: Block Kit messages (<c>chat.postMessage</c>) into the thread the question came from.</summary>
internal sealed class SlackReplySink(SlackApiClient api, string channel, string threadTs, string eventId, bool showSourceDates) : IAnswerSink
{
    public Task<string?> AnswerAsync(Answer answer, string? voteKey, CancellationToken cancellationToken) =>
        PostAsync(SlackMessage.From(showSourceDates ? TurnHandler.WithSourceDates(answer) : answer, channel, threadTs), cancellationToken);

    public Task SayAsync(string text, CancellationToken cancellationToken) =>
        PostAsync(SlackMessage.From(text, [], channel, threadTs), cancellationToken);

    /// <summary>Slack has no developer inspector: the user's apology is all it shows.</summary>
    public Task ShowErrorAsync(Exception exception, CancellationToken cancellationToken) => Task.CompletedTask;

    private Task<string?> PostAsync(SlackPostMessage? message, CancellationToken cancellationToken) =>
        message is null ? Task.FromResult<string?>(null) : api.PostMessageAsync(message, eventId, cancellationToken);
}
