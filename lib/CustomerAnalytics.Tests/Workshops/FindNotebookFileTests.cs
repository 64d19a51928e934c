namespace CustomerAnalytics.Tests.Workshops;

/// <summary>A notebook finds a file another notebook saved (06 reads 03's model) under each host's folder rules:
/// Jupyter's shared artifacts/charts, the runner's and the apps' folder per notebook; null when there is none.</summary>
public sealed class FindNotebookFileTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("find-notebook-file-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(params string[] parts)
    {
        var path = Path.Combine([_root, .. parts]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "model");
        return path;
    }

    [Fact]
    public void Finds_the_file_in_the_shared_folder_first()
    {
        var shared = Write("charts", "propensity-model.zip");
        Write("03-propensity-modelling", "propensity-model.zip");
        var workshop = new Workshop(RepositoryPaths.Root, Path.Combine(_root, "charts"), _root);
        Assert.Equal(shared, workshop.FindNotebookFile("03-propensity-modelling", "propensity-model.zip"));
    }

    [Fact]
    public void Finds_the_file_in_the_writing_notebooks_folder_beside_its_own_with_or_without_a_trailing_separator()
    {
        var other = Write("charts", "03-propensity-modelling", "propensity-model.zip");
        foreach (var own in new[] { Path.Combine(_root, "charts", "06-deploy-and-monitor"), Path.Combine(_root, "charts", "06-deploy-and-monitor") + Path.DirectorySeparatorChar })
            Assert.Equal(other, new Workshop(RepositoryPaths.Root, own, _root).FindNotebookFile("03-propensity-modelling", "propensity-model.zip"));
    }

    [Fact]
    public void Is_null_when_the_notebook_wrote_no_such_file()
    {
        Write("charts", "03-propensity-modelling", "other.zip");
        var workshop = new Workshop(RepositoryPaths.Root, Path.Combine(_root, "charts", "06-deploy-and-monitor"), _root);
        Assert.Null(workshop.FindNotebookFile("03-propensity-modelling", "propensity-model.zip"));
    }
}
