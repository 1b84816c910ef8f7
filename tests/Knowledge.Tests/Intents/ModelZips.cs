using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareerBot.Knowledge.Tests.Intents;

/// <summary>Model zips as another version of the bot would have written them.</summary>
internal static class ModelZips
{
    /// <summary>Rewrites the format version a model zip records.</summary>
    public static void RewriteFormatVersion(string path, int version)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = zip.GetEntry("CareerBot/intent-model.json")!;
        JsonNode info;
        using (var read = entry.Open())
        {
            info = JsonNode.Parse(read)!;
        }

        entry.Delete();
        info["FormatVersion"] = version;
        using var write = zip.CreateEntry("CareerBot/intent-model.json").Open();
        using var writer = new Utf8JsonWriter(write);
        info.WriteTo(writer);
    }
}
