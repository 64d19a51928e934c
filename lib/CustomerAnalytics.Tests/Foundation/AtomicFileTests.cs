using System.Text;

namespace CustomerAnalytics.Tests.Foundation;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("atomic-file").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string[] Files() => Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    [Fact]
    public void Text_bytes_and_streams_land_whole_and_leave_no_temporary_file()
    {
        var text = AtomicFile.WriteAllText(Path.Combine(folder, "sub", "a.json"), "{\"é\": 1}");
        var bytes = AtomicFile.WriteAllBytes(Path.Combine(folder, "b.bin"), [1, 2, 3]);
        var stream = AtomicFile.Write(Path.Combine(folder, "c.txt"), s => s.Write("streamed"u8));

        Assert.Equal(Path.Combine(folder, "sub", "a.json"), text);
        Assert.Equal("{\"é\": 1}"u8.ToArray(), File.ReadAllBytes(text)); // UTF-8, no byte-order mark
        Assert.Equal([1, 2, 3], File.ReadAllBytes(bytes));
        Assert.Equal("streamed", File.ReadAllText(stream));
        Assert.Equal(["b.bin", "c.txt"], Files());
        Assert.Equal(["a.json"], Directory.GetFiles(Path.Combine(folder, "sub")).Select(Path.GetFileName));
    }

    [Fact]
    public void A_writer_that_fails_leaves_the_old_file_as_it_was_and_no_temporary_file()
    {
        var path = Path.Combine(folder, "metrics.json");
        AtomicFile.WriteAllText(path, "old");

        var e = Assert.Throws<IOException>(() => AtomicFile.Write(path, s =>
        {
            s.Write("half of the new"u8);
            throw new IOException("disk full");
        }));

        Assert.Equal("disk full", e.Message);
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(["metrics.json"], Files());
    }

    [Fact]
    public void A_path_writer_gets_a_temporary_file_beside_the_target_named_for_this_process()
    {
        var path = Path.Combine(folder, "model.zip");
        string? given = null;

        AtomicFile.WriteFile(path, temporary => { given = temporary; File.WriteAllText(temporary, "zip"); });

        Assert.Equal(folder, Path.GetDirectoryName(given));
        Assert.StartsWith("model.zip.tmp-" + Environment.ProcessId + "-", Path.GetFileName(given));
        Assert.Equal(Environment.ProcessId, AtomicFile.OwnerOf(given!));
        Assert.True(AtomicFile.IsTemporary(given!));
        Assert.False(AtomicFile.IsTemporary(path));
        Assert.Equal("zip", File.ReadAllText(path));
        Assert.Equal(["model.zip"], Files());
    }

    [Fact]
    public void A_path_writer_that_writes_nothing_is_an_error_and_the_target_is_kept()
    {
        var path = Path.Combine(folder, "weights.bin");
        File.WriteAllText(path, "old");

        var e = Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteFile(path, _ => { }));

        Assert.Contains("wrote nothing", e.Message);
        Assert.Equal("old", File.ReadAllText(path));
    }

    [Fact]
    public void Many_writers_of_one_file_at_once_all_succeed_and_the_file_is_one_of_them_whole()
    {
        var path = Path.Combine(folder, "segmentation-model.zip");
        var contents = Enumerable.Range(0, 16).Select(i => new string((char)('a' + i), 200_000)).ToArray();

        Parallel.ForEach(contents, new ParallelOptions { MaxDegreeOfParallelism = 8 }, c => AtomicFile.WriteAllText(path, c));

        Assert.Contains(File.ReadAllText(path), contents);
        Assert.Equal(["segmentation-model.zip"], Files());
    }

    [Fact]
    public void Copy_replaces_the_target_with_the_source_bytes()
    {
        var source = Path.Combine(folder, "chart.png");
        File.WriteAllBytes(source, [0x89, 0x50, 0x4E, 0x47]);
        var target = Path.Combine(folder, "images", "chart.png");
        AtomicFile.WriteAllText(target, "stale");

        AtomicFile.Copy(source, target);

        Assert.Equal(File.ReadAllBytes(source), File.ReadAllBytes(target));
    }

    [Theory]
    [InlineData("a.json.tmp-123-0badc0de", 123)]
    [InlineData("a.tmp-1.json.tmp-77-00000001", 77)]
    [InlineData("a.json", null)]
    [InlineData("a.json.tmp-x-0badc0de", null)]
    [InlineData("a.json.tmp-12-short", null)]
    public void The_owner_of_a_temporary_file_is_read_from_its_name(string name, int? owner) =>
        Assert.Equal(owner, AtomicFile.OwnerOf(name));

    [Fact]
    public void Text_in_another_encoding_is_written_in_it()
    {
        var path = AtomicFile.WriteAllText(Path.Combine(folder, "latin1.csv"), "café", Encoding.Latin1);
        Assert.Equal([0x63, 0x61, 0x66, 0xE9], File.ReadAllBytes(path));
    }
}
