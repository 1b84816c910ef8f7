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

    public static async Task<AzuriteServer> StartAsync()
    {
        var server = new AzuriteServer(FindExecutable("azurite-blob"), LoopbackPort.Free());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Blob and table services (and the queue service, which nothing uses, on a port of its own).</summary>
    public static async Task<AzuriteServer> StartWithTablesAsync()
    {
        var server = new AzuriteServer(FindExecutable("azurite"), LoopbackPort.Free(), LoopbackPort.Free());
        await server.StartAgainAsync();
        return server;
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

        _process = Process.Start(info) ?? throw new InvalidOperationException("Azurite did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Poll.UntilAsync(() => IsListening(Port) && (TablePort is not { } tables || IsListening(tables)), TimeSpan.FromSeconds(30), $"Azurite on port {Port}");
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
