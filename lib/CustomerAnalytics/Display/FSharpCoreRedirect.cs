using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace CustomerAnalytics.Display;

/// <summary>
/// Lets Plotly.NET 6 (built against FSharp.Core 10.1) run inside the .NET Interactive Jupyter kernel, which
/// ships and has already loaded FSharp.Core 10.0; a second copy cannot load beside it, and
/// <c>#r "nuget: FSharp.Core"</c> is ignored there. When the runtime cannot find the newer version we hand it
/// the loaded one (a runtime binding redirect). Hosts that carry FSharp.Core 10.1 never reach this handler.
/// </summary>
public static class FSharpCoreRedirect
{
    private static int installed;

    /// <summary>True once a request for a newer FSharp.Core was answered with the loaded one.</summary>
    public static bool Redirected { get; private set; }

    /// <summary>Registers the handler (idempotent). Runs automatically when the library loads.</summary>
    [ModuleInitializer]
    public static void Install()
    {
        if (Interlocked.Exchange(ref installed, 1) == 1) return;
        AssemblyLoadContext.Default.Resolving += Resolve;
    }

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName requested)
    {
        if (requested.Name != "FSharp.Core") return null;
        var loaded = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "FSharp.Core");
        if (loaded is null) return null;
        Redirected = true;
        return loaded;
    }
}
