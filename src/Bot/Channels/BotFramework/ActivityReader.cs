using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Channels.BotFramework;

/// <summary>
/// Parses incoming activities with the configured nesting limit (<see cref="BotOptions.MaxJsonDepth"/>);
/// deeper JSON is a <see cref="JsonException"/>, so a 400, on every channel route; so is a property
/// given twice in one object (a card's <c>"action"</c> twice threw later, in the turn). A <c>null</c>
/// item in one of the activity's lists (entities, attachments, members, reactions) is dropped here,
/// so nothing past the reader meets one.
/// </summary>
internal sealed class ActivityReader(IOptions<BotOptions> options)
{
    private readonly JsonTypeInfo<Activity> _activity = (JsonTypeInfo<Activity>)new ActivityJsonContext(
        new JsonSerializerOptions(ActivityJsonContext.Default.Options) { MaxDepth = options.Value.MaxJsonDepth, AllowDuplicateProperties = false }).GetTypeInfo(typeof(Activity))!;

    public Activity? Read(byte[] body)
    {
        try
        {
            return WithoutNullItems(JsonSerializer.Deserialize(body, _activity));
        }
        catch (ArgumentException ex)
        {
            // A JSON object (value, channelData, an entity) that names a property twice: the node reader
            // throws this rather than a JsonException, whatever AllowDuplicateProperties says.
            throw new JsonException($"A property is given twice: {ex.Message}", ex);
        }
    }

    private static Activity? WithoutNullItems(Activity? activity) =>
        activity is null || !(HasNull(activity.Entities) || HasNull(activity.Attachments) || HasNull(activity.MembersAdded)
            || HasNull(activity.MembersRemoved) || HasNull(activity.ReactionsAdded) || HasNull(activity.ReactionsRemoved))
            ? activity
            : activity with
            {
                Entities = NonNull(activity.Entities),
                Attachments = NonNull(activity.Attachments),
                MembersAdded = NonNull(activity.MembersAdded),
                MembersRemoved = NonNull(activity.MembersRemoved),
                ReactionsAdded = NonNull(activity.ReactionsAdded),
                ReactionsRemoved = NonNull(activity.ReactionsRemoved),
            };

    private static bool HasNull<T>(List<T>? items)
        where T : class => items is not null && items.Contains(null!);

    private static List<T>? NonNull<T>(List<T>? items)
        where T : class => items?.Where(i => i is not null).ToList();
}
