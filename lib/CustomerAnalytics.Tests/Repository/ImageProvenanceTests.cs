using CustomerAnalytics.Runner;

namespace CustomerAnalytics.Tests.Repository;

/// <summary>
/// The pictures in images/ (shown in the README) were made by the notebooks' current code from the current sample
/// data: each folder's provenance.json matches what the runner would record now.
/// </summary>
public sealed class ImageProvenanceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ca-provenance-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> ImageFolders() => new(Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "images"))
        .Where(d => Directory.GetFiles(d, "*.png").Length > 0).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(ImageFolders))]
    public void The_images_of_each_notebook_come_from_its_current_code_and_data(string notebook)
    {
        var folder = Path.Combine(RepositoryPaths.Root, "images", notebook);
        var refresh = $"refresh them with `dotnet run --project lib/CustomerAnalytics.Runner -- notebooks/{notebook}.ipynb --update-images`";
        var recorded = ImageProvenance.Read(folder);
        Assert.True(recorded is not null, $"images/{notebook}/ has no {ImageProvenance.FileName}: {refresh}.");
        var current = ImageProvenance.Of(RepositoryPaths.Root, Path.Combine(RepositoryPaths.Notebooks, notebook + ".ipynb"), Directory.GetFiles(folder, "*.png"));
        var differences = recorded.DifferencesFrom(current);
        Assert.True(differences.Count == 0, $"images/{notebook}/ does not match the notebook's current code and data ({string.Join("; ", differences)}): {refresh}.");
    }

    [Fact]
    public void The_code_hash_follows_code_cells_only_and_ignores_line_ends()
    {
        string Notebook(string name, string markdown, string code) =>
            Write(name, $$"""{"cells":[{"cell_type":"markdown","metadata":{},"source":["{{markdown}}"]},{"cell_type":"code","metadata":{},"outputs":[],"execution_count":null,"source":["{{code}}"]}],"metadata":{},"nbformat":4,"nbformat_minor":5}""");
        var original = ImageProvenance.CodeHash(Notebook("a.ipynb", "Intro", "var k = 4;\\nShow(k);"));
        Assert.Equal(original, ImageProvenance.CodeHash(Notebook("b.ipynb", "Another intro", "var k = 4;\\nShow(k);")));
        Assert.Equal(original, ImageProvenance.CodeHash(Notebook("c.ipynb", "Intro", "var k = 4;\\r\\nShow(k);")));
        Assert.NotEqual(original, ImageProvenance.CodeHash(Notebook("d.ipynb", "Intro", "var k = 5;\\nShow(k);")));
    }

    [Fact]
    public void The_data_hash_follows_files_and_names_but_not_readmes()
    {
        var data = Directory.CreateDirectory(Path.Combine(_folder, "data")).FullName;
        Write("data/olist/orders.csv", "id\n1\n");
        var original = ImageProvenance.DataHash(data);
        Write("data/README.md", "# about the data");
        Assert.Equal(original, ImageProvenance.DataHash(data));
        Write("data/olist/orders.csv", "id\n2\n");
        Assert.NotEqual(original, ImageProvenance.DataHash(data));
        File.Move(Path.Combine(data, "olist", "orders.csv"), Path.Combine(data, "olist", "orders2.csv"));
        Write("data/olist/orders2.csv", "id\n1\n");
        Assert.NotEqual(original, ImageProvenance.DataHash(data));
    }

    [Fact]
    public void A_swapped_or_missing_png_and_changed_code_are_each_named()
    {
        var recorded = new ImageProvenance("notebooks/02.ipynb", "code", "data", new Dictionary<string, string> { ["a.png"] = "1", ["b.png"] = "2" });
        var current = recorded with { CodeSha256 = "code2", Images = new Dictionary<string, string> { ["a.png"] = "9", ["c.png"] = "3" } };
        Assert.Equal(
            ["the code cells of notebooks/02.ipynb changed since the images were made", "a.png is not the PNG the run made (its hash differs)",
             "b.png is listed in provenance.json but missing", "c.png is not in provenance.json"],
            recorded.DifferencesFrom(current));
    }

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
