using CustomerAnalytics.SampleData;

namespace CustomerAnalytics.Tests.Data.Generators;

public class SampleDataTests
{
    private static string CommittedData => Path.Combine(GeneratedCsv.RepositoryRoot, "data");

    // Files under data/ that are written by hand, not by SampleDataWriter.WriteAll.
    private static readonly string[] HandWritten = ["README.md", ".gitattributes"];

    // Real published files kept as they were published (their sources are in data/README.md), not generated.
    private static readonly string[] Published = ["cdnow/CDNOW_sample.txt"];

    [Fact]
    public void RegeneratingSampleDataGivesIdenticalFiles()
    {
        using var folder = new TempFolder();
        var result = SampleDataWriter.WriteAll(folder.Path);
        var committed = GeneratedCsv.Snapshot(CommittedData);
        foreach (var name in HandWritten.Concat(Published)) committed.Remove(name);
        committed.Remove("large"); // git-ignored benchmark data, if someone generated it
        foreach (var key in committed.Keys.Where(k => k.StartsWith("large/", StringComparison.Ordinal)).ToList()) committed.Remove(key);
        var regenerated = GeneratedCsv.Snapshot(folder.Path);

        Assert.Equal(regenerated.Keys, committed.Keys);
        foreach (var (name, bytes) in regenerated)
            Assert.True(bytes.AsSpan().SequenceEqual(committed[name]),
                $"data/{name} differs from what SampleDataWriter.WriteAll writes; regenerate with: dotnet run --project lib/CustomerAnalytics.Runner -- --generate-data data");
        Assert.Equal(result.Files.Count, regenerated.Count);
    }

    [Fact]
    public void CommittedSampleIsSmallUtf8WithoutBomAndLfOnly()
    {
        var files = GeneratedCsv.Snapshot(CommittedData).Where(kv => !kv.Key.StartsWith("large/", StringComparison.Ordinal)).ToList();
        Assert.True(files.Sum(f => (long)f.Value.Length) < 8L * 1024 * 1024, "the committed sample must stay under 8 MB");
        foreach (var (name, bytes) in files.Where(f => !Published.Contains(f.Key)))
        {
            Assert.False(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), $"{name} starts with a BOM");
            Assert.DoesNotContain((byte)'\r', bytes);
            Assert.Equal((byte)'\n', bytes[^1]);
        }
    }

    [Fact]
    public void ReadmeDocumentsEveryDataFile()
    {
        var readme = File.ReadAllText(Path.Combine(CommittedData, "README.md"));
        foreach (var name in GeneratedCsv.Snapshot(CommittedData).Keys.Where(k => !HandWritten.Contains(k) && !k.StartsWith("large/", StringComparison.Ordinal)))
            Assert.Contains(Path.GetFileName(name), readme);
        Assert.Contains("--generate-data data", readme);
    }

    [Fact]
    public void MainRejectsBadArgumentsWithUsage()
    {
        var error = new StringWriter();
        var saved = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(2, SampleDataWriter.Main([]));
            Assert.Equal(2, SampleDataWriter.Main(["data", "--huge"]));
        }
        finally
        {
            Console.SetError(saved);
        }
        Assert.Contains("usage", error.ToString());
    }
}
