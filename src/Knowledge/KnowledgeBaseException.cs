namespace CareerBot.Knowledge;

/// <summary>
/// Mistakes in knowledge-base files, each with its file and line. The message is one
/// <c>file:line: problem</c> line per mistake; <see cref="File"/>, <see cref="Line"/> and
/// <see cref="Problem"/> are the first one's.
/// </summary>
public sealed class KnowledgeBaseException : Exception
{
    public KnowledgeBaseException(string file, int line, string problem)
        : base($"{file}:{line}: {problem}")
    {
        File = file;
        Line = line;
        Problem = problem;
        Diagnostics = [];
    }

    /// <summary>Every error of a check, reported at once.</summary>
    public KnowledgeBaseException(IReadOnlyList<KnowledgeDiagnostic> errors)
        : base(string.Join('\n', (errors ?? throw new ArgumentNullException(nameof(errors))).Select(e => e.Location())))
    {
        ArgumentOutOfRangeException.ThrowIfZero(errors.Count);
        File = errors[0].File;
        Line = errors[0].Line;
        Problem = errors[0].Message;
        Diagnostics = errors;
    }

    public KnowledgeBaseException()
    {
        File = string.Empty;
        Problem = string.Empty;
        Diagnostics = [];
    }

    public KnowledgeBaseException(string message)
        : base(message)
    {
        File = string.Empty;
        Problem = message;
        Diagnostics = [];
    }

    public KnowledgeBaseException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = string.Empty;
        Problem = message;
        Diagnostics = [];
    }

    public string File { get; }

    public int Line { get; }

    public string Problem { get; }

    /// <summary>Every error when the exception reports a whole check; empty for a single problem.</summary>
    public IReadOnlyList<KnowledgeDiagnostic> Diagnostics { get; }
}
