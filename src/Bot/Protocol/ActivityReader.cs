using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Protocol;

/// <summary>
/// Parses incoming activities with the configured nesting limit (<see cref="BotOptions.MaxJsonDepth"/>);
/// deeper JSON is a <see cref="JsonException"/>, so a 400, on every channel route.
/// </summary>
internal sealed class ActivityReader(IOptions<BotOptions> options)
{
    private readonly JsonTypeInfo<Activity> _activity = (JsonTypeInfo<Activity>)new ActivityJsonContext(
        new JsonSerializerOptions(ActivityJsonContext.Default.Options) { MaxDepth = options.Value.MaxJsonDepth }).GetTypeInfo(typeof(Activity))!;

    public Activity? Read(byte[] body) => JsonSerializer.Deserialize(body, _activity);
}
