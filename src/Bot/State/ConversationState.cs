using CareerBot.Knowledge.Answers;

namespace CareerBot.Bot.State;

/// <summary>
/// What CareerBot remembers about one conversation: whether it was welcomed, the context
/// for follow-ups, and the last few answers (so feedback on them can name their passages).
/// </summary>
public sealed record ConversationState
{
    public const int MaxRememberedAnswers = 10;

    public bool Welcomed { get; init; }

    public int Turns { get; init; }

    public ConversationContext? Context { get; init; }

    public IReadOnlyList<AnswerRecord> RecentAnswers { get; init; } = [];

    public ConversationState Remember(AnswerRecord record) => this with
    {
        RecentAnswers = [.. RecentAnswers.TakeLast(MaxRememberedAnswers - 1), record],
    };
}

/// <summary>
/// An answer the bot gave: the reply's id where the channel told it, what it cited, and the key its
/// vote buttons carry (Web Chat sends votes without saying which message they are for).
/// </summary>
public sealed record AnswerRecord(string? ReplyId, string Intent, bool Answered, IReadOnlyList<string> PassageIds, string? VoteKey = null);
