namespace CustomerAnalytics.Torch;

/// <summary>Turns a native-library load failure into advice an attendee can act on.</summary>
public static class TorchLoadDiagnosis
{
    /// <summary>The message to show for <paramref name="error"/>, raised while loading libtorch.</summary>
    public static string Explain(Exception error)
    {
        var detail = Flatten(error);
        if (detail.Contains("GLIBCXX_3.4.32", StringComparison.Ordinal) || detail.Contains("GLIBCXX", StringComparison.Ordinal))
            return "TorchSharp 0.107 needs the C++ runtime of GCC 13 or newer (libstdc++ with GLIBCXX_3.4.32), " +
                   "and this Linux has an older one. Distributions that work: Ubuntu 24.04, Debian 13, Fedora 39+, " +
                   "and Windows or macOS. Ubuntu 22.04, Debian 12 and Amazon Linux 2023 do not. Alternatives: open the " +
                   "repository in its dev container (.devcontainer, Debian 13), run '.ci/debian13 <command>' as root, " +
                   "or use the GPU instance from infra/ (Ubuntu 24.04). Original error: " + FirstLine(detail);
        if (detail.Contains("LibTorchSharp", StringComparison.Ordinal) || error is DllNotFoundException)
            return "TorchSharp's native library was not found. Reference a backend package next to TorchSharp: " +
                   "'TorchSharp-cpu' (any machine) or 'TorchSharp-cuda-linux' / 'TorchSharp-cuda-windows' (NVIDIA GPU), " +
                   "e.g. #r \"nuget: TorchSharp-cpu, 0.107.0\" in a notebook. Original error: " + FirstLine(detail);
        return "TorchSharp could not start: " + FirstLine(detail);
    }

    private static string Flatten(Exception error)
    {
        var parts = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException) parts.Add(e.Message);
        return string.Join(" | ", parts);
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
