using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace CareerBot.Bot.State;

/// <summary>
/// Conversation state in Azure Blob Storage, one blob a key, the blob's ETag as the item's:
/// several bot instances share it, and conditional writes (If-Match) keep concurrent turns
/// from overwriting each other.
/// </summary>
internal sealed class BlobStateStorage(BlobContainerClient container) : IStateStorage
{
    private int _containerReady;

    public async Task<StoredItem?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var result = await container.GetBlobClient(key).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return new StoredItem(result.Value.Content.ToString(), result.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<string> WriteAsync(string key, string json, string? etag, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var conditions = etag switch
        {
            null => new BlobRequestConditions { IfNoneMatch = ETag.All },
            "*" => null,
            _ => new BlobRequestConditions { IfMatch = new ETag(etag) },
        };
        try
        {
            var response = await container.GetBlobClient(key).UploadAsync(
                BinaryData.FromString(json),
                new BlobUploadOptions { Conditions = conditions, HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
                cancellationToken).ConfigureAwait(false);
            return response.Value.ETag.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 409)
        {
            throw new StorageConflictException($"'{key}' changed since it was read", ex);
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await container.GetBlobClient(key).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The container itself is gone: nothing to delete.
        }
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _containerReady) == 1)
        {
            return;
        }

        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _containerReady, 1);
    }
}
