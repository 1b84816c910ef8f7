using System.CommandLine;
using System.ComponentModel.DataAnnotations;
using CareerBot.Knowledge;
using Microsoft.Extensions.Logging.Console;

namespace CareerBot.Bot.Cli;

/// <summary>
/// The command-line verbs of the bot's executable: <c>ask</c>, <c>index</c>, <c>train</c>,
/// <c>eval</c>, <c>import</c>, <c>teams-package</c> and <c>report</c>. Without a verb the executable runs the bot service instead.
/// </summary>
internal static class CliApp
{
    private static readonly string[] Verbs = ["ask", "index", "train", "eval", "import", "teams-package", "report", "--help", "-h", "-?"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0], StringComparer.Ordinal);

    /// <param name="options">Knowledge options to use instead of appsettings.json and the environment (tests).</param>
    /// <param name="time">The clock (tests fix it); the system clock by default.</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, KnowledgeOptions? options = null, TimeProvider? time = null)
    {
        var cli = new CliContext(output, error, () => CreateLoader(options ?? LoadOptions()));
        var root = new RootCommand("CareerBot: answers questions about the machine learning engineer career, citing its guides. Run without a verb to start the bot service.");
        root.Subcommands.Add(AskCommand.Create(cli));
        root.Subcommands.Add(cli.Simple("index", "Build the Lucene index of the passages from knowledge-base/guides and synonyms.txt.", loader =>
        {
            var passages = loader.BuildIndex();
            output.WriteLine($"Indexed {passages} passages into {loader.Options.IndexPath}");
        }));
        root.Subcommands.Add(cli.Simple("train", "Train the intent classifier on knowledge-base/intents and save it next to the index.", loader =>
        {
            var model = loader.Train();
            output.WriteLine($"Trained {model.ClassNames.Count} intents ({model.FeatureCount} features, out-of-scope threshold {model.Threshold:0.000}) into {loader.Options.ModelPath}");
        }));
        root.Subcommands.Add(EvalCommand.Create(cli, time ?? TimeProvider.System));
        root.Subcommands.Add(ImportCommand.Create(cli, time ?? TimeProvider.System));
        root.Subcommands.Add(TeamsPackageCommand.Create(cli));
        root.Subcommands.Add(ReportCommand.Create(cli, time ?? TimeProvider.System));
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>Knowledge options from appsettings.json and the environment (Knowledge__BasePath, ...), validated.</summary>
    public static KnowledgeOptions LoadOptions()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = new KnowledgeOptions();
        configuration.GetSection("Knowledge").Bind(options);
        var result = new KnowledgeOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ValidationException(result.FailureMessage);
        }

        KnowledgePaths.Resolve(options);
        return options;
    }

    /// <summary>A loader whose log lines go to standard error, so standard output stays the verb's result.</summary>
    private static KnowledgeLoader CreateLoader(KnowledgeOptions options)
    {
        var loggerFactory = LoggerFactory.Create(builder => builder
            .AddSimpleConsole(o => { o.SingleLine = true; o.ColorBehavior = LoggerColorBehavior.Disabled; })
            .AddFilter(level => level >= LogLevel.Information)
            .Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        return new KnowledgeLoader(options, loggerFactory.CreateLogger("CareerBot.Knowledge"));
    }
}

/// <summary>What every verb writes to and loads its knowledge with.</summary>
internal sealed record CliContext(TextWriter Output, TextWriter Error, Func<KnowledgeLoader> CreateLoader)
{
    /// <summary>Runs <paramref name="action"/>, turning knowledge-base and setting mistakes into a message and exit code 1.</summary>
    public int Guarded(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (KnowledgeBaseException ex)
        {
            Error.WriteLine($"error: {ex.Message}");
            return 1;
        }
        catch (ValidationException ex)
        {
            Error.WriteLine($"error: invalid setting: {ex.Message}");
            return 1;
        }
    }

    public Command Simple(string name, string description, Action<KnowledgeLoader> action)
    {
        var command = new Command(name, description);
        command.SetAction(_ => Guarded(() =>
        {
            action(CreateLoader());
            return 0;
        }));
        return command;
    }
}
