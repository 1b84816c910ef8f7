namespace CareerBot.Knowledge;

/// <summary>A mistake in a knowledge-base file, reported with the file and line.</summary>
public sealed class KnowledgeBaseException : Exception
{
    public KnowledgeBaseException(string file, int line, string problem)
        : base($"{file}:{line}: {problem}")
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    public KnowledgeBaseException()
    {
        File = string.Empty;
        Problem = string.Empty;
    }

    public KnowledgeBaseException(string message)
        : base(message)
    {
        File = string.Empty;
        Problem = message;
    }

    public KnowledgeBaseException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = string.Empty;
        Problem = message;
    }

    public string File { get; }

    public int Line { get; }

    public string Problem { get; }
}
