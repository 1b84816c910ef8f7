using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CareerBot.Bot.Tests.Channels.Playground;

/// <summary>
/// The Microsoft 365 Agents Playground (npm @microsoft/m365agentsplayground, pinned in tests/tools)
/// on a port of its own choosing on 127.0.0.1 (tests/tools/playground.js), pointed at the bot, with
/// its telemetry off (--dt), no browser of its own, and its log and files in a temporary folder.
/// </summary>
internal sealed partial class PlaygroundServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _folder;

    private PlaygroundServer(Process process, string folder)
    {
        _process = process;
        _folder = folder;
    }

    public int Port { get; private set; }

    public string Url => $"http://127.0.0.1:{Port}";

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<PlaygroundServer> StartAsync(string botEndpoint, string channel)
    {
        var folder = Path.Combine(Path.GetTempPath(), "careerbot-playground-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { Path.Combine(NodeTools.Folder, "playground.js"), "-e", botEndpoint, "-c", channel, "--dt", "-p", "0" },
            Environment =
            {
                ["TEAMSAPPTESTER_BROWSER"] = "none",
                ["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(folder, "playground.log"),
            },
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("the playground did not start");
        var server = new PlaygroundServer(process, folder);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Poll.UntilAsync(() => server.Port > 0 || process.HasExited, TimeSpan.FromSeconds(60), "the playground to listen");
        if (server.Port == 0)
        {
            throw new InvalidOperationException("the playground stopped: " + server.Output);
        }

        return server;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            Port = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open; the temporary folder is left behind
        }
    }

    [GeneratedRegex(@"^Listening on (\d+)$")]
    private static partial Regex ListeningLine();
}
