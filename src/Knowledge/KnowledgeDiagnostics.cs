namespace CareerBot.Knowledge;

/// <summary>
/// Every problem the loaders found, in the order found. Loaders add to it and keep going, so one run
/// reports every mistake; <see cref="ThrowIfErrors"/> turns the errors into one
/// <see cref="KnowledgeBaseException"/> for callers that cannot go on.
/// </summary>
public sealed class KnowledgeDiagnostics
{
    private readonly List<KnowledgeDiagnostic> _items = [];

    public IReadOnlyList<KnowledgeDiagnostic> Items => _items;

    public IEnumerable<KnowledgeDiagnostic> Errors => _items.Where(d => d.Severity == DiagnosticSeverity.Error);

    public IEnumerable<KnowledgeDiagnostic> Warnings => _items.Where(d => d.Severity == DiagnosticSeverity.Warning);

    public int ErrorCount => _items.Count(d => d.Severity == DiagnosticSeverity.Error);

    public bool HasErrors => _items.Exists(d => d.Severity == DiagnosticSeverity.Error);

    public void Error(string file, int line, string message) => _items.Add(new KnowledgeDiagnostic(file, line, DiagnosticSeverity.Error, message));

    public void Warning(string file, int line, string message) => _items.Add(new KnowledgeDiagnostic(file, line, DiagnosticSeverity.Warning, message));

    /// <summary>A check that threw instead of adding: its errors are kept like any other.</summary>
    public void Add(KnowledgeBaseException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.Diagnostics.Count > 0)
        {
            _items.AddRange(exception.Diagnostics);
        }
        else
        {
            Error(exception.File, exception.Line, exception.Problem);
        }
    }

    public void AddRange(KnowledgeDiagnostics other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _items.AddRange(other._items);
    }

    public void ThrowIfErrors()
    {
        if (HasErrors)
        {
            throw new KnowledgeBaseException(Errors.ToList());
        }
    }
}
