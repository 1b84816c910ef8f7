using CareerBot.Knowledge.Intents;
using CareerBot.Knowledge.Search;

namespace CareerBot.Knowledge.Answers;

/// <summary>A question as the engine understood it, before any passage was fetched.</summary>
public sealed record QuestionAnalysis(
    string Text,
    ConversationContext? Previous,
    IntentPrediction Prediction,
    IntentScore IntentScore,
    bool IsMoreRequest,
    bool IsFollowUp,
    RetrievalQuery Query)
{
    /// <summary>
    /// The question the message stands for: the text itself, or for a follow-up that only changes
    /// part of the previous question, that question followed by the change.
    /// </summary>
    public string Resolved { get; init; } = Text;

    /// <summary>
    /// The item of the previous reply's list the message points to by place ("the second one"), whose
    /// words are then its question; null for any other message.
    /// </summary>
    public ItemPointer? Item { get; init; }

    /// <summary>The year the question was asked in (<see cref="Question.AskedOn"/>); 0 when not known, and then no claim counts as dated.</summary>
    public int Year { get; init; }
}
