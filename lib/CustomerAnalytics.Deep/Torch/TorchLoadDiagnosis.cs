using System.Runtime.InteropServices;
using CustomerAnalytics.Setup;

namespace CustomerAnalytics.Torch;

/// <summary>Turns a native-library load failure into advice an attendee can act on.</summary>
/// <remarks>
/// TorchSharp's own error says "doesn't contain a reference to libtorch-cpu-..." whenever
/// <c>libLibTorchSharp.so</c> does not load, whatever the reason, and drops the loader's message.
/// So the diagnosis looks for itself: first at the C++ runtime's symbol versions (the usual cause on
/// Ubuntu 22.04 / Debian 12), then at what the dynamic loader says when asked to load the library.
/// Only when neither explains it is a missing backend package the advice.
/// </remarks>
public static class TorchLoadDiagnosis
{
    /// <summary>The message to show for <paramref name="error"/>, raised while loading libtorch.</summary>
    public static string Explain(Exception error) =>
        Explain(error, NativeRuntimeProbe.LibStdCxx(), LoaderError);

    /// <summary>
    /// The diagnosis given what the C++ runtime probe found (<paramref name="cppRuntime"/>) and, if still
    /// unexplained, what the loader says about libLibTorchSharp (<paramref name="loaderError"/>: null when it loads or is absent).
    /// </summary>
    internal static string Explain(Exception error, (string? Path, bool HasRequiredVersion) cppRuntime, Func<string?> loaderError)
    {
        var detail = Flatten(error);
        if (detail.Contains("GLIBCXX", StringComparison.Ordinal))
            return OldCppRuntime(FirstLine(detail));
        if (!cppRuntime.HasRequiredVersion)
        {
            var found = cppRuntime.Path is null ? "no libstdc++.so.6 in the system library folders" : $"{cppRuntime.Path} lacks {NativeRuntimeProbe.RequiredGlibcxx}";
            return OldCppRuntime(loaderError() is { } said ? $"{found}; the loader says: {LoaderLine(said)}" : found);
        }
        if (!LooksLikeNativeLoadFailure(error, detail))
            return "TorchSharp could not start: " + FirstLine(detail);
        var loader = loaderError();
        if (loader is not null && loader.Contains("GLIBCXX", StringComparison.Ordinal))
            return OldCppRuntime("the loader says: " + LoaderLine(loader));
        if (loader is not null)
            return "TorchSharp's native library is there but the system cannot load it (a shared library it needs is " +
                   "missing or too old). The loader says: " + LoaderLine(loader) + " " + NativeRuntimeProbe.Fix;
        return "TorchSharp's native library was not found. Reference a backend package next to TorchSharp: " +
               "'TorchSharp-cpu' (any machine) or 'TorchSharp-cuda-linux' / 'TorchSharp-cuda-windows' (NVIDIA GPU), " +
               "e.g. #r \"nuget: TorchSharp-cpu, 0.107.0\" in a notebook. Original error: " + FirstLine(detail);
    }

    private static string OldCppRuntime(string evidence) =>
        $"TorchSharp 0.107 needs the C++ runtime of GCC 13 or newer (libstdc++ with {NativeRuntimeProbe.RequiredGlibcxx}), " +
        "and this Linux has an older one, so libtorch cannot load (the TorchSharp packages are referenced correctly). " +
        NativeRuntimeProbe.Fix + " Found: " + evidence;

    private static bool LooksLikeNativeLoadFailure(Exception error, string detail) =>
        error is DllNotFoundException || error.InnerException is DllNotFoundException ||
        detail.Contains("LibTorchSharp", StringComparison.Ordinal) || detail.Contains("libtorch", StringComparison.Ordinal);

    /// <summary>
    /// Asks the dynamic loader to load TorchSharp's native library from where the TorchSharp
    /// packages put it, and returns its error (dlerror's text); null when it loads or no copy exists.
    /// </summary>
    internal static string? LoaderError() => LoaderError(LibTorchSharpCandidates());

    /// <summary>The loader's error for the first existing file of <paramref name="candidates"/>; null when it loads or none exists.</summary>
    internal static string? LoaderError(IEnumerable<string> candidates)
    {
        foreach (var path in candidates.Where(File.Exists))
        {
            try
            {
                NativeLibrary.Free(NativeLibrary.Load(path));
                return null;
            }
            catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
            {
                return e.Message;
            }
        }
        return null;
    }

    private static IEnumerable<string> LibTorchSharpCandidates()
    {
        var name = OperatingSystem.IsWindows() ? "LibTorchSharp.dll" : OperatingSystem.IsMacOS() ? "libLibTorchSharp.dylib" : "libLibTorchSharp.so";
        var rid = RuntimeInformation.RuntimeIdentifier;
        foreach (var folder in new[] { Path.GetDirectoryName(typeof(TorchSharp.torch).Assembly.Location), AppContext.BaseDirectory })
        {
            if (string.IsNullOrEmpty(folder)) continue;
            yield return Path.Combine(folder, name);
            yield return Path.Combine(folder, "cpu", name); // where TorchSharp consolidates the NuGet natives
            yield return Path.Combine(folder, "runtimes", rid, "native", name);
            // In the NuGet cache TorchSharp.dll sits in lib/net8.0/ and the native library in runtimes/<rid>/native/.
            yield return Path.GetFullPath(Path.Combine(folder, "..", "..", "runtimes", rid, "native", name));
        }
    }

    private static string Flatten(Exception error)
    {
        var parts = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException) parts.Add(e.Message);
        return string.Join(" | ", parts);
    }

    /// <summary>
    /// The line of a loader error that names the cause: .NET puts its own advice ("consider using a tool like
    /// strace ...") first and dlerror's text (e.g. "version `GLIBCXX_3.4.32' not found") after it.
    /// </summary>
    internal static string LoaderLine(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.FirstOrDefault(l => l.Contains("GLIBCXX", StringComparison.Ordinal))
               ?? lines.LastOrDefault(l => l.Contains(".so", StringComparison.Ordinal) && !l.StartsWith("Unable to load shared library", StringComparison.Ordinal))
               ?? FirstLine(text);
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
