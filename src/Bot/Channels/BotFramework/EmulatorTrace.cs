using System.Text.Json.Nodes;
using CareerBot.Knowledge.Answers;

namespace CareerBot.Bot.Channels.BotFramework;

/// <summary>
/// The trace activities the Emulator's inspector shows: beside every answer, and for a failed turn.
/// Integration tests read the answer's the same way: name "CareerBot", label "Answer", valueType "CareerBot.Answer".
/// </summary>
internal static class EmulatorTrace
{
    public static Activity For(Answer answer) => new()
    {
        Type = ActivityTypes.Trace,
        Name = "CareerBot",
        Label = "Answer",
        ValueType = "CareerBot.Answer",
        Value = new JsonObject
        {
            ["question"] = answer.Question,
            ["intent"] = new JsonObject { ["name"] = answer.Intent.Name, ["score"] = Math.Round(answer.Intent.Score, 4) },
            ["answered"] = answer.Answered,
            ["citations"] = new JsonArray(answer.Citations.Select(c => (JsonNode)new JsonObject
            {
                ["passageId"] = c.PassageId,
                ["source"] = c.Source,
                ["section"] = c.SectionPath,
                ["text"] = c.PassageText,
            }).ToArray()),
        },
    };

    /// <summary>What the Emulator shows for a failed turn, as the SDK's <c>OnTurnError</c> sends it: the error as a trace.</summary>
    public static Activity ForError(Exception exception) => new()
    {
        Type = ActivityTypes.Trace,
        Name = "OnTurnError Trace",
        Label = "TurnError",
        ValueType = "https://www.botframework.com/schemas/error",
        Value = $"{exception.GetType().Name}: {exception.Message}",
    };
}
