namespace CareerBot.Bot.State;

/// <summary>A stored document with the ETag that guards its next write.</summary>
public sealed record StoredItem(string Json, string ETag);

/// <summary>
/// Key-value storage with optimistic concurrency, as the Bot Framework's IStorage has it:
/// a write that names an ETag succeeds only if the item still has that ETag, "*" overwrites
/// whatever is there, and null creates the item only if it does not exist yet (so two
/// first writes cannot both win). In memory by default; Azure Blob Storage when configured.
/// </summary>
public interface IStateStorage
{
    Task<StoredItem?> ReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Writes and returns the new ETag; <see cref="StorageConflictException"/> when the condition fails.</summary>
    Task<string> WriteAsync(string key, string json, string? etag, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Whether a call can wait on something outside the process (a network store), so that each call is
    /// bounded by State:Timeout. A store that answers from memory says no: it has nothing to wait for.
    /// </summary>
    bool MayWait => true;
}

/// <summary>Someone else wrote the item since it was read.</summary>
public sealed class StorageConflictException : Exception
{
    public StorageConflictException()
    {
    }

    public StorageConflictException(string message)
        : base(message)
    {
    }

    public StorageConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
