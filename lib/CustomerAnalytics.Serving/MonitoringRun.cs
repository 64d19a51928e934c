using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerAnalytics.Monitoring.Data;
using CustomerAnalytics.Monitoring.Evaluation;

namespace CustomerAnalytics.Serving;

/// <summary>
/// One monitoring run over a window of captured traffic, as Model Monitor's hourly job: the requests answered in
/// [<paramref name="From"/>, <paramref name="To"/>) are checked against the baseline in <paramref name="BaselineFolder"/>
/// (statistics.json, constraints.json); the run writes <c>Out/&lt;window start&gt;/constraint_violations.json</c> and the
/// window's statistics.json, and appends each feature's drift distance to <c>Out/distances.jsonl</c>, one line a window.
/// Refused requests are monitored too: a value the service refused is exactly what a data type check is for.
/// </summary>
public sealed record MonitoringRun(string BaselineFolder, string CaptureFolder, string Out, DateTime From, DateTime To)
{
    /// <summary>The request fields that are not features: the session's id.</summary>
    public static readonly IReadOnlySet<string> NotFeatures = new HashSet<string>(StringComparer.Ordinal) { "UserID", "ordered" };

    /// <summary>Runs the job; returns its result and the folder it wrote.</summary>
    /// <exception cref="FileNotFoundException">The baseline folder lacks statistics.json or constraints.json.</exception>
    public (MonitoringResult Result, string Folder, IReadOnlyList<string> Torn) Execute()
    {
        var baseline = DatasetStatistics.FromJson(File.ReadAllText(Required("statistics.json")));
        var constraints = BaselineConstraints.FromJson(File.ReadAllText(Required("constraints.json")));
        var captured = CaptureReader.Read(CaptureFolder);
        var rows = captured.Rows(NotFeatures, From, To);
        var result = MonitoringJob.Run(baseline, constraints, rows);

        var folder = Path.Combine(Out, From.ToString("yyyy-MM-dd'T'HH-mm-ss'Z'", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        AtomicFile.WriteAllText(Path.Combine(folder, "constraint_violations.json"), result.ViolationsJson());
        AtomicFile.WriteAllText(Path.Combine(folder, "statistics.json"), result.Window.ToJson());
        var line = new JsonObject
        {
            ["window_start"] = From, ["window_end"] = To, ["rows"] = rows.Count, ["violations"] = result.Violations.Count,
            ["distances"] = new JsonObject(result.Distances.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d =>
                KeyValuePair.Create(d.Key, (JsonNode?)new JsonObject { ["simple"] = d.Value.Simple, ["robust"] = d.Value.Robust }))),
        };
        File.AppendAllText(Path.Combine(Out, "distances.jsonl"), line.ToJsonString() + "\n");
        return (result, folder, captured.Torn);
    }

    private string Required(string file)
    {
        var path = Path.Combine(BaselineFolder, file);
        return File.Exists(path) ? path : throw new FileNotFoundException($"No {file} in {Path.GetFullPath(BaselineFolder)}: run `model-service baseline` first.", path);
    }
}
