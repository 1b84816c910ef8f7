namespace CareerBot.Knowledge.Intents;

/// <summary>Every intent's utterances, and the sample questions each topic offers as suggestions.</summary>
public sealed record UtteranceSet(
    IReadOnlyList<LabeledUtterance> Examples,
    IReadOnlyList<string> IntentNames,
    IReadOnlyDictionary<string, IReadOnlyList<string>> SampleQuestions);
