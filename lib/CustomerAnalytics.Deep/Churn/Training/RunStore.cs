using System.Globalization;
using System.Text.Json;
using CustomerAnalytics.Training;
using CustomerAnalytics.Evaluation;

namespace CustomerAnalytics.Churn.Training;

/// <summary>
/// A local run store in the spirit of MLflow tracking: every run is a folder artifacts/runs/&lt;model&gt;/&lt;run-id&gt;/
/// with params.json (the full configuration, parseable by <see cref="ModelConfig.Parse"/>), metrics.json (per-epoch
/// loss and metric, validation and test scores), model.bin (weights) and inputs.json (what the run was trained on:
/// see <see cref="RunInputs"/>). Plain files: list them, diff them, delete them. <see cref="Best(ModelConfig, RunInputs)"/>
/// considers only runs with the same inputs, so a change of data, split, labels or configuration never reloads a
/// model trained on something else.
/// </summary>
public sealed class RunStore(string root)
{
    /// <summary>File name of the metrics in a run folder.</summary>
    public const string MetricsFile = "metrics.json";
    /// <summary>File name of the run's inputs and their fingerprint in a run folder.</summary>
    public const string InputsFile = "inputs.json";
    private readonly HashSet<string> warned = [];
    private int recorded; // runs this store recorded: numbers the runs of one millisecond

    /// <summary>The store's folder.</summary>
    public string Root { get; } = root;

    /// <summary>Where <see cref="List"/> warns about the damaged runs it skips; null (the default) means standard error
    /// at the time of the warning (a notebook shows it under the cell).</summary>
    public TextWriter? Warnings { get; init; }

    /// <summary>The workshop's store: artifacts/runs under the repository.</summary>
    public static RunStore ForWorkshop(Workshop workshop) => new(workshop.RunsFolder);

    /// <summary>Records a finished run: saves the model and writes its parameters, metrics and (when given) inputs.</summary>
    public RunInfo Record(TrainingResult result, IReadOnlyDictionary<string, string>? parameters = null, RunInputs? inputs = null)
    {
        var model = result.Model.Config.Name;
        var (id, folder) = NewRunFolder(model);
        result.Model.Save(folder);
        var run = new RunInfo(model, id, folder, parameters ?? new Dictionary<string, string>(), result.Validation.Metrics, null,
            result.History, result.BestEpoch, result.Seconds) { Inputs = inputs };
        if (inputs is not null) WriteInputs(folder, inputs);
        WriteMetrics(run);
        return run;
    }

    /// <summary>
    /// A run id not yet used in the store: the time to the millisecond and this store's count of runs, moved past any
    /// folder that already exists, so another store on the same folder (another notebook or process) needs no shared
    /// counter with this one.
    /// </summary>
    private (string Id, string Folder) NewRunFolder(string model)
    {
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture);
        for (var n = Interlocked.Increment(ref recorded); ; n = Interlocked.Increment(ref recorded))
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{stamp}-{n:D3}");
            var folder = Path.Combine(Root, model, id);
            if (!Directory.Exists(folder)) return (id, folder);
        }
    }

    /// <summary>Adds test-set scores to a recorded run (rewrites its metrics.json).</summary>
    public RunInfo RecordTest(RunInfo run, ClassificationReport test)
    {
        var updated = run with { Test = test.Metrics };
        WriteMetrics(updated);
        return updated;
    }

    /// <summary>
    /// Every run in the store (or of one model), oldest first. A folder without metrics.json (a run stopped before it
    /// was recorded) is not a run; a run whose files cannot be read (damaged, edited) is skipped with a warning naming
    /// its folder, so one bad folder never stops the workshop.
    /// </summary>
    public RunTable List(string? model = null)
    {
        var runs = new List<RunInfo>();
        if (Directory.Exists(Root))
            foreach (var modelDir in Directory.GetDirectories(Root).Order(StringComparer.Ordinal))
            {
                if (model is not null && Path.GetFileName(modelDir) != model) continue;
                foreach (var runDir in Directory.GetDirectories(modelDir).Order(StringComparer.Ordinal))
                {
                    if (!File.Exists(Path.Combine(runDir, MetricsFile))) continue;
                    try { runs.Add(Read(runDir)); }
                    catch (RunStoreException e)
                    {
                        // Once per store and folder: a notebook lists the store several times.
                        lock (warned)
                            if (warned.Add(runDir)) (Warnings ?? Console.Error).WriteLine($"warning: skipped the damaged run {runDir}: {e.Message}");
                    }
                }
            }
        return new RunTable(runs);
    }

    /// <summary>
    /// The run of <paramref name="config"/>'s model with the highest validation value of its metric, among the runs
    /// trained on <paramref name="inputs"/> with this configuration (the fingerprint of <c>inputs.WithConfig(config)</c>,
    /// as the notebook's grid search records it with <see cref="Record"/>). Runs on other inputs and runs without recorded inputs are ignored;
    /// when none is left, <see cref="RunStoreException"/> says how many were ignored and what to do.
    /// </summary>
    public RunInfo Best(ModelConfig config, RunInputs inputs) => Best(config.Name, inputs.WithConfig(config), config.Training.Metric);

    /// <summary>The run of <paramref name="model"/> with the highest validation <paramref name="metric"/> among the runs
    /// recorded with exactly <paramref name="inputs"/> (compared by fingerprint).</summary>
    public RunInfo Best(string model, RunInputs inputs, string metric = "accuracy")
    {
        var runs = List(model).Runs;
        var same = runs.Where(r => r.Inputs?.Fingerprint == inputs.Fingerprint).ToArray();
        var best = same.Where(r => r.Validation.ContainsKey(metric)).MaxBy(r => r.Validation[metric]);
        if (best is not null) return best;
        int other = runs.Count(r => r.Inputs is not null && r.Inputs.Fingerprint != inputs.Fingerprint), old = runs.Count(r => r.Inputs is null);
        var ignored = runs.Count == 0 ? "There are no runs of it at all." :
            string.Create(CultureInfo.InvariantCulture, $"Ignored: {other} run(s) trained on other inputs (other data, split, labels or configuration) and {old} run(s) recorded without inputs ({InputsFile} missing: older runs whose data cannot be known).") +
            (same.Length > 0 ? $" {same.Length} run(s) on these inputs have no validation '{metric}'." : "");
        throw new RunStoreException($"No run of '{model}' in {Root} was trained on these inputs, {inputs}. {ignored}" +
            " Train it on these inputs first and record every run with them: store.Record(result, combination, inputs.WithConfig(config)).");
    }

    /// <summary>Loads the model saved with a run.</summary>
    public static TrainedModel Load(RunInfo run) => TrainedModel.Load(run.Folder);

    /// <summary>Reads one run folder.</summary>
    public static RunInfo Read(string folder)
    {
        var path = Path.Combine(folder, MetricsFile);
        if (!File.Exists(path)) throw new RunStoreException($"{path} is missing: {folder} is not a recorded run.");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var r = doc.RootElement;
            Dictionary<string, double>? Scores(string key) =>
                r.TryGetProperty(key, out var s) && s.ValueKind == JsonValueKind.Object ? s.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble()) : null;
            var epochs = r.GetProperty("epochs").EnumerateArray().Select(e => new EpochRecord(
                e.GetProperty("epoch").GetInt32(), e.GetProperty("loss").GetDouble(),
                e.TryGetProperty("metric", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetDouble() : null,
                e.TryGetProperty("val_loss", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null,
                TimeSpan.FromSeconds(e.GetProperty("seconds").GetDouble()))).ToArray();
            var parameters = r.GetProperty("parameters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
            return new RunInfo(r.GetProperty("model").GetString()!, r.GetProperty("run_id").GetString()!, folder, parameters,
                Scores("validation") ?? [], Scores("test"), epochs, r.GetProperty("best_epoch").GetInt32(), r.GetProperty("seconds").GetDouble())
                { Inputs = ReadInputs(folder) };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new RunStoreException($"{path} cannot be read ({e.Message}); delete the folder {folder} or record the run again.", e);
        }
    }

    private static RunInputs? ReadInputs(string folder)
    {
        var path = Path.Combine(folder, InputsFile);
        if (!File.Exists(path)) return null;
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var inputs = new RunInputs(doc.RootElement.GetProperty("inputs").EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetString() ?? "")));
        var recorded = doc.RootElement.GetProperty("fingerprint").GetString();
        if (recorded != inputs.Fingerprint)
            throw new RunStoreException($"{path} was edited: its fingerprint {recorded} does not match its inputs ({inputs.Fingerprint}); delete the folder {folder} or record the run again.");
        return inputs;
    }

    private static void WriteInputs(string folder, RunInputs inputs)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("fingerprint", inputs.Fingerprint);
            w.WriteStartObject("inputs");
            foreach (var (k, v) in inputs.Values) w.WriteString(k, v);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        AtomicFile.WriteAllBytes(Path.Combine(folder, InputsFile), stream.ToArray());
    }

    private static void WriteMetrics(RunInfo run)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("model", run.Model);
            w.WriteString("run_id", run.RunId);
            w.WriteStartObject("parameters");
            foreach (var (k, v) in run.Parameters) w.WriteString(k, v);
            w.WriteEndObject();
            w.WriteNumber("best_epoch", run.BestEpoch);
            w.WriteNumber("seconds", Math.Round(run.Seconds, 3));
            Scores("validation", run.Validation);
            if (run.Test is not null) Scores("test", run.Test);
            w.WriteStartArray("epochs");
            foreach (var e in run.Epochs)
            {
                w.WriteStartObject();
                w.WriteNumber("epoch", e.Epoch);
                w.WriteNumber("loss", e.Loss);
                if (e.ValidationLoss is { } vl) w.WriteNumber("val_loss", vl);
                if (e.Metric is { } m) w.WriteNumber("metric", m);
                w.WriteNumber("seconds", Math.Round(e.Elapsed.TotalSeconds, 3));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();

            void Scores(string name, IReadOnlyDictionary<string, double> scores)
            {
                w.WriteStartObject(name);
                foreach (var (k, v) in scores) w.WriteNumber(k, v);
                w.WriteEndObject();
            }
        }
        // Rewritten by RecordTest: a crash keeps the old metrics.json, never half of one.
        AtomicFile.WriteAllBytes(Path.Combine(run.Folder, MetricsFile), stream.ToArray());
    }
}
