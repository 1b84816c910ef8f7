using System.Globalization;
using System.Runtime;

namespace CareerBot.Scale;

/// <summary>
/// Memory as the process and the GC see it: the managed heap after a full, compacting
/// collection, the working set, and the peak resident set (Linux VmHWM), which
/// <see cref="ResetPeak"/> brings down to the current resident set between sizes.
/// </summary>
internal static class ProcessMemory
{
    public static long ManagedAfterFullCollection()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        // Aggressive also gives free memory back to the system, so the working set and the peak start from what is live.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    public static long WorkingSet => Environment.WorkingSet;

    /// <summary>Peak resident set since start or the last reset; -1 where /proc is not there.</summary>
    public static long Peak => Bytes(StatusKilobytes("/proc/self/status", "VmHWM:"));

    /// <summary>Memory the kernel could still give the process; -1 where /proc is not there.</summary>
    public static long Available => Bytes(StatusKilobytes("/proc/meminfo", "MemAvailable:"));

    /// <summary>Resets VmHWM to the current resident set (Linux 4.0+); false where that is not allowed.</summary>
    public static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long Bytes(long kilobytes) => kilobytes < 0 ? -1 : kilobytes * 1024;

    private static long StatusKilobytes(string file, string key)
    {
        try
        {
            foreach (var line in File.ReadLines(file))
            {
                if (line.StartsWith(key, StringComparison.Ordinal))
                {
                    var digits = line[key.Length..].Trim().Split(' ')[0];
                    return long.Parse(digits, CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }

        return -1;
    }
}
