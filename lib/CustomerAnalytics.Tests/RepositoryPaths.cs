namespace CustomerAnalytics.Tests;

/// <summary>Locates the repository from the test binaries (artifacts/bin/... under the clone).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();
    public static string Notebooks => Path.Combine(Root, "notebooks");
    public static string Data => Path.Combine(Root, "data");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "global.json")) && Directory.Exists(Path.Combine(dir.FullName, "notebooks")))
                return dir.FullName;
        throw new InvalidOperationException($"No repository root (a folder with global.json and notebooks/) above {AppContext.BaseDirectory}.");
    }
}
