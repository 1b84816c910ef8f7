using System.CommandLine;
using CareerBot.Knowledge.Answers;

namespace CareerBot.Bot.Cli;

/// <summary>
/// <c>converse FILE</c>: asks the conversations of a text file, each message a follow-up to the one
/// before it, and prints every reply with its kind, as <c>ask</c> prints one. One message per line; a
/// blank line starts a new conversation. How the docs' newcomer checks are asked again.
/// </summary>
internal static class ConverseCommand
{
    public static Command Create(CliContext cli, TimeProvider time)
    {
        var file = new Argument<string>("file") { Description = "Conversations: one message per line, a blank line between conversations." };
        var command = new Command("converse", "Ask the conversations of a file, each message a follow-up to the one before, and print every reply.") { file };
        command.SetAction(parse => cli.Guarded(() =>
        {
            var loader = cli.CreateLoader();
            var path = CliContext.InRepository(parse.GetValue(file)!, loader.Options);
            if (!File.Exists(path))
            {
                cli.Error.WriteLine($"error: no file '{path}'");
                return 1;
            }

            var conversations = Knowledge.Text.Paragraphs.Of(File.ReadAllText(path));
            using var knowledge = loader.Load();
            var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            foreach (var conversation in conversations)
            {
                cli.Output.WriteLine("==========");
                ConversationContext? context = null;
                foreach (var message in conversation)
                {
                    var answer = knowledge.Engine.Answer(new Question(message, context) { AskedOn = day });
                    cli.Output.WriteLine($">>> {message}   [{answer.Kind}]");
                    cli.Output.WriteLine(AskCommand.ToText(answer));
                    cli.Output.WriteLine();
                    context = answer.Context;
                }
            }

            return 0;
        }));
        return command;
    }
}
