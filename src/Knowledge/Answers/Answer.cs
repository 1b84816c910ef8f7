namespace CareerBot.Knowledge.Answers;

/// <summary>The intent an answer acted on, by name, with the classifier's probability.</summary>
public sealed record IntentScore(string Name, double Score);

/// <summary>
/// The engine's reply to a <see cref="Question"/>. Knows no channel: renderers turn it into
/// cards, Markdown or plain text. <see cref="Text"/> carries "[n]" markers, one per citation.
/// </summary>
public sealed record Answer(
    string Question,
    AnswerKind Kind,
    string Text,
    IReadOnlyList<Citation> Citations,
    IntentScore Intent,
    double Confidence,
    IReadOnlyList<string> Suggestions,
    ConversationContext Context)
{
    /// <summary>
    /// The ranked passages the reply was chosen from, the one it opens with first; empty when it
    /// cites none. Evaluation scores this ranking, so that it scores the reply actually given (a
    /// "tell me more", a rescued question, the closest passage) rather than a second reading of the text.
    /// </summary>
    public IReadOnlyList<Search.RankedPassage> Ranking { get; init; } = [];

    /// <summary>
    /// Whether the message said the previous answer did not help ("that was useless", "still vague"):
    /// the turn counts it as a thumbs down on that answer, as a click on the answer's button would be.
    /// </summary>
    public bool Complaint { get; init; }

    /// <summary>Whether the reply declines because no passage answers the message (not because of what it asks the bot to do).</summary>
    internal bool Unmatched { get; init; }

    /// <summary>Whether the answer is only the closest the guides come (its text opens by saying so).</summary>
    internal bool Closest { get; init; }

    /// <summary>True when the text answers from the knowledge base (false for declines and small talk).</summary>
    public bool Answered => Kind == AnswerKind.Answered;
}
