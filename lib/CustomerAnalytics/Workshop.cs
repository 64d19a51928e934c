using CustomerAnalytics.Display;

namespace CustomerAnalytics;

/// <summary>Where the workshop's files are, found the same way in Jupyter, the headless runner and apps.</summary>
/// <param name="Root">The repository folder (the one with global.json and notebooks/).</param>
/// <param name="OutputFolder">Where a headless run writes charts and key numbers: the folder the runner or an app
/// gives (<see cref="WorkshopSettings.OutputFolder"/>), else artifacts/charts.</param>
/// <param name="ArtifactsFolder">Root of everything a run writes besides charts (results, models, the run store):
/// the runner's or an app's <c>--out</c> folder, else the repository's artifacts/.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record Workshop(string Root, string OutputFolder, string ArtifactsFolder) : IHtmlRenderable
{
    /// <summary>The S3 bucket of this machine (<see cref="WorkshopSettings.BucketVariable"/>), or null: then nothing goes to S3 unless
    /// a notebook parameter names an s3:// location.</summary>
    public string? Bucket { get; init; }

    /// <summary>The attendee's folder in <see cref="Bucket"/>: <see cref="WorkshopSettings.AttendeeVariable"/>, else the user name,
    /// reduced to letters, digits, '.', '_' and '-' so it is a safe key prefix.</summary>
    public string Attendee { get; init; } = "attendee";

    /// <summary>Where the host keeps published charts (the runner's and the apps' HTML and PNG files); null in a
    /// notebook, where charts are only displayed.</summary>
    public IChartOutput? ChartOutput { get; init; }

    /// <summary>True when a host (the runner or an app) runs the workshop: it has a <see cref="ChartOutput"/>, and the
    /// key numbers are also written as JSON in <see cref="OutputFolder"/>.</summary>
    public bool Headless => ChartOutput is not null;

    /// <summary>The endpoint of an S3-compatible server from <see cref="WorkshopSettings.S3Endpoint"/>; null: AWS itself.</summary>
    public string? S3Endpoint { get; init; }

    /// <summary>The AWS region from <see cref="WorkshopSettings.S3Region"/>; null: the S3 client's default.</summary>
    public string? S3Region { get; init; }

    /// <summary>The TorchSharp device preference (cpu, cuda, auto) from <see cref="WorkshopSettings.Device"/>; null: auto.</summary>
    public string? Device { get; init; }

    /// <summary>The notebook page this workshop's charts are shown on: plotly.js goes into its first rendered chart.</summary>
    public NotebookPage Page { get; init; } = new();

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
    /// A file another notebook wrote with <see cref="OutputPath"/> (e.g. the model workshop 03 saves), or null when that
    /// notebook has not written it: looked for in this notebook's output folder (shared in Jupyter: artifacts/charts),
    /// then in <paramref name="notebook"/>'s folder beside it (a runner or app run gives each notebook its own).
    /// </summary>
    /// <param name="notebook">The writing notebook's file name without extension, e.g. "03-propensity-modelling".</param>
    /// <param name="fileName">The file's name, e.g. "propensity-model.zip".</param>
    public string? FindNotebookFile(string notebook, string fileName)
    {
        var own = Path.TrimEndingDirectorySeparator(Path.GetFullPath(OutputFolder));
        var candidates = new[] { Path.Combine(own, fileName) }
            .Concat(Path.GetDirectoryName(own) is { } parent ? [Path.Combine(parent, notebook, fileName)] : []);
        return candidates.FirstOrDefault(File.Exists);
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
    /// Call once at the top of a notebook: makes charts work in the Jupyter kernel, finds the repository from the
    /// current folder (notebooks/ in Jupyter) and reads the machine's settings from the environment, the only place
    /// in the library that does (<see cref="WorkshopSettings.FromEnvironment"/>).
    /// </summary>
    /// <param name="startFolder">Where to look for the repository from; default the current folder.</param>
    public static Workshop Start(string? startFolder = null) =>
        Start(WorkshopSettings.FromEnvironment(startFolder ?? Directory.GetCurrentDirectory()));

    /// <summary>
    /// The workshop of a host (the headless runner, a file-based app, a test): built from explicit settings, nothing
    /// read from the environment or the current folder. The runner hands a notebook's <c>Workshop.Start()</c> call
    /// its settings this way.
    /// </summary>
    public static Workshop Start(WorkshopSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        FSharpCoreRedirect.Install();
        var root = Path.GetFullPath(settings.Root);
        return new Workshop(root,
            settings.OutputFolder is { } output ? Path.GetFullPath(output) : Path.Combine(root, "artifacts", "charts"),
            settings.ArtifactsFolder is { } artifacts ? Path.GetFullPath(artifacts) : Path.Combine(root, "artifacts"))
        {
            ChartOutput = settings.ChartOutput,
            Bucket = settings.Bucket,
            Attendee = KeyPrefix(settings.Attendee ?? Environment.UserName),
            Device = settings.Device,
            S3Endpoint = settings.S3Endpoint,
            S3Region = settings.S3Region,
        };
    }

    /// <summary>The workshop as <see cref="Start(string)"/> finds it, with the settings read through
    /// <paramref name="setting"/> (a dictionary in tests) and <paramref name="userName"/> as the default attendee.</summary>
    internal static Workshop FromSettings(string startFolder, Func<string, string?> setting, string userName)
    {
        var settings = WorkshopSettings.From(startFolder, setting);
        return Start(settings with { Attendee = settings.Attendee ?? userName });
    }

    // S3 keys may hold anything, but a folder name typed in a console or a policy is best kept plain.
    private static string KeyPrefix(string name)
    {
        var plain = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-').ToArray()).Trim('-', '.');
        return plain.Length == 0 ? "attendee" : plain;
    }

    /// <inheritdoc />
    public override string ToString() => $"Workshop repository {Root}; data in {DataFolder}; charts in {OutputFolder}; results in {Path.Combine(ArtifactsFolder, "results")}"
        + (Bucket is null ? "" : $"; S3 folder s3://{Bucket}/{Attendee}/");

    /// <inheritdoc />
    public string ToHtml() => Bucket is null
        ? Html.Table(["repository", "data", "charts", "results"], [[Root, DataFolder, OutputFolder, Path.Combine(ArtifactsFolder, "results")]])
        : Html.Table(["repository", "data", "charts", "results", "S3 folder"], [[Root, DataFolder, OutputFolder, Path.Combine(ArtifactsFolder, "results"), $"s3://{Bucket}/{Attendee}/"]]);
}
