namespace CareerBot.Knowledge;

/// <summary>
/// How bad a knowledge-base problem is. An error stops <c>index</c>, <c>train</c>, <c>lint</c> and the
/// bot's start; a warning is printed (or logged) and the knowledge base is used as it is.
/// </summary>
public enum DiagnosticSeverity
{
    Warning,
    Error,
}
