using CareerBot.Knowledge.Answers;

namespace CareerBot.Bot.Turns;

/// <summary>
/// The channel's side of a turn: it renders what the core says in the channel's own format and
/// delivers it. The core hands it an <see cref="Answer"/> or a short text and never sees the
/// channel's payloads.
/// </summary>
internal interface IAnswerSink
{
    /// <summary>Renders and sends an answer whose vote buttons carry <paramref name="voteKey"/>; returns the channel's id for the reply.</summary>
    Task<string?> AnswerAsync(Answer answer, string? voteKey, CancellationToken cancellationToken);

    /// <summary>Sends a short plain message (thanks, slow down, the apology).</summary>
    Task SayAsync(string text, CancellationToken cancellationToken);

    /// <summary>Shows a failed turn's error where the channel is a developer's tool (the Emulator); elsewhere nothing.</summary>
    Task ShowErrorAsync(Exception exception, CancellationToken cancellationToken);
}
