namespace CareerBot.Knowledge;

/// <summary>One problem in a knowledge-base file: where it is, how bad, and what to do.</summary>
/// <param name="Line">1-based; 0 when the problem is the file (or folder) as a whole.</param>
public sealed record KnowledgeDiagnostic(string File, int Line, DiagnosticSeverity Severity, string Message)
{
    /// <summary><c>file:line: message</c>, as compilers write it.</summary>
    public string Location(string? relativeTo = null)
    {
        var file = relativeTo is null ? File : Path.GetRelativePath(relativeTo, File).Replace('\\', '/');
        return $"{file}:{Line}: {Message}";
    }

    public override string ToString() => $"{(Severity == DiagnosticSeverity.Error ? "error" : "warning")}: {Location()}";
}
