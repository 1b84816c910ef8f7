using System.Buffers;
using System.Text.Json;

namespace CareerBot.Bot.Channels.DirectLine;

/// <summary>
/// A page of the feed, <c>{"activities":[...],"watermark":"n"}</c>, written from the JSON the feed
/// keeps for each activity: as a poll's response, or as one WebSocket frame.
/// </summary>
internal sealed class ActivitySetReply(IReadOnlyList<byte[]> activities, string watermark) : IResult
{
    public static byte[] Frame(IReadOnlyList<byte[]> activities, string watermark)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + activities.Sum(a => a.Length + 1));
        Write(buffer, activities, watermark);
        return buffer.WrittenSpan.ToArray();
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        Write(response.BodyWriter, activities, watermark);
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
    }

    private static void Write(IBufferWriter<byte> output, IReadOnlyList<byte[]> activities, string watermark)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        writer.WriteStartObject();
        writer.WriteStartArray("activities");
        foreach (var activity in activities)
        {
            writer.WriteRawValue(activity, skipInputValidation: true);
        }

        writer.WriteEndArray();
        writer.WriteString("watermark", watermark);
        writer.WriteEndObject();
    }
}
