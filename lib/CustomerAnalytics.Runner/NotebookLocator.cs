namespace CustomerAnalytics.Runner;

/// <summary>Turns command-line arguments into an ordered list of notebook files.</summary>
public static class NotebookLocator
{
    /// <summary>
    /// Notebook files for the given inputs (files, or folders whose <c>*.ipynb</c> are taken in name order);
    /// with no inputs, every notebook in <c>notebooks/</c> of the repository. Paths are relative to <paramref name="workingDirectory"/>.
    /// Throws <see cref="RunnerUsageException"/> naming a path that does not exist and listing the notebooks there are.
    /// </summary>
    public static IReadOnlyList<string> Resolve(IReadOnlyList<string> inputs, string workingDirectory)
    {
        var root = RepositoryRoot.TryFind(workingDirectory);
        if (inputs.Count == 0)
        {
            var folder = DefaultNotebookFolder(root)
                ?? throw new RunnerUsageException(
                    $"No notebooks given and no notebooks/ folder found above {workingDirectory} (the repository root is the folder with global.json and notebooks/). " +
                    "Run from inside the repository or name notebooks on the command line.");
            var all = NotebooksIn(folder);
            return all.Count > 0 ? all : throw new RunnerUsageException($"{folder} holds no *.ipynb notebooks.");
        }

        var result = new List<string>();
        foreach (var input in inputs)
        {
            var path = Path.GetFullPath(input, workingDirectory);
            if (File.Exists(path)) result.Add(path);
            else if (Directory.Exists(path))
            {
                var found = NotebooksIn(path);
                if (found.Count == 0) throw new RunnerUsageException($"{path} holds no *.ipynb notebooks.");
                result.AddRange(found);
            }
            else throw new RunnerUsageException(NotFoundMessage(input, path, root));
        }
        return result.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string? DefaultNotebookFolder(string? root) =>
        root is not null && Directory.Exists(Path.Combine(root, "notebooks")) ? Path.Combine(root, "notebooks") : null;

    private static List<string> NotebooksIn(string folder) =>
        Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal).ToList();

    private static string NotFoundMessage(string input, string path, string? root)
    {
        var folder = DefaultNotebookFolder(root);
        var known = folder is null ? [] : NotebooksIn(folder).Select(Path.GetFileName).ToList();
        var listing = known.Count == 0
            ? "No notebooks were found in notebooks/ either."
            : $"Notebooks in {folder}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", known);
        return $"Notebook path '{input}' does not exist (looked for {path}).{Environment.NewLine}{listing}";
    }
}
