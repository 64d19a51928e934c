using System.Runtime.InteropServices;
using System.Text;

namespace CustomerAnalytics.Torch;

/// <summary>Finds out, without loading TorchSharp, whether this Linux has a new enough C++ runtime.</summary>
public static class NativeRuntimeProbe
{
    /// <summary>The libstdc++ symbol version TorchSharp 0.107 needs (GCC 13+).</summary>
    public const string RequiredGlibcxx = "GLIBCXX_3.4.32";

    /// <summary>What fixes a C++ runtime without <see cref="RequiredGlibcxx"/>; quoted by the setup check and by TorchSharp's load error.</summary>
    public const string Fix =
        "Use a Linux with GCC 13+'s libstdc++: Ubuntu 24.04, Debian 13 or Fedora 39+ (Ubuntu 22.04, Debian 12 and " +
        "Amazon Linux 2023 are too old), or Windows or macOS. On this machine: open the repository in its dev container " +
        "(.devcontainer, Debian 13), or run the command inside Debian 13 with 'sudo .ci/debian13 <command>' (see README), " +
        "or use the GPU instance from infra/ (Ubuntu 24.04).";

    internal static readonly string[] LibraryFolders =
        ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib/x86_64-linux-gnu", "/lib64"];

    /// <summary>
    /// On Linux: the path of libstdc++.so.6 and whether it exports <see cref="RequiredGlibcxx"/>.
    /// Elsewhere (Windows, macOS ship what TorchSharp needs): (null, true).
    /// </summary>
    public static (string? Path, bool HasRequiredVersion) LibStdCxx() =>
        RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? LibStdCxx(LibraryFolders) : (null, true);

    /// <summary>The first libstdc++.so.6 in <paramref name="folders"/> and whether it exports <see cref="RequiredGlibcxx"/>.</summary>
    internal static (string? Path, bool HasRequiredVersion) LibStdCxx(IEnumerable<string> folders)
    {
        var path = folders.Select(f => System.IO.Path.Combine(f, "libstdc++.so.6")).FirstOrDefault(File.Exists);
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
