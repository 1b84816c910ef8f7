namespace CareerBot.Knowledge.Search;

/// <summary>The index file is missing, corrupt or of another schema: rebuild it.</summary>
public sealed class IndexUnavailableException : Exception
{
    public IndexUnavailableException()
    {
    }

    public IndexUnavailableException(string message)
        : base(message)
    {
    }

    public IndexUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
