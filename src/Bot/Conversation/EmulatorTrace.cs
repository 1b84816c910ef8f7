using System.Text.Json.Nodes;
using CareerBot.Bot.Protocol;
using CareerBot.Knowledge.Answers;

namespace CareerBot.Bot.Conversation;

/// <summary>
/// The trace activity the Emulator's inspector shows beside every answer; integration tests
/// read the same contract: name "CareerBot", label "Answer", valueType "CareerBot.Answer".
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
}
