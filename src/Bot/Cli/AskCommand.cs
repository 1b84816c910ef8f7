using System.CommandLine;
using System.Text.Json;
using CareerBot.Knowledge.Answers;

namespace CareerBot.Bot.Cli;

/// <summary><c>ask "question" [--json]</c>: one answer with its citations.</summary>
internal static class AskCommand
{
    public static Command Create(CliContext cli, TimeProvider time)
    {
        var question = new Argument<string>("question") { Description = "The question to answer, in quotes." };
        var json = new Option<bool>("--json") { Description = "Print the answer as JSON." };
        var command = new Command("ask", "Answer one question from the knowledge base and show the sources.") { question, json };
        command.SetAction(parse => cli.Guarded(() =>
        {
            using var knowledge = cli.CreateLoader().Load();
            var answer = knowledge.Engine.Answer(new Question(parse.GetValue(question) ?? string.Empty) { AskedOn = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime) });
            cli.Output.WriteLine(parse.GetValue(json) ? ToJson(answer) : ToText(answer));
            return 0;
        }));
        return command;
    }

    public static string ToJson(Answer answer) => JsonSerializer.Serialize(
        new AskOutput(
            answer.Question,
            new AskIntent(answer.Intent.Name, Math.Round(answer.Intent.Score, 4)),
            answer.Answered,
            answer.Text,
            answer.Citations.Select(c => new AskCitation(c.PassageId, c.Source, c.SectionPath, c.Quote, c.PassageText)).ToArray(),
            answer.Suggestions),
        CliJsonContext.Default.AskOutput);

    public static string ToText(Answer answer)
    {
        var writer = new StringWriter();
        writer.WriteLine(answer.Text);
        if (answer.Citations.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Sources:");
            foreach (var c in answer.Citations)
            {
                writer.WriteLine($"  [{c.Number}] {c.GuideTitle} > {c.SectionPath}");
                writer.WriteLine($"      {c.PassageId}, updated {c.Updated:yyyy-MM-dd}");
            }
        }

        if (answer.Suggestions.Count > 0)
        {
            // A decline or a "did you mean" already leads into its suggestions ("You could try one of these:").
            writer.WriteLine();
            if (answer.Kind is not (AnswerKind.Declined or AnswerKind.DidYouMean))
            {
                writer.WriteLine("You could also ask:");
            }

            foreach (var s in answer.Suggestions)
            {
                writer.WriteLine($"  - {s}");
            }
        }

        writer.WriteLine();
        writer.Write($"(intent {answer.Intent.Name}, {answer.Intent.Score:0.00})");
        return writer.ToString();
    }
}
