using System.Security.Cryptography;
using System.Text;
using CareerBot.Bot.Operations;
using CareerBot.Bot.State;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Turns;

/// <summary>
/// Votes on answers: the answer is found in the conversation's recent answers (by the vote key its
/// buttons carried, else the reply id, else the latest answer) and the vote stored once per person
/// and answer. A store that fails loses the vote, never the turn.
/// </summary>
internal sealed partial class Votes(
    ConversationStateStore states,
    IFeedbackStore feedback,
    IOptions<TranscriptOptions> transcripts,
    TimeProvider time,
    ILogger<Votes> logger)
{
    public async Task RecordAsync(TurnAddress turn, Vote vote, CancellationToken cancellationToken)
    {
        var state = await states.ReadAsync(turn.ChannelId, turn.ConversationId, cancellationToken).ConfigureAwait(false);
        var answer = (vote.VoteKey is null ? null : state.RecentAnswers.LastOrDefault(a => a.VoteKey == vote.VoteKey))
            ?? (vote.ReplyId is null ? null : state.RecentAnswers.LastOrDefault(a => a.ReplyId == vote.ReplyId))
            ?? state.RecentAnswers.LastOrDefault(a => a.Answered);
        await RecordAsync(turn, vote, answer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stores <paramref name="vote"/> on <paramref name="answer"/>, already found by the caller (the turn that holds the state).</summary>
    public async Task RecordAsync(TurnAddress turn, Vote vote, AnswerRecord? answer, CancellationToken cancellationToken)
    {
        try
        {
            var stored = await feedback.RecordAsync(
                new Feedback(time.GetUtcNow(), turn.Channel, vote.Helpful, answer?.Intent ?? "unknown", answer?.PassageIds ?? [], transcripts.Value.Enabled ? Truncate(vote.Comment, 500) : null, VoteId(turn, answer), answer?.VoteKey),
                cancellationToken).ConfigureAwait(false);
            if (stored)
            {
                Log.FeedbackRecorded(logger, turn.Channel, vote.Helpful, answer?.Intent ?? "unknown");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.FeedbackFailed(logger, ex);
        }
    }

    /// <summary>
    /// One person's vote on one answer: the channel, conversation and user with the answer's vote key,
    /// hashed. None when the answer is not known (nothing to replace).
    /// </summary>
    private static string? VoteId(TurnAddress turn, AnswerRecord? answer) =>
        answer?.VoteKey is { } key
            ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', turn.ChannelId, turn.ConversationId, turn.UserId ?? string.Empty, key))))[..32]
            : null;

    private static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..max];

    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Feedback on {Channel}: helpful {Helpful}, intent {Intent}")]
        public static partial void FeedbackRecorded(ILogger logger, string channel, bool helpful, string intent);

        [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Feedback could not be stored")]
        public static partial void FeedbackFailed(ILogger logger, Exception exception);
    }
}
