namespace CustomerAnalytics.SampleData;

/// <summary>One file a generator wrote.</summary>
/// <param name="Name">What the file holds, for example "olist orders" or "truth: customer segments".</param>
/// <param name="Path">Full path of the file.</param>
/// <param name="Rows">Data rows (header excluded).</param>
public sealed record GeneratedFile(string Name, string Path, int Rows)
{
    /// <summary>Size on disk in bytes (0 if the file has since been removed).</summary>
    public long Bytes => File.Exists(Path) ? new FileInfo(Path).Length : 0;

    internal static string FilesTable(IEnumerable<GeneratedFile> files, string caption) =>
        Display.Html.Table(["file", "path", "rows", "bytes"],
            files.Select(f => new object?[] { f.Name, f.Path, f.Rows, f.Bytes }), caption);
}
