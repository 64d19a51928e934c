using CustomerAnalytics.Display;

namespace CustomerAnalytics;

/// <summary>Where the workshop's files are, found the same way in Jupyter, the headless runner and apps.</summary>
/// <param name="Root">The repository folder (the one with global.json and notebooks/).</param>
/// <param name="OutputFolder">Where a headless run writes charts and key numbers: WORKSHOP_OUTPUT_DIR when the runner
/// or an app sets it, else artifacts/charts.</param>
/// <param name="ArtifactsFolder">Root of everything a run writes besides charts (results, models, the run store):
/// WORKSHOP_ARTIFACTS_DIR when the runner or an app is given <c>--out</c>, else the repository's artifacts/.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record Workshop(string Root, string OutputFolder, string ArtifactsFolder) : IHtmlRenderable
{
    /// <summary>Environment variable the runner and the apps set to their <c>--out</c> folder, so a run with
    /// <c>--out</c> writes nothing under the repository's artifacts/.</summary>
    public const string ArtifactsDirVariable = "WORKSHOP_ARTIFACTS_DIR";

    /// <summary>Environment variable the runner and the apps set to each notebook's output folder: read once, by
    /// <see cref="Start"/>, and passed on through <see cref="OutputFolder"/> and <see cref="Headless"/>.</summary>
    public const string OutputDirVariable = "WORKSHOP_OUTPUT_DIR";

    /// <summary>Environment variable naming the attendee's S3 bucket; the GPU machines' template sets it. When it is
    /// set, workshops 01-03 keep their data, tables and models there (see <see cref="Bucket"/>).</summary>
    public const string BucketVariable = "WORKSHOP_BUCKET";

    /// <summary>Environment variable naming the attendee (the folder of their objects in the bucket); the user name
    /// when it is not set.</summary>
    public const string AttendeeVariable = "WORKSHOP_ATTENDEE";

    /// <summary>The S3 bucket of this machine (<see cref="BucketVariable"/>), or null: then nothing goes to S3 unless
    /// a notebook parameter names an s3:// location.</summary>
    public string? Bucket { get; init; }

    /// <summary>The attendee's folder in <see cref="Bucket"/>: <see cref="AttendeeVariable"/>, else the user name,
    /// reduced to letters, digits, '.', '_' and '-' so it is a safe key prefix.</summary>
    public string Attendee { get; init; } = "attendee";

    /// <summary>True when the runner or an app runs the notebook (they set <see cref="OutputDirVariable"/>): published
    /// charts are then also saved as HTML and PNG, and the key numbers as JSON, in <see cref="OutputFolder"/>.</summary>
    public bool Headless { get; init; }

    /// <summary>The sample data folder.</summary>
    public string DataFolder => Path.Combine(Root, "data");

    /// <summary>A path under data/, e.g. <c>DataPath("olist")</c>.</summary>
    public string DataPath(params string[] parts) => Path.Combine([DataFolder, .. parts]);

    /// <summary>A path under the output folder (created), for this notebook's own files (charts, reports).</summary>
    public string OutputPath(string fileName)
    {
        Directory.CreateDirectory(OutputFolder);
        return Path.Combine(OutputFolder, fileName);
    }

    /// <summary>
    /// True when <paramref name="path"/> holds the bundled sample data: a file with the same bytes as a file under
    /// data/ (truth files aside), or a folder whose CSV and TSV files all are. Truth comparisons and other
    /// sample-only sections check this: the truth describes the generated sample, never a real or own file.
    /// </summary>
    /// <param name="path">A data file or folder as a notebook parameter gives it ("" means the sample); s3:// is never the sample.</param>
    public bool IsSample(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) return true;
        if (path.StartsWith("s3://", StringComparison.OrdinalIgnoreCase)) return false;
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            var files = Directory.GetFiles(full).Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase)).ToArray();
            return files.Length > 0 && files.All(IsSampleFile);
        }
        return File.Exists(full) && IsSampleFile(full);
    }

    private bool IsSampleFile(string file)
    {
        var length = new FileInfo(file).Length;
        var candidates = Directory.Exists(DataFolder)
            ? Directory.EnumerateFiles(DataFolder, "*", SearchOption.AllDirectories)
                .Where(f => !f.StartsWith(Path.Combine(DataFolder, "truth"), StringComparison.Ordinal) && new FileInfo(f).Length == length)
                .ToArray()
            : [];
        if (candidates.Length == 0) return false;
        // Same length first (cheap), then the bytes themselves; the file is read once.
        var bytes = File.ReadAllBytes(file);
        return candidates.Any(c => File.ReadAllBytes(c).AsSpan().SequenceEqual(bytes));
    }

    /// <summary>The run store's folder (<see cref="ArtifactsFolder"/>/runs): every training run of workshop 05.</summary>
    public string RunsFolder => Path.Combine(ArtifactsFolder, "runs");

    /// <summary>
    /// A path under <see cref="ArtifactsFolder"/>/results/ (created): tables and models one workshop hands to the
    /// next (e.g. the RFM table workshop 02 segments). artifacts/results/ in Jupyter and in a runner call without
    /// <c>--out</c>, so the workshops find each other's results.
    /// </summary>
    public string ResultsPath(string fileName)
    {
        var folder = Path.Combine(ArtifactsFolder, "results");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, fileName);
    }

    /// <summary>
    /// Shows the run's headline numbers as a table and, in a <see cref="Headless"/> run, writes them to
    /// <c>key-numbers.json</c> there for the report index and the notebook-versus-app tests.
    /// </summary>
    /// <param name="notebook">The notebook's file name without extension, e.g. "02-kmeans-segmentation".</param>
    /// <param name="numbers">Name and value pairs, e.g. <c>("chosen k", chosenK)</c>.</param>
    public KeyNumbers KeyNumbers(string notebook, params (string Name, double Value)[] numbers)
    {
        var list = numbers.Select(n => new KeyNumber(n.Name, n.Value)).ToArray();
        var json = CustomerAnalytics.KeyNumbers.ToJson(notebook, list); // validates before anything is written
        string? saved = null;
        if (Headless)
        {
            saved = OutputPath(CustomerAnalytics.KeyNumbers.FileName);
            AtomicFile.WriteAllText(saved, json);
        }
        return new KeyNumbers(notebook, list, saved);
    }

    /// <summary>
    /// Call once at the top of a notebook or app: makes charts work in the Jupyter kernel and finds the
    /// repository from the current folder (notebooks/ in Jupyter and in the runner).
    /// </summary>
    public static Workshop Start(string? startFolder = null)
    {
        FSharpCoreRedirect.Install();
        return FromSettings(startFolder ?? Directory.GetCurrentDirectory(), Environment.GetEnvironmentVariable, Environment.UserName);
    }

    /// <summary>The workshop as <see cref="Start"/> finds it, with the settings read through <paramref name="setting"/>
    /// (the environment in <see cref="Start"/>; a dictionary in tests).</summary>
    internal static Workshop FromSettings(string startFolder, Func<string, string?> setting, string userName)
    {
        var root = FindRoot(startFolder);
        string? Read(string name) => setting(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        var runOutput = Read(OutputDirVariable);
        var output = runOutput ?? Path.Combine(root, "artifacts", "charts");
        var artifacts = Read(ArtifactsDirVariable) is { } runDir ? Path.GetFullPath(runDir) : Path.Combine(root, "artifacts");
        return new Workshop(root, output, artifacts)
        {
            Headless = runOutput is not null,
            Bucket = Read(BucketVariable),
            Attendee = KeyPrefix(Read(AttendeeVariable) ?? userName),
        };
    }

    // S3 keys may hold anything, but a folder name typed in a console or a policy is best kept plain.
    private static string KeyPrefix(string name)
    {
        var plain = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-').ToArray()).Trim('-', '.');
        return plain.Length == 0 ? "attendee" : plain;
    }

    private static string FindRoot(string start) => TryFindRoot(start) ?? throw new DirectoryNotFoundException(
        $"No workshop repository (a folder with global.json and data/) at or above {start}. Open the notebook from the cloned repository.");

    /// <summary>The repository folder (global.json and data/) at or above <paramref name="start"/>, or null.</summary>
    internal static string? TryFindRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "global.json")) && Directory.Exists(Path.Combine(dir.FullName, "data")))
                return dir.FullName;
        return null;
    }

    /// <inheritdoc />
    public override string ToString() => $"Workshop repository {Root}; data in {DataFolder}; charts in {OutputFolder}; results in {Path.Combine(ArtifactsFolder, "results")}"
        + (Bucket is null ? "" : $"; S3 folder s3://{Bucket}/{Attendee}/");

    /// <inheritdoc />
    public string ToHtml() => Bucket is null
        ? Html.Table(["repository", "data", "charts", "results"], [[Root, DataFolder, OutputFolder, Path.Combine(ArtifactsFolder, "results")]])
        : Html.Table(["repository", "data", "charts", "results", "S3 folder"], [[Root, DataFolder, OutputFolder, Path.Combine(ArtifactsFolder, "results"), $"s3://{Bucket}/{Attendee}/"]]);
}
