using System.Diagnostics;

namespace CustomerAnalytics;

/// <summary>Whether the process that left a file behind (a lock, a browser profile) still runs.</summary>
internal static class ProcessLiveness
{
    /// <summary>True when a process with this pid runs.</summary>
    public static bool IsAlive(int pid) => StartTime(pid) is not null;

    /// <summary>The start time (UTC) of the running process <paramref name="pid"/>, or null when none runs.</summary>
    public static DateTime? StartTime(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited ? null : process.StartTime.ToUniversalTime();
        }
        catch (ArgumentException) { return null; }
        catch (InvalidOperationException) { return null; }
        catch (System.ComponentModel.Win32Exception) { return DateTime.MinValue; } // runs, but its start time is not ours to read
    }
}
