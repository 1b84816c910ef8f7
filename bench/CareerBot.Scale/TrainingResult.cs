namespace CareerBot.Scale;

/// <summary>One intent-training measurement: which set, its size, the model it gave, and the median, fastest and slowest of three fits in seconds.</summary>
internal sealed record TrainingResult(string Set, int Utterances, int Intents, int Features, double Threshold, double Seconds, double Fastest, double Slowest);
