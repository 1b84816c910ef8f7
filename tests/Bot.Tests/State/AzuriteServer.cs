using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CareerBot.Bot.Tests.State;

/// <summary>
/// Azurite's blob service, or its blob and table services (npm package, installed by
/// scripts/test.sh into tests/tools), in memory on 127.0.0.1. It can be stopped and started again
/// on the same ports.
/// </summary>
internal sealed class AzuriteServer : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly string _executable;
    private Process? _process;

    private AzuriteServer(string executable, int port, int? tablePort = null)
    {
        _executable = executable;
        Port = port;
        TablePort = tablePort;
    }

    public int Port { get; }

    /// <summary>The table service's port, when started with <see cref="StartWithTablesAsync"/>.</summary>
    public int? TablePort { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;"
        + (TablePort is { } table ? $"TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;" : string.Empty);

    public static Task<AzuriteServer> StartAsync() =>
        StartOnFreePortsAsync(() => new AzuriteServer(FindExecutable("azurite-blob"), LoopbackPort.Free()));

    /// <summary>Blob and table services (and the queue service, which nothing uses, on a port of its own).</summary>
    public static Task<AzuriteServer> StartWithTablesAsync() =>
        StartOnFreePortsAsync(() => new AzuriteServer(FindExecutable("azurite"), LoopbackPort.Free(), LoopbackPort.Free()));

    /// <summary>
    /// A port found free may be taken by another test before Azurite binds it; Azurite then exits at
    /// once. Such a start is tried again on other ports, twice at most.
    /// </summary>
    private static async Task<AzuriteServer> StartOnFreePortsAsync(Func<AzuriteServer> create)
    {
        for (var attempt = 1; ; attempt++)
        {
            var server = create();
            try
            {
                await server.StartAgainAsync();
                return server;
            }
            catch (AzuriteExitedException) when (attempt < 3)
            {
                // Not StopAsync: whoever took the port still listens on it.
                server._process?.Dispose();
                server._process = null;
            }
        }
    }

    public async Task StartAgainAsync()
    {
        var port = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var info = new ProcessStartInfo(_executable)
        {
            ArgumentList = { "--inMemoryPersistence", "--blobHost", "127.0.0.1", "--blobPort", port, "--skipApiVersionCheck", "--loose", "--silent" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (TablePort is { } table)
        {
            foreach (var argument in (string[])["--tableHost", "127.0.0.1", "--tablePort", table.ToString(System.Globalization.CultureInfo.InvariantCulture), "--queueHost", "127.0.0.1", "--queuePort", LoopbackPort.Free().ToString(System.Globalization.CultureInfo.InvariantCulture)])
            {
                info.ArgumentList.Add(argument);
            }
        }

        var output = new ConcurrentQueue<string>();
        var process = Process.Start(info) ?? throw new InvalidOperationException("Azurite did not start");
        _process = process;
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await Poll.UntilAsync(
                () => process.HasExited || (IsListening(Port) && (TablePort is not { } tables || IsListening(tables))),
                TimeSpan.FromSeconds(60),
                $"Azurite on port {Port}");
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message}; its output: {string.Join(" | ", output)}", timeout);
        }

        if (process.HasExited)
        {
            await process.WaitForExitAsync(); // the last lines of its output
            throw new AzuriteExitedException($"Azurite (ports {Port}, {TablePort}) exited with code {process.ExitCode} before listening; its output: {string.Join(" | ", output)}");
        }
    }

    private static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is not null && output.Count < 50)
        {
            output.Enqueue(line);
        }
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
        await Poll.UntilAsync(() => !IsListening(Port) && (TablePort is not { } tables || !IsListening(tables)), TimeSpan.FromSeconds(10), $"Azurite to stop on port {Port}");
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

/// <summary>Azurite exited before it listened (a port taken in the meantime, most often).</summary>
internal sealed class AzuriteExitedException(string message) : Exception(message);
