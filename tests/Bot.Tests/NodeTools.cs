using System.Diagnostics;

namespace CareerBot.Bot.Tests;

/// <summary>
/// The npm packages scripts/test.sh installs into tests/tools (pinned by its package-lock.json) and
/// the small scripts committed beside them, run with Node.js under a deadline.
/// </summary>
internal static class NodeTools
{
    /// <summary>The tests/tools folder of the repository (with its node_modules).</summary>
    public static string Folder { get; } = FindFolder();

    /// <summary>Runs <c>node script args</c> in tests/tools; returns its standard output, throws on a non-zero exit.</summary>
    public static async Task<string> RunAsync(string script, params string[] args)
    {
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(Folder, script));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("node did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish within 60 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} exited with {process.ExitCode}: {await error}");
        }

        return await output;
    }

    private static string FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "tools");
            if (Directory.Exists(Path.Combine(candidate, "node_modules", "adaptivecards")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/tools/node_modules is missing: run scripts/test.sh, which installs it with npm ci.");
    }
}
