namespace CustomerAnalytics.Setup;

/// <summary>
/// Whether the library DLLs the notebooks load (<c>artifacts/bin/P/debug/P.dll</c>) are built from the current
/// sources, by the same rule as step 1 of notebook 00, which keeps a copy of it in its cell because it runs before
/// any library is loaded: a DLL needs a build when it is missing or older than one of its project's source files.
/// </summary>
public static class LibraryBuild
{
    /// <summary>
    /// The library projects the notebooks load with <c>#r "../artifacts/bin/P/debug/P.dll"</c>, with every project
    /// they reference. Notebook 00's step 1 and <c>notebooks/libraries.slnf</c> list the same projects; a test keeps
    /// all of them equal to the notebooks' <c>#r</c> lines.
    /// </summary>
    public static IReadOnlyList<string> NotebookProjects { get; } = ["CustomerAnalytics", "CustomerAnalytics.Cloud", "CustomerAnalytics.Deep"];

    /// <summary>The command that builds them, run from the repository folder.</summary>
    public const string BuildCommand = "dotnet build notebooks/libraries.slnf";

    /// <summary>The DLL of <paramref name="project"/> that the notebooks load, under the repository <paramref name="root"/>.</summary>
    public static string DllPath(string root, string project) => Path.Combine(root, "artifacts", "bin", project, "debug", project + ".dll");

    /// <summary>
    /// Why the DLL of <paramref name="project"/> needs a build ("CustomerAnalytics.dll is not built yet",
    /// "CustomerAnalytics.dll is older than lib/CustomerAnalytics/Workshop.cs"), or null when it is newer than every
    /// source file of its project (<see cref="SourceFiles"/>). Each project is compared with its own sources only: a
    /// build recompiles a referencing project only when the public API of the referenced one changed, so its DLL may
    /// rightly stay older than them; <see cref="NotebookProjects"/> holds the referenced projects themselves instead.
    /// </summary>
    public static string? WhyBuild(string root, string project)
    {
        var dll = new FileInfo(DllPath(root, project));
        if (!dll.Exists) return $"{project}.dll is not built yet";
        var folder = Path.Combine(root, "lib", project);
        var newest = Directory.Exists(folder) ? SourceFiles(folder).MaxBy(File.GetLastWriteTimeUtc) : null;
        return newest is not null && File.GetLastWriteTimeUtc(newest) > dll.LastWriteTimeUtc
            ? $"{project}.dll is older than {Path.GetRelativePath(root, newest).Replace('\\', '/')}"
            : null;
    }

    /// <summary>The source files of the project in <paramref name="projectFolder"/>: its <c>.cs</c> and <c>.csproj</c>
    /// files and the <c>.sql</c> files built into it, what is in <c>bin/</c> and <c>obj/</c> (build output) left out.</summary>
    internal static IEnumerable<string> SourceFiles(string projectFolder) =>
        Directory.EnumerateFiles(projectFolder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".cs" or ".csproj" or ".sql")
            .Where(f => !Path.GetRelativePath(projectFolder, f).Split('/', '\\').Any(part => part is "bin" or "obj"));
}
