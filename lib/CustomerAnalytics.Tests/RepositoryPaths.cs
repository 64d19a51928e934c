namespace CustomerAnalytics.Tests;

/// <summary>Locates the repository from the test binaries (artifacts/bin/... under the clone).</summary>
internal static class RepositoryPaths
{
    // The library's one rule for the repository folder (global.json and notebooks/), as the runner and the apps use it.
    public static string Root { get; } = RepositoryRoot.Find(AppContext.BaseDirectory);
    public static string Notebooks => Path.Combine(Root, "notebooks");
    public static string Data => Path.Combine(Root, "data");
}
