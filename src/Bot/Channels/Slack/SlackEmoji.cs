using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace CareerBot.Bot.Channels.Slack;

/// <summary>
/// Slack writes an emoji in a message's text as its short code (":+1:", ":thinking_face:",
/// ":pray::skin-tone-3:"), where Web Chat and Teams send the character itself. The engine reads "👍"
/// as thanks and "🤔" as a message with no words; it would read ":+1:" as the words "+1" and
/// ":thinking_face:" as "thinking face", and decline naming them. A word of short codes becomes the
/// characters of those the engine tells apart and loses the others.
/// </summary>
internal static partial class SlackEmoji
{
    private static readonly FrozenDictionary<string, string> Characters = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["+1"] = "👍", ["thumbsup"] = "👍", ["-1"] = "👎", ["thumbsdown"] = "👎", ["ok_hand"] = "👌", ["pray"] = "🙏",
        ["clap"] = "👏", ["raised_hands"] = "🙌", ["100"] = "💯", ["white_check_mark"] = "✅", ["heart"] = "❤", ["blue_heart"] = "💙",
        ["green_heart"] = "💚", ["purple_heart"] = "💜", ["smile"] = "😄", ["smiley"] = "😃", ["grinning"] = "😀", ["grin"] = "😁",
        ["joy"] = "😂", ["laughing"] = "😆", ["sweat_smile"] = "😅", ["wink"] = "😉", ["blush"] = "😊", ["heart_eyes"] = "😍",
        ["slightly_smiling_face"] = "🙂", ["relaxed"] = "☺", ["hugging_face"] = "🤗", ["star-struck"] = "🤩", ["partying_face"] = "🥳",
        ["thinking_face"] = "🤔", ["confused"] = "😕", ["slightly_frowning_face"] = "🙁", ["white_frowning_face"] = "☹",
        ["disappointed"] = "😞", ["worried"] = "😟", ["neutral_face"] = "😐", ["face_with_raised_eyebrow"] = "🤨", ["grimacing"] = "😬",
        ["weary"] = "😩", ["question"] = "❓", ["grey_question"] = "❔",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary><paramref name="text"/> with each word made only of short codes written as the characters the engine tells apart.</summary>
    public static string Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains(':', StringComparison.Ordinal)
            ? Codes().Replace(text, word => string.Concat(Code().Matches(word.Value).Select(c => Characters.GetValueOrDefault(c.Groups["name"].Value, string.Empty))))
            : text;
    }

    [GeneratedRegex(@"(?<=^|\s)(?::[a-z0-9_+'\-]+:)+(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Codes();

    [GeneratedRegex(@":(?<name>[a-z0-9_+'\-]+):", RegexOptions.CultureInvariant)]
    private static partial Regex Code();
}
