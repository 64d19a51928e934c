namespace CustomerAnalytics.Runner;

/// <summary>
/// The runner's own console output. While a cell runs, the kernel swaps <see cref="Console.Out"/> to capture
/// what the cell prints, and kernel events are raised inside that capture; writing progress through
/// <see cref="Console.Out"/> from an event handler would be captured again as cell output and loop forever.
/// This writer goes straight to the process's standard output stream instead.
/// </summary>
public static class RunnerConsole
{
    /// <summary>Standard output, bypassing any <see cref="Console.SetOut"/> redirection.</summary>
    public static TextWriter Out { get; } = TextWriter.Synchronized(
        new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = true });
}
