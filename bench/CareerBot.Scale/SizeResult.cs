namespace CareerBot.Scale;

/// <summary>
/// What one knowledge-base size measured. Times in seconds, latencies in milliseconds (each
/// question's median of <see cref="SizeBenchmark.Rounds"/> runs, except <see cref="AnswerPooled"/>:
/// every run), memory in bytes.
/// </summary>
internal sealed record SizeResult(
    int Passages,
    int Guides,
    int QuestionPassages,
    long Tokens,
    int ZipfRanks,
    int IndexWords,
    double GenerateSeconds,
    double BuildSeconds,
    long IndexBytes,
    double OpenSeconds,
    double SnapshotSeconds,
    Latency Understand,
    Latency Retrieve,
    Latency RetrieveReal,
    Latency Answer,
    Latency AnswerReal,
    Latency AnswerPooled,
    int Answered,
    int Asked,
    string AnswerDigest,
    long ManagedAfterLoad,
    long WorkingSetAfterLoad,
    long ManagedAfterQueries,
    long WorkingSetAfterQueries,
    long PeakResident,
    string? Note);
