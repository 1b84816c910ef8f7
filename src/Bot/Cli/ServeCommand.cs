using System.CommandLine;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Cli;

/// <summary>
/// <c>serve [--urls URL] [--Section:Key=value ...]</c>: runs the bot service; also what the executable does
/// without a verb. Tokens it does not know are settings for the host, as <c>dotnet run</c> passes them.
/// A setting that fails validation at start is one line naming the key (exit code 2), not a stack trace.
/// </summary>
internal static partial class ServeCommand
{
    /// <summary>The section each options class is bound from, to name a failing setting by its key.</summary>
    private static readonly Dictionary<string, string> Sections = new(StringComparer.Ordinal)
    {
        ["BotOptions"] = "Bot",
        ["KnowledgeOptions"] = "Knowledge",
        ["RetrievalOptions"] = "Knowledge:Retrieval",
        ["IntentTrainerOptions"] = "Knowledge:Trainer",
        ["StateOptions"] = "State",
        ["DirectLineOptions"] = "DirectLine",
        ["SlackOptions"] = "Slack",
        ["TelemetryOptions"] = "Telemetry",
        ["ReloadOptions"] = "Reload",
        ["TranscriptOptions"] = "Transcripts",
        ["TurnLogOptions"] = "TurnLog",
    };

    public static Command Create(CliContext cli, Func<string[], int>? serve)
    {
        var command = new Command("serve", "Run the bot service (also the default without a verb). Other options are settings: --urls http://localhost:3978, --Bot:MessagesPerMinute=30, ...")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(parse =>
        {
            if (serve is null)
            {
                cli.Error.WriteLine("error: this build of the tool cannot run the service");
                return 1;
            }

            try
            {
                return serve([.. parse.UnmatchedTokens]);
            }
            catch (OptionsValidationException ex)
            {
                foreach (var line in Describe(ex))
                {
                    cli.Error.WriteLine($"error: invalid setting {line}");
                }

                cli.Error.WriteLine("See the configuration reference in README.md, or `serve --help`.");
                return CliApp.UsageError;
            }
        });
        return command;
    }

    /// <summary>
    /// One line a failure, led by the setting's key: "Knowledge:Retrieval:MinCoverage: must be between 0 and 1".
    /// The validators write "Member: The field Type.Path.Member must ..." (DataAnnotations) or "Member: message".
    /// </summary>
    public static IEnumerable<string> Describe(OptionsValidationException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var type = exception.OptionsType.Name;
        var section = Sections.GetValueOrDefault(type);
        foreach (var failure in exception.Failures.SelectMany(f => f.Split("; ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (DataAnnotationFailure().Match(failure) is { Success: true } annotated)
            {
                var name = annotated.Groups[1].Value.Replace('.', ':');
                yield return $"{(section is null ? name : section + ":" + name)}: {annotated.Groups[2].Value}";
                continue;
            }

            var colon = failure.IndexOf(": ", StringComparison.Ordinal);
            var member = colon > 0 && !failure[..colon].Contains(' ', StringComparison.Ordinal) ? failure[..colon] : null;
            var text = member is null ? failure : failure[(colon + 2)..];
            var field = FieldPath().Match(text);
            if (field.Success && field.Groups[1].Value == type)
            {
                member = field.Groups[2].Value;
                text = text[(field.Index + field.Length)..];
            }

            var key = member is null ? section : (section is null ? member.Replace('.', ':') : section + ":" + member.Replace('.', ':'));
            yield return key is null ? text : $"{key}: {text}";
        }
    }

    [GeneratedRegex(@"members: '([^']+)' with the error: '(.*)'\.?$")]
    private static partial Regex DataAnnotationFailure();

    [GeneratedRegex(@"The field (\w+)\.([\w.]+) ")]
    private static partial Regex FieldPath();
}
