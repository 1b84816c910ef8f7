using System.Text.Json;
using CareerBot.Bot.Http;

namespace CareerBot.Bot.Channels.BotFramework;

/// <summary>Reading an activity from a request, the same way on every route that takes one.</summary>
internal static class ActivityRequest
{
    /// <summary>
    /// The one validation path of the activity routes (<c>/api/messages</c>, Direct Line posts): content
    /// type (415), size (413: <c>Bot:MaxBodyBytes</c>, or the route's own smaller <paramref name="maxBodyBytes"/>),
    /// JSON and its depth (400), an activity with a type and what the route asks more (<paramref name="invalid"/>,
    /// 400), the attachment limit (400). Either the activity or the problem to answer with.
    /// </summary>
    public static async Task<(Activity? Activity, IResult? Problem)> ReadAsync(
        HttpRequest request, ActivityReader reader, BotOptions options, Func<Activity, string?> invalid, CancellationToken cancellationToken, int? maxBodyBytes = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(invalid);
        if (!RequestBody.IsJson(request.ContentType))
        {
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type", "Send the activity as application/json."));
        }

        var limit = Math.Min(options.MaxBodyBytes, maxBodyBytes ?? int.MaxValue);
        var body = request.ContentLength > limit ? null : await RequestBody.ReadBoundedAsync(request.Body, limit, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Why an activity is over the configured limits, or null when it is within them.</summary>
    private static string? OverLimits(Activity activity, BotOptions options) =>
        activity.Attachments is { Count: var count } && count > options.MaxAttachments
            ? $"At most {options.MaxAttachments} attachments are accepted; this activity has {count}."
            : null;

    private static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);
}
