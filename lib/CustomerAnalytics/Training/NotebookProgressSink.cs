using System.Reflection;

namespace CustomerAnalytics.Training;

/// <summary>
/// Progress in a notebook: one short line per epoch on standard output, which JupyterLab, VS Code and the runner all
/// show as it is written, then, once training ends, the line that ends the run and one HTML output with the curve and
/// the epoch table. No display is updated in place: .NET Interactive 1.0.712001 sends <c>update_display_data</c> with
/// another display id than the first <c>display_data</c>, so JupyterLab ignores such updates. The kernel's
/// <c>display</c> is found by reflection so the library does not depend on the kernel packages.
/// </summary>
public sealed class NotebookProgressSink : IProgressSink
{
    private readonly Action<object> display;
    private readonly ConsoleProgressSink lines;
    private readonly TextWriter? writer;

    /// <summary>A sink that writes lines to <paramref name="writer"/> (by default standard output) and shows the final view with <paramref name="display"/>.</summary>
    public NotebookProgressSink(Action<object> display, TextWriter? writer = null)
    {
        this.display = display;
        lines = new ConsoleProgressSink(writer);
        this.writer = writer;
    }

    /// <summary>A sink for the current notebook cell, or null when not running inside a .NET Interactive kernel.</summary>
    public static NotebookProgressSink? TryCreate()
    {
        var kernel = AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => a.GetName().Name == "Microsoft.DotNet.Interactive")
            ?.GetType("Microsoft.DotNet.Interactive.Kernel");
        var method = kernel?.GetMethod("display", BindingFlags.Public | BindingFlags.Static, [typeof(object), typeof(string[])]);
        var context = kernel?.Assembly.GetType("Microsoft.DotNet.Interactive.KernelInvocationContext")
            ?.GetProperty("Current", BindingFlags.Public | BindingFlags.Static);
        if (method is null || context?.GetValue(null) is null) return null;
        return new NotebookProgressSink(value => method.Invoke(null, [value, new[] { "text/html" }]));
    }

    /// <inheritdoc />
    public void Update(TrainingProgress progress) => lines.Update(progress);

    /// <inheritdoc />
    public void Finish(TrainingProgress progress)
    {
        var output = writer ?? Console.Out;
        output.WriteLine(ProgressText.EndLine(progress));
        output.Flush();
        if (progress.History.Count > 0) display(new ProgressView(progress));
    }
}
