namespace CustomerAnalytics;

/// <summary>
/// The one rule for "which folder is the workshop repository": the nearest folder at or above a start folder that
/// holds <c>global.json</c> and a <c>notebooks/</c> folder. <see cref="Workshop.Start()"/>, the runner, the apps and
/// the tests all ask here, so they never disagree about the root.
/// </summary>
public static class RepositoryRoot
{
    /// <summary>The repository folder at or above <paramref name="start"/>, or null when there is none.</summary>
    public static string? TryFind(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "global.json")) && Directory.Exists(Path.Combine(dir.FullName, "notebooks")))
                return dir.FullName;
        return null;
    }

    /// <summary>The repository folder at or above <paramref name="start"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">There is none; the message says to open the cloned repository.</exception>
    public static string Find(string start) => TryFind(start) ?? throw new DirectoryNotFoundException(
        $"No workshop repository (a folder with global.json and notebooks/) at or above {start}. Open the notebook from the cloned repository.");
}
