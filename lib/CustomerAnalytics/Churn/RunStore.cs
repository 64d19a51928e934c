using System.Globalization;
using System.Text;
using System.Text.Json;
using CustomerAnalytics.Training;

namespace CustomerAnalytics.Churn;

/// <summary>
/// A local run store in the spirit of MLflow tracking: every run is a folder artifacts/runs/&lt;model&gt;/&lt;run-id&gt;/
/// with params.json (the full configuration, parseable by <see cref="ModelConfig.Parse"/>), metrics.json (per-epoch
/// loss and metric, validation and test scores) and model.bin (weights). Plain files: list them, diff them, delete them.
/// </summary>
public sealed class RunStore(string root)
{
    /// <summary>File name of the metrics in a run folder.</summary>
    public const string MetricsFile = "metrics.json";
    private static int counter;

    /// <summary>The store's folder.</summary>
    public string Root { get; } = root;

    /// <summary>The workshop's store: artifacts/runs under the repository.</summary>
    public static RunStore ForWorkshop(Workshop workshop) => new(workshop.RunsFolder);

    /// <summary>Records a finished run: saves the model and writes its parameters and metrics.</summary>
    public RunInfo Record(TrainingResult result, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var model = result.Model.Config.Name;
        var id = string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}-{Interlocked.Increment(ref counter):D3}");
        var folder = Path.Combine(Root, model, id);
        result.Model.Save(folder);
        var run = new RunInfo(model, id, folder, parameters ?? new Dictionary<string, string>(), result.Validation.Metrics, null,
            result.History, result.BestEpoch, result.Seconds);
        WriteMetrics(run);
        return run;
    }

    /// <summary>Adds test-set scores to a recorded run (rewrites its metrics.json).</summary>
    public RunInfo RecordTest(RunInfo run, ClassificationReport test)
    {
        var updated = run with { Test = test.Metrics };
        WriteMetrics(updated);
        return updated;
    }

    /// <summary>Every run in the store (or of one model), oldest first.</summary>
    public RunTable List(string? model = null)
    {
        var runs = new List<RunInfo>();
        if (Directory.Exists(Root))
            foreach (var modelDir in Directory.GetDirectories(Root).Order(StringComparer.Ordinal))
            {
                if (model is not null && Path.GetFileName(modelDir) != model) continue;
                foreach (var runDir in Directory.GetDirectories(modelDir).Order(StringComparer.Ordinal))
                    if (File.Exists(Path.Combine(runDir, MetricsFile))) runs.Add(Read(runDir));
            }
        return new RunTable(runs);
    }

    /// <summary>The run of <paramref name="model"/> with the highest validation <paramref name="metric"/>.</summary>
    public RunInfo Best(string model, string metric = "accuracy") =>
        List(model).Runs.Where(r => r.Validation.ContainsKey(metric)).MaxBy(r => r.Validation[metric])
        ?? throw new RunStoreException($"No recorded runs of '{model}' in {Root}. Train it first (GridSearch.Run records every run).");

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
                Scores("validation") ?? [], Scores("test"), epochs, r.GetProperty("best_epoch").GetInt32(), r.GetProperty("seconds").GetDouble());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new RunStoreException($"{path} cannot be read ({e.Message}); delete the folder {folder} or record the run again.", e);
        }
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
        File.WriteAllText(Path.Combine(run.Folder, MetricsFile), Encoding.UTF8.GetString(stream.ToArray()));
    }
}
