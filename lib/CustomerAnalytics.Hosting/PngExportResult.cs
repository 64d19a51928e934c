using CustomerAnalytics.Charts;
namespace CustomerAnalytics.Hosting;

/// <summary>
/// The outcome of a PNG export. <see cref="Written"/> is false when no browser was found: the
/// export is skipped (never an exception) and <see cref="Message"/> says how to install chromium.
/// </summary>
/// <param name="Path">Where the PNG was (or would have been) written.</param>
/// <param name="Written">True when the file was written.</param>
/// <param name="Width">Requested width in pixels (the PNG is exactly this wide at scale 1).</param>
/// <param name="Height">Requested height in pixels.</param>
/// <param name="Elapsed">Time spent, including starting chromium for the first PNG of a process.</param>
/// <param name="Message">What happened, or why the export was skipped and how to fix it.</param>
public sealed record PngExportResult(string Path, bool Written, int Width, int Height, TimeSpan Elapsed, string Message)
{
    /// <summary>True when the export was skipped because no chromium was found.</summary>
    public bool Skipped => !Written;

    internal static PngExportResult Skip(string path, int width, int height, string reason) =>
        new(path, false, width, height, TimeSpan.Zero, $"PNG export skipped for {path}: {reason}");
}
