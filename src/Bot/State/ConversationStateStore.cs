using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.State;

/// <summary>
/// Reads and updates conversation state through the storage seam. Updates are functions
/// of the stored state, re-applied on an ETag conflict, so concurrent turns of one
/// conversation lose nothing. When storage fails or is slow the turn goes on without
/// context: failures are logged, never thrown.
/// </summary>
internal sealed partial class ConversationStateStore(IStateStorage storage, IOptions<StateOptions> options, TimeProvider time, ILogger<ConversationStateStore> logger)
{
    private const int MaxAttempts = 16;

    public async Task<ConversationState> ReadAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        (await ReadForUpdateAsync(channelId, conversationId, cancellationToken).ConfigureAwait(false)).State;

    /// <summary>
    /// The state with the ETag it was read at, so that the turn's update can start from it instead of
    /// reading and deserialising it a second time (a concurrent write still makes the update re-read).
    /// </summary>
    public async Task<StateRead> ReadForUpdateAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        var key = Key(channelId, conversationId);
        try
        {
            using var timeout = Timeout(cancellationToken);
            var item = await storage.ReadAsync(key, timeout?.Token ?? cancellationToken).ConfigureAwait(false);
            return new StateRead(key, StateOf(item), item?.ETag, Stored: true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.StateUnavailable(logger, "read", ex.GetType().Name, ex);
            return new StateRead(key, new ConversationState(), null, Stored: false);
        }
    }

    /// <summary>Applies <paramref name="update"/> to the stored state; false when storage could not be reached.</summary>
    public Task<bool> UpdateAsync(string channelId, string conversationId, Func<ConversationState, ConversationState> update, CancellationToken cancellationToken) =>
        UpdateKeyAsync(Key(channelId, conversationId), null, update, cancellationToken);

    /// <summary>Applies <paramref name="update"/> to the state as <paramref name="read"/>, re-reading only if it changed since.</summary>
    public Task<bool> UpdateAsync(StateRead read, Func<ConversationState, ConversationState> update, CancellationToken cancellationToken) =>
        UpdateKeyAsync(read.Key, read.Stored ? read : null, update, cancellationToken);

    private async Task<bool> UpdateKeyAsync(string key, StateRead? read, Func<ConversationState, ConversationState> update, CancellationToken cancellationToken)
    {
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                using var timeout = Timeout(cancellationToken);
                ConversationState current;
                string? etag;
                if (attempt == 1 && read is not null)
                {
                    (current, etag) = (read.State, read.ETag);
                }
                else
                {
                    var item = await storage.ReadAsync(key, timeout?.Token ?? cancellationToken).ConfigureAwait(false);
                    (current, etag) = (StateOf(item), item?.ETag);
                }

                var json = JsonSerializer.Serialize(update(current), StateJsonContext.Default.ConversationState);
                try
                {
                    await storage.WriteAsync(key, json, etag, timeout?.Token ?? cancellationToken).ConfigureAwait(false);
                    return true;
                }
                catch (StorageConflictException) when (attempt < MaxAttempts)
                {
                    Log.StateConflict(logger, attempt);

                    // Jittered backoff, so that turns colliding on one conversation spread out.
                    var delay = TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 + (5 * attempt)));
                    await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.StateUnavailable(logger, "write", ex.GetType().Name, ex);
            return false;
        }
    }

    public async Task ClearAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = Timeout(cancellationToken);
            await storage.DeleteAsync(Key(channelId, conversationId), timeout?.Token ?? cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.StateUnavailable(logger, "delete", ex.GetType().Name, ex);
        }
    }

    /// <summary>
    /// Storage keys hash the channel and conversation ids: ids are long, contain ':', ';' and '@'
    /// (Teams), and are nobody's business in a storage listing.
    /// </summary>
    public static string Key(string channelId, string conversationId) =>
        "conversation-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(channelId + "\n" + conversationId)))[..40];

    /// <summary>The stored state; a new one when there is none or it cannot be read.</summary>
    private static ConversationState StateOf(StoredItem? item)
    {
        if (item is null)
        {
            return new ConversationState();
        }

        try
        {
            return JsonSerializer.Deserialize(item.Json, StateJsonContext.Default.ConversationState) ?? new ConversationState();
        }
        catch (JsonException)
        {
            return new ConversationState();
        }
    }

    /// <summary>
    /// State:Timeout for one call to a store that can wait on the network; none (null) for one that
    /// cannot, where the timer each call started was all the bound did.
    /// </summary>
    private CancellationTokenSource? Timeout(CancellationToken cancellationToken)
    {
        if (!storage.MayWait)
        {
            return null;
        }

        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(options.Value.Timeout);
        return source;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2100, Level = LogLevel.Warning, Message = "Conversation state storage failed on {Operation} ({Error}); answering without context")]
        public static partial void StateUnavailable(ILogger logger, string operation, string error, Exception exception);

        [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "Conversation state changed concurrently (attempt {Attempt}); re-applying the update")]
        public static partial void StateConflict(ILogger logger, int attempt);
    }
}

/// <summary>
/// A conversation's state as one turn read it: its storage key, the state, the ETag it had (null when
/// there was none), and whether storage answered at all (when it did not, an update reads afresh).
/// </summary>
internal sealed record StateRead(string Key, ConversationState State, string? ETag, bool Stored);
