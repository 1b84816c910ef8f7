// The Kestrel floor for bench/load.sh: one POST /api/messages that parses the incoming activity and
// answers with one reply activity in an expectReplies body. Nothing else: no authentication, no state,
// no logging per request. Whatever CareerBot spends beyond this is the cost of being CareerBot.
using System.Text.Json;
using System.Text.Json.Serialization;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, FloorJson.Default));
var app = builder.Build();

app.MapPost("/api/messages", async (HttpContext context) =>
{
    var incoming = await JsonSerializer.DeserializeAsync(context.Request.Body, FloorJson.Default.Activity, context.RequestAborted);
    if (incoming is null || incoming.Type != "message")
    {
        return Results.BadRequest();
    }
    var reply = new Activity
    {
        Type = "message",
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = incoming.ChannelId,
        ServiceUrl = incoming.ServiceUrl,
        Conversation = incoming.Conversation,
        From = incoming.Recipient,
        Recipient = incoming.From,
        ReplyToId = incoming.Id,
        Locale = incoming.Locale,
        Text = "Echo: " + incoming.Text,
    };
    return Results.Json(new ExpectedReplies([reply]), FloorJson.Default.ExpectedReplies);
});

app.Run();

internal sealed record Account(string? Id, string? Name, string? Role);

internal sealed record ConversationAccount(string? Id);

internal sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public string? ChannelId { get; init; }
    public string? ServiceUrl { get; init; }
    public string? Locale { get; init; }
    public Account? From { get; init; }
    public Account? Recipient { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? ReplyToId { get; init; }
    public string? Text { get; init; }
    public string? DeliveryMode { get; init; }
}

internal sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ExpectedReplies))]
internal sealed partial class FloorJson : JsonSerializerContext;
