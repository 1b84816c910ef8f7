using CareerBot.Knowledge.Answers;

namespace CareerBot.Bot.Operations;

/// <summary>
/// What a message turn came to. Chat turns (greeting, thanks, goodbye, help) are neither answers nor
/// declines; a clarification asked which of two topics was meant.
/// </summary>
public enum TurnOutcome
{
    Answered,
    Declined,
    Clarified,
    Chat,
}

/// <summary>Why a turn was declined, as the turn log stores it.</summary>
public static class DeclineReason
{
    /// <summary>The classifier read the question as outside the guides' topics.</summary>
    public const string OutOfScope = "out_of_scope";

    /// <summary>In scope, but no passage matched well enough (or "tell me more" had nothing more).</summary>
    public const string NoPassage = "no_passage";

    /// <summary>The sender went over the per-user message rate; the question was not read.</summary>
    public const string Throttled = "throttled";

    /// <summary>Answering failed with an exception.</summary>
    public const string Error = "error";

    /// <summary>Declined before the turn log kept reasons.</summary>
    public const string Unknown = "unknown";

    /// <summary>The outcome of an answer the engine gave, and the reason when it is a decline.</summary>
    public static (TurnOutcome Outcome, string? Reason) Of(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Kind switch
        {
            AnswerKind.Answered => (TurnOutcome.Answered, null),
            AnswerKind.DidYouMean => (TurnOutcome.Clarified, null),
            AnswerKind.Greeting or AnswerKind.Thanks or AnswerKind.Goodbye or AnswerKind.Help => (TurnOutcome.Chat, null),
            _ => (TurnOutcome.Declined, answer.Intent.Name == "out_of_scope" ? OutOfScope : NoPassage),
        };
    }
}
