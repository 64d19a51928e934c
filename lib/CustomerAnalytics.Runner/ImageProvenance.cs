using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CustomerAnalytics.Runner;

/// <summary>
/// What produced the pictures in <c>images/&lt;notebook&gt;/</c>: the hash of the notebook's code cells (markdown
/// edits do not count), the hash of the bundled sample data, and each PNG's own hash. Written by
/// <c>--update-images</c> beside the PNGs as <see cref="FileName"/>; a test recomputes it, so a picture in the README
/// cannot silently come from an older version of the notebook or the data. The library's own code is not part of it:
/// a chart-styling change in the library alone does not make the pictures wrong.
/// </summary>
public sealed record ImageProvenance(string Notebook, string CodeSha256, string DataSha256, IReadOnlyDictionary<string, string> Images)
{
    /// <summary>The file beside the PNGs.</summary>
    public const string FileName = "provenance.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The provenance of <paramref name="pngs"/>, made by <paramref name="notebookPath"/> from <paramref name="dataDirectory"/>.</summary>
    public static ImageProvenance Of(string repositoryRoot, string notebookPath, IEnumerable<string> pngs) => new(
        Path.GetRelativePath(repositoryRoot, Path.GetFullPath(notebookPath)).Replace('\\', '/'),
        CodeHash(notebookPath),
        DataHash(Path.Combine(repositoryRoot, "data")),
        new SortedDictionary<string, string>(pngs.ToDictionary(Path.GetFileName, p => Sha256(File.ReadAllBytes(p))!), StringComparer.Ordinal));

    /// <summary>SHA-256 of the code cells' sources in order, line ends normalised to LF.</summary>
    public static string CodeHash(string notebookPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(notebookPath));
        var code = new StringBuilder();
        foreach (var cell in document.RootElement.GetProperty("cells").EnumerateArray())
        {
            if (cell.GetProperty("cell_type").GetString() != "code") continue;
            var source = cell.GetProperty("source");
            var text = source.ValueKind == JsonValueKind.Array ? string.Concat(source.EnumerateArray().Select(l => l.GetString())) : source.GetString();
            code.Append(text!.Replace("\r\n", "\n", StringComparison.Ordinal)).Append("\n\u241E\n"); // a record separator no cell contains
        }
        return Sha256(Encoding.UTF8.GetBytes(code.ToString()));
    }

    /// <summary>SHA-256 over every data file (relative path and bytes, in ordinal path order); the READMEs do not count, and no folder is no files.</summary>
    public static string DataHash(string dataDirectory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = Directory.Exists(dataDirectory) ? Directory.GetFiles(dataDirectory, "*", SearchOption.AllDirectories) : [];
        foreach (var file in files
                     .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
                     .Select(f => (Relative: Path.GetRelativePath(dataDirectory, f).Replace('\\', '/'), Full: f))
                     .OrderBy(f => f.Relative, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file.Relative + "\n"));
            hash.AppendData(File.ReadAllBytes(file.Full));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Reads the provenance in <paramref name="imagesDirectory"/>; null when there is none.</summary>
    public static ImageProvenance? Read(string imagesDirectory)
    {
        var path = Path.Combine(imagesDirectory, FileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<ImageProvenance>(File.ReadAllText(path), Json) : null;
    }

    /// <summary>Writes this provenance into <paramref name="imagesDirectory"/> (atomically).</summary>
    public string Write(string imagesDirectory) =>
        AtomicFile.WriteAllText(Path.Combine(imagesDirectory, FileName), JsonSerializer.Serialize(this, Json) + "\n");

    /// <summary>One sentence per way <paramref name="current"/> (recomputed now) differs from this recorded provenance.</summary>
    public IReadOnlyList<string> DifferencesFrom(ImageProvenance current)
    {
        var differences = new List<string>();
        if (Notebook != current.Notebook) differences.Add($"recorded for {Notebook}, not {current.Notebook}");
        if (CodeSha256 != current.CodeSha256) differences.Add($"the code cells of {current.Notebook} changed since the images were made");
        if (DataSha256 != current.DataSha256) differences.Add("the sample data in data/ changed since the images were made");
        foreach (var name in Images.Keys.Union(current.Images.Keys).Order(StringComparer.Ordinal))
        {
            var recorded = Images.GetValueOrDefault(name);
            var found = current.Images.GetValueOrDefault(name);
            if (recorded is null) differences.Add($"{name} is not in {FileName}");
            else if (found is null) differences.Add($"{name} is listed in {FileName} but missing");
            else if (recorded != found) differences.Add($"{name} is not the PNG the run made (its hash differs)");
        }
        return differences;
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
