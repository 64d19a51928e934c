using System.Reflection;

namespace CustomerAnalytics.Training;

/// <summary>
/// Shows progress as one notebook output that is updated in place (a table and a loss curve),
/// instead of one line per epoch. Found by reflection on the .NET Interactive kernel so the
/// library does not depend on the (deprecated) kernel packages.
/// </summary>
public sealed class NotebookProgressSink : IProgressSink
{
    private readonly Func<object, object> display;
    private object? handle;

    private NotebookProgressSink(Func<object, object> display) => this.display = display;

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
        return new NotebookProgressSink(value => method.Invoke(null, [value, new[] { "text/html" }])!);
    }

    /// <inheritdoc />
    public void Update(TrainingProgress progress)
    {
        var view = new ProgressView(progress);
        if (handle is null) { handle = display(view); return; }
        // DisplayedValue.Update(object) replaces the output in place.
        handle.GetType().GetMethod("Update", [typeof(object)])?.Invoke(handle, [view]);
    }
}
