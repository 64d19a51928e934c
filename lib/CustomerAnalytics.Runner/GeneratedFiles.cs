namespace CustomerAnalytics.Runner;

/// <summary>Writes the files generated from the notebooks (app twins, attendee copies), each atomically.</summary>
internal static class GeneratedFiles
{
    /// <summary>Writes <paramref name="generate"/>'s text of each notebook to <paramref name="target"/>'s path; returns the files written.</summary>
    public static IReadOnlyList<string> WriteAll(IEnumerable<string> notebookPaths, Func<string, string> target, Func<LoadedNotebook, string> generate)
    {
        var written = new List<string>();
        foreach (var path in notebookPaths)
        {
            var file = target(path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            AtomicFile.WriteAllText(file, generate(LoadedNotebook.Load(path)));
            written.Add(file);
        }
        return written;
    }
}
