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
    RetrievalQuery Query);
