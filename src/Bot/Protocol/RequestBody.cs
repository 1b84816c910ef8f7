using System.Buffers;
using System.Text.Json;

namespace CareerBot.Bot.Protocol;

/// <summary>Reading request bodies the same way on every channel route: JSON only, bounded in size.</summary>
internal static class RequestBody
{
    /// <summary>
    /// The one validation path of the activity routes (<c>/api/messages</c>, Direct Line posts): content
    /// type (415), size (413), JSON and its depth (400), an activity with a type and what the route
    /// asks more (<paramref name="invalid"/>, 400), the attachment limit (400). Either the activity
    /// or the problem to answer with.
    /// </summary>
    public static async Task<(Activity? Activity, IResult? Problem)> ReadActivityAsync(
        HttpRequest request, ActivityReader reader, BotOptions options, Func<Activity, string?> invalid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(invalid);
        if (!IsJson(request.ContentType))
        {
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type", "Send the activity as application/json."));
        }

        var limit = options.MaxBodyBytes;
        var body = request.ContentLength > limit ? null : await ReadBoundedAsync(request.Body, limit, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return (null, Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The limit is {limit} bytes."));
        }

        Activity? activity;
        try
        {
            activity = reader.Read(body);
        }
        catch (JsonException ex)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "Malformed JSON", ex.Message));
        }

        if (activity is null)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "Not an activity", "The body is not a JSON object."));
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "Not an activity", "An activity needs a 'type'."));
        }

        if (invalid(activity) is { } problem)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "Not an activity", problem));
        }

        if (OverLimits(activity, options) is { } overLimit)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "Over a limit", overLimit));
        }

        return (activity, null);
    }

    public static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType) || !Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        var type = media.MediaType.Value ?? string.Empty;
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The body, or null when it is longer than <paramref name="limit"/>.</summary>
    public static async Task<byte[]?> ReadBoundedAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(limit + 1, 64 * 1024));
        try
        {
            using var result = new MemoryStream();
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (result.Length + read > limit)
                {
                    return null;
                }

                result.Write(buffer, 0, read);
            }

            return result.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Why an activity is over the configured limits, or null when it is within them.</summary>
    private static string? OverLimits(Activity activity, BotOptions options) =>
        activity.Attachments is { Count: var count } && count > options.MaxAttachments
            ? $"At most {options.MaxAttachments} attachments are accepted; this activity has {count}."
            : null;

    private static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);
}
