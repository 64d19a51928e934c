using System.Globalization;

namespace CustomerAnalytics.Benchmarks;

/// <summary>
/// The machine's load when a figure was taken. A busy machine slows every process and squeezes ratios against a peer
/// towards 1, so a figure taken at a load above <see cref="QuietLimitPerCore"/> per core is marked as not for quoting.
/// </summary>
/// <param name="OneMinute">The one-minute load average (runnable and waiting processes), or null where the system does
/// not report it (only Linux's /proc/loadavg is read).</param>
/// <param name="Cores">Logical processors this process may use.</param>
public sealed record MachineLoad(double? OneMinute, int Cores)
{
    /// <summary>Above this one-minute load per core a figure is not quoted.</summary>
    public const double QuietLimitPerCore = 1.5;

    /// <summary>The load now (reads /proc/loadavg where it exists).</summary>
    public static MachineLoad Now() =>
        new(File.Exists("/proc/loadavg") ? Parse(File.ReadAllText("/proc/loadavg")) : null, Environment.ProcessorCount);

    /// <summary>The one-minute figure of a /proc/loadavg line ("0.52 0.58 0.59 1/123 4567").</summary>
    public static double Parse(string loadavg) =>
        double.Parse(loadavg.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture);

    /// <summary>True when the load is known and at most <see cref="QuietLimitPerCore"/> per core.</summary>
    public bool IsQuiet => OneMinute is { } load && load <= QuietLimitPerCore * Cores;

    /// <summary>One line for the benchmark's output.</summary>
    public override string ToString() => OneMinute is { } load
        ? string.Create(CultureInfo.InvariantCulture, $"load {load:F2} (1 min) on {Cores} cores{(IsQuiet ? "" : $": above {QuietLimitPerCore} per core, NOT FOR QUOTING")}")
        : $"load unknown on {Cores} cores (no /proc/loadavg): NOT FOR QUOTING without a load figure taken another way";
}
