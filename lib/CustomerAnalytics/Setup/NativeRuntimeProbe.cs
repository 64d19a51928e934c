using System.Runtime.InteropServices;
using System.Text;

namespace CustomerAnalytics.Setup;

/// <summary>Finds out, without loading TorchSharp, whether this Linux has a new enough C++ runtime.</summary>
public static class NativeRuntimeProbe
{
    /// <summary>The libstdc++ symbol version TorchSharp 0.107 needs (GCC 13+).</summary>
    public const string RequiredGlibcxx = "GLIBCXX_3.4.32";

    private static readonly string[] LibraryFolders =
        ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib/x86_64-linux-gnu", "/lib64"];

    /// <summary>
    /// On Linux: the path of libstdc++.so.6 and whether it exports <see cref="RequiredGlibcxx"/>.
    /// Elsewhere (Windows, macOS ship what TorchSharp needs): (null, true).
    /// </summary>
    public static (string? Path, bool HasRequiredVersion) LibStdCxx()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) return (null, true);
        var path = LibraryFolders.Select(f => System.IO.Path.Combine(f, "libstdc++.so.6")).FirstOrDefault(File.Exists);
        return path is null ? (null, false) : (path, ContainsAscii(path, RequiredGlibcxx));
    }

    /// <summary>True when the file's bytes contain <paramref name="text"/> (symbol version names are plain ASCII).</summary>
    internal static bool ContainsAscii(string path, string text)
    {
        var needle = Encoding.ASCII.GetBytes(text);
        var bytes = File.ReadAllBytes(path);
        return bytes.AsSpan().IndexOf(needle) >= 0;
    }
}
