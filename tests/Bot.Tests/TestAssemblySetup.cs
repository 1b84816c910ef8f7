using System.Runtime.CompilerServices;

namespace CareerBot.Bot.Tests;

/// <summary>Process-wide settings for the test hosts, applied before the first one is built.</summary>
internal static class TestAssemblySetup
{
    /// <summary>
    /// Every host watches its appsettings files for changes, and each watcher is an inotify
    /// instance (128 per user on Linux by default). Dozens of hosts alive at once in parallel
    /// tests would run out, so test hosts read their settings once.
    /// </summary>
#pragma warning disable CA2255 // A module initializer is exactly what is needed: before any test builds a host.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void DoNotWatchSettingsFiles() =>
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
}
