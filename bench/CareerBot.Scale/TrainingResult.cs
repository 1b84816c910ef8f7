namespace CareerBot.Scale;

/// <summary>One intent-training measurement: which set, its size, the model it gave and the wall time.</summary>
internal sealed record TrainingResult(string Set, int Utterances, int Intents, int Features, double Threshold, double Seconds);
