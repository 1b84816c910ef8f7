using System.CommandLine;
using System.ComponentModel.DataAnnotations;
using CareerBot.Knowledge;
using Microsoft.Extensions.Logging.Console;

namespace CareerBot.Bot.Cli;

/// <summary>
/// The command-line verbs of the bot's executable: <c>serve</c> (also the default without a verb),
/// <c>ask</c>, <c>converse</c>, <c>index</c>, <c>train</c>, <c>lint</c>, <c>eval</c>, <c>import</c>, <c>publish</c>,
/// <c>teams-package</c> and <c>report</c>. An unknown verb or option, or a bad value, is one line naming
/// it (with a "did you mean" when one is close) and a pointer to <c>--help</c>: exit code 2. A mistake in
/// the knowledge base or a failed verb is exit code 1.
/// </summary>
internal static class CliApp
{
    /// <summary>The exit code of a command line that could not be understood.</summary>
    public const int UsageError = 2;

    private static readonly string[] RootOptions = ["--help", "-h", "-?", "--version"];

    /// <param name="options">Knowledge options to use instead of appsettings.json and the environment (tests).</param>
    /// <param name="time">The clock (tests fix it); the system clock by default.</param>
    /// <param name="serve">Runs the service with the given host arguments; <c>serve</c> fails without it.</param>
    /// <param name="operations">Where <c>report</c> reads feedback and turn records, instead of the Operations settings (tests).</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, KnowledgeOptions? options = null, TimeProvider? time = null, Func<string[], int>? serve = null, Operations.OperationsOptions? operations = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length > 0 && args[0].StartsWith('-') && !RootOptions.Contains(args[0], StringComparer.Ordinal)
            && NameSuggester.Closest(args[0].Split('=', 2)[0], RootOptions.Where(o => o.Length > 2)) is { } meant)
        {
            error.WriteLine($"error: unknown option '{args[0]}'; did you mean '{meant}'?");
            error.WriteLine("See --help.");
            return UsageError;
        }

        args = Route(args);
        var cli = new CliContext(output, error, () => CreateLoader(options ?? LoadOptions()));
        var root = new RootCommand("CareerBot: answers questions about the machine learning engineer career, citing its guides. Without a verb it runs the bot service (as `serve`).");
        root.Subcommands.Add(ServeCommand.Create(cli, serve));
        root.Subcommands.Add(AskCommand.Create(cli, time ?? TimeProvider.System));
        root.Subcommands.Add(ConverseCommand.Create(cli, time ?? TimeProvider.System));
        root.Subcommands.Add(cli.Simple("index", "Check the knowledge base and build the Lucene index of the passages from knowledge-base/guides and synonyms.txt.", loader =>
        {
            var passages = loader.BuildIndex();
            output.WriteLine($"Indexed {passages} passages into {loader.Options.IndexPath}");
        }));
        root.Subcommands.Add(cli.Simple("train", "Check the knowledge base and train the intent classifier on knowledge-base/intents, saved next to the index.", loader =>
        {
            var model = loader.Train();
            output.WriteLine($"Trained {model.ClassNames.Count} intents ({model.FeatureCount} features, out-of-scope threshold {model.Threshold:0.000}) into {loader.Options.ModelPath}");
        }));
        root.Subcommands.Add(LintCommand.Create(cli));
        root.Subcommands.Add(EvalCommand.Create(cli, time ?? TimeProvider.System));
        root.Subcommands.Add(ImportCommand.Create(cli, time ?? TimeProvider.System));
        root.Subcommands.Add(PublishCommand.Create(cli));
        root.Subcommands.Add(TeamsPackageCommand.Create(cli));
        root.Subcommands.Add(ReportCommand.Create(cli, time ?? TimeProvider.System, () => operations ?? Operations.OperationalStores.LoadOptions()));

        // No response files: a setting such as --Bot:Name=@home is a value, not a file to read.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            return UsageErrors(parse, error);
        }

        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>
    /// Nothing, or settings only (<c>--urls ...</c>), is <c>serve</c>; <c>help VERB</c> is <c>VERB --help</c>.
    /// Any other first word must be a verb: a typo is an error, never the service.
    /// </summary>
    private static string[] Route(string[] args)
    {
        if (args.Length == 0 || (args[0].StartsWith('-') && !RootOptions.Contains(args[0], StringComparer.Ordinal)))
        {
            return ["serve", .. args];
        }

        return args[0] == "help" ? [.. args[1..], "--help"] : args;
    }

    /// <summary>One line per mistake, with a "did you mean" for unknown verbs and options, then a pointer to the verb's help.</summary>
    private static int UsageErrors(ParseResult parse, TextWriter error)
    {
        var command = parse.CommandResult.Command;
        var unmatched = parse.UnmatchedTokens;
        var afterUnknownOption = false;
        foreach (var token in unmatched)
        {
            // "--dayz 3": the 3 is the unknown option's value, not a mistake of its own.
            if (afterUnknownOption && !token.StartsWith('-'))
            {
                afterUnknownOption = false;
                continue;
            }

            afterUnknownOption = token.StartsWith('-') && !token.Contains('=', StringComparison.Ordinal);
            string message;
            IEnumerable<string> known;
            if (token.StartsWith('-'))
            {
                message = command is RootCommand ? $"unknown option '{token}'" : $"unknown option '{token}' for '{command.Name}'";
                known = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal));
            }
            else if (command is RootCommand)
            {
                message = $"unknown verb '{token}'";
                known = command.Subcommands.Select(c => c.Name);
            }
            else
            {
                message = $"unexpected argument '{token}' for '{command.Name}'";
                known = [];
            }

            var meant = NameSuggester.Closest(token.Split('=', 2)[0], known);
            error.WriteLine(meant is null ? $"error: {message}" : $"error: {message}; did you mean '{meant}'?");
        }

        // At the root, an unknown verb also leaves "Required command was not provided": one line says it all.
        var others = command is RootCommand && unmatched.Count > 0 ? [] : parse.Errors.Where(e => !unmatched.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal)));
        foreach (var problem in others)
        {
            error.WriteLine($"error: {problem.Message}");
        }

        error.WriteLine(command is RootCommand ? "See --help for the verbs." : $"See `{command.Name} --help`.");
        return UsageError;
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

    /// <summary>
    /// A file named on the command line: as given when it exists or is absolute, otherwise relative to
    /// the repository, the folder that holds the knowledge base (<c>dotnet run --project</c> may start
    /// the verb elsewhere).
    /// </summary>
    public static string InRepository(string path, KnowledgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Path.IsPathRooted(path) || File.Exists(path))
        {
            return Path.GetFullPath(path);
        }

        return Path.Combine(Path.GetDirectoryName(options.BasePath)!, path);
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
