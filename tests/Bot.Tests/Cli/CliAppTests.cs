using CareerBot.Bot.Cli;
using CareerBot.Knowledge.Tests;

namespace CareerBot.Bot.Tests.Cli;

/// <summary>Every verb given bad arguments: one line naming the mistake, a pointer to --help, exit code 2, and never the service.</summary>
public sealed class CliAppTests : IDisposable
{
    private readonly TempKnowledgeBase _kb = new();
    private readonly List<string[]> _served = [];

    public void Dispose() => _kb.Dispose();

    private (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(args, output, error, _kb.Options(), TimeProvider.System, serve: hostArgs =>
        {
            _served.Add(hostArgs);
            return 0;
        });
        return (exit, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("indx", "error: unknown verb 'indx'; did you mean 'index'?\nSee --help for the verbs.\n")]
    [InlineData("reprot", "error: unknown verb 'reprot'; did you mean 'report'?\nSee --help for the verbs.\n")]
    [InlineData("frobnicate", "error: unknown verb 'frobnicate'\nSee --help for the verbs.\n")]
    [InlineData("--hlep", "error: unknown option '--hlep'; did you mean '--help'?\nSee --help.\n")]
    [InlineData("ask", "error: Required argument missing for command: 'ask'.\nSee `ask --help`.\n")]
    [InlineData("ask|Do I need a PhD?|--jsn", "error: unknown option '--jsn' for 'ask'; did you mean '--json'?\nSee `ask --help`.\n")]
    [InlineData("index|extra", "error: unexpected argument 'extra' for 'index'\nSee `index --help`.\n")]
    [InlineData("train|--force", "error: unknown option '--force' for 'train'\nSee `train --help`.\n")]
    [InlineData("lint|--fix", "error: unknown option '--fix' for 'lint'\nSee `lint --help`.\n")]
    [InlineData("eval|--repeats|abc", "error: --repeats must be a whole number between 1 and 20; got 'abc'.\nSee `eval --help`.\n")]
    [InlineData("eval|--retreival-only", "error: unknown option '--retreival-only' for 'eval'; did you mean '--retrieval-only'?\nSee `eval --help`.\n")]
    [InlineData("import|page.html", "error: Option '--id' is required.\nSee `import --help`.\n")]
    [InlineData("publish", "error: Required argument missing for command: 'publish'.\nSee `publish --help`.\n")]
    [InlineData("publish|x|--forse", "error: unknown option '--forse' for 'publish'; did you mean '--force'?\nSee `publish --help`.\n")]
    [InlineData("teams-package|--app-id|x|--out|a.zip", "error: --app-id must be the bot's Microsoft App ID, a GUID such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301; got 'x'.\nSee `teams-package --help`.\n")]
    [InlineData("report|--days|abc", "error: --days must be a whole number between 1 and 3650; got 'abc'.\nSee `report --help`.\n")]
    [InlineData("report|--top|x", "error: --top must be a whole number between 1 and 1000; got 'x'.\nSee `report --help`.\n")]
    [InlineData("report|--dayz|3", "error: unknown option '--dayz' for 'report'; did you mean '--days'?\nSee `report --help`.\n")]
    public void Run_BadArguments_OneLineAndExitCode2_NeverTheService(string args, string? error)
    {
        var (exit, output, written) = Run(args.Split('|'));

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        if (error is not null)
        {
            Assert.Equal(error, written);
        }

        Assert.DoesNotContain("Usage:", written, StringComparison.Ordinal);
        Assert.Empty(_served);
    }

    [Fact]
    public void Eval_MissingQuestionSet_IsOneLineNotAStackTrace()
    {
        var missing = Path.Combine(_kb.Root, "missing.yaml");

        var (exit, _, error) = Run("eval", "--questions", missing);

        Assert.Equal(2, exit);
        Assert.Equal($"error: --questions: no such file: {missing}\n", error);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("serve", "")]
    [InlineData("--urls|http://127.0.0.1:0", "--urls|http://127.0.0.1:0")]
    [InlineData("serve|--Bot:MessagesPerMinute=5|--urls|http://127.0.0.1:0", "--Bot:MessagesPerMinute=5|--urls|http://127.0.0.1:0")]
    public void Run_NoVerbOrServe_RunsTheServiceWithTheSettings(string args, string hostArgs)
    {
        var (exit, _, error) = Run(args.Length == 0 ? [] : args.Split('|'));

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        var served = Assert.Single(_served);
        Assert.Equal(hostArgs.Length == 0 ? [] : hostArgs.Split('|'), served);
    }

    [Fact]
    public void Run_Help_PrintsTheVerbsAndRunsNothing()
    {
        var (exit, output, _) = Run("help");

        Assert.Equal(0, exit);
        Assert.Contains("lint", output, StringComparison.Ordinal);
        Assert.Contains("publish", output, StringComparison.Ordinal);
        Assert.Empty(_served);
    }

    [Theory]
    [InlineData("--Bot:MessagesPerMinute=-5", "error: invalid setting Bot:MessagesPerMinute: must be between 0 and 100000.\n")]
    [InlineData("--Knowledge:Retrieval:MinCoverage=7", "error: invalid setting Knowledge:Retrieval:MinCoverage: must be between 0 and 1.\n")]
    [InlineData("--State:BlobContainer=Not_A_Container", "error: invalid setting State:BlobContainer: State:BlobContainer must be a valid blob container name\n")]
    public void Serve_InvalidSetting_IsOneLineNamingTheKey(string setting, string line)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = CliApp.Run([setting, "--urls", "http://127.0.0.1:0", $"--Knowledge:BasePath={_kb.BasePath}", $"--Knowledge:DataPath={_kb.Options().DataPath}"], output, error, serve: Program.Serve);

        Assert.Equal(2, exit);
        Assert.Equal(line + "See the configuration reference in README.md, or `serve --help`.\n", error.ToString());
    }
}
