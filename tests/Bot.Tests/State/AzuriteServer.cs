using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace CareerBot.Bot.Tests.State;

/// <summary>
/// Azurite's blob service, or its blob, queue and table services (npm package, installed by
/// scripts/test.sh into tests/tools), in memory on 127.0.0.1. The first start lets Azurite pick
/// free ports itself and reads them from its output; it can then be stopped and started again on
/// the same ports.
/// </summary>
internal sealed partial class AzuriteServer : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly string _executable;

    /// <summary>Service name ("Blob", "Queue", "Table") to its port; 0 until Azurite has reported it.</summary>
    private readonly Dictionary<string, int> _ports;
    private Process? _process;

    private AzuriteServer(string executable, params string[] services)
    {
        _executable = executable;
        _ports = services.ToDictionary(service => service, _ => 0);
    }

    public int Port => _ports["Blob"];

    /// <summary>The table service's port, when started with <see cref="StartWithTablesAsync"/>.</summary>
    public int? TablePort => _ports.TryGetValue("Table", out var port) ? port : null;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;"
        + (TablePort is { } table ? $"TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;" : string.Empty);

    public static async Task<AzuriteServer> StartAsync()
    {
        var server = new AzuriteServer(FindExecutable("azurite-blob"), "Blob");
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Blob and table services (and the queue service, which nothing uses, on a port of its own).</summary>
    public static async Task<AzuriteServer> StartWithTablesAsync()
    {
        var server = new AzuriteServer(FindExecutable("azurite"), "Blob", "Queue", "Table");
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>
    /// Starts Azurite and returns once it has said that each service listens. Ports are not chosen
    /// here (a port found free can be taken before Azurite binds it, and a port that answers a
    /// connection may be another test's server): the first start asks for port 0, later starts for
    /// the ports Azurite reported then.
    /// </summary>
    public async Task StartAgainAsync()
    {
        var info = new ProcessStartInfo(_executable)
        {
            ArgumentList = { "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--silent" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (service, port) in _ports)
        {
            var option = service.ToLowerInvariant();
            foreach (var argument in (string[])[$"--{option}Host", "127.0.0.1", $"--{option}Port", port.ToString(CultureInfo.InvariantCulture)])
            {
                info.ArgumentList.Add(argument);
            }
        }

        var output = new ConcurrentQueue<string>();
        var listening = new ConcurrentDictionary<string, int>();
        var process = Process.Start(info) ?? throw new InvalidOperationException("Azurite did not start");
        _process = process;
        process.OutputDataReceived += (_, e) => Keep(output, listening, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, listening, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await Poll.UntilAsync(() => process.HasExited || listening.Count == _ports.Count, TimeSpan.FromSeconds(60), "Azurite to listen");
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message}; its output: {string.Join(" | ", output)}", timeout);
        }

        if (process.HasExited)
        {
            await process.WaitForExitAsync(); // the last lines of its output
            throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} before listening; its output: {string.Join(" | ", output)}");
        }

        foreach (var (service, port) in listening)
        {
            _ports[service] = port;
        }
    }

    private static void Keep(ConcurrentQueue<string> output, ConcurrentDictionary<string, int> listening, string? line)
    {
        if (line is null)
        {
            return;
        }

        if (output.Count < 50)
        {
            output.Enqueue(line);
        }

        // "Azurite Blob service successfully listens on http://127.0.0.1:44103" (azurite-blob) or
        // "Azurite Table service is successfully listening at http://127.0.0.1:36791" (azurite).
        if (Listening().Match(line) is { Success: true } match)
        {
            listening[match.Groups["service"].Value] = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
        }
    }

    [GeneratedRegex(@"Azurite (?<service>\w+) service (?:is )?successfully listen\w* (?:on|at) http://127\.0\.0\.1:(?<port>\d+)")]
    private static partial Regex Listening();

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
        await Poll.UntilAsync(() => _ports.Values.All(port => !IsListening(port)), TimeSpan.FromSeconds(10), $"Azurite to stop on port {Port}");
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string FindExecutable(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "tools", "node_modules", ".bin", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("Azurite is not installed: run scripts/test.sh, which installs tests/tools with npm.");
    }
}
