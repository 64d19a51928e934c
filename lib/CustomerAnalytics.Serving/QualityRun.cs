using System.Text.Json;
using CustomerAnalytics.Monitoring.Data;
using CustomerAnalytics.Monitoring.Evaluation;

namespace CustomerAnalytics.Serving;

/// <summary>
/// One model quality run: the predictions captured in [<paramref name="From"/>, <paramref name="To"/>) joined to the
/// labels that arrived, compared with the baseline's figures; writes <c>Out/quality/&lt;window start&gt;/</c>
/// model_quality.json and constraint_violations.json.
/// </summary>
public sealed record QualityRun(string CaptureFolder, string LabelsFile, string BaselineQualityFile, string Out, DateTime From, DateTime To, double Margin = 0.05)
{
    /// <summary>Runs the job; returns its result and the folder it wrote.</summary>
    public (ModelQualityResult Result, string Folder) Execute()
    {
        var baseline = ModelQuality.FromJson(File.ReadAllText(BaselineQualityFile));
        var predictions = CaptureReader.Read(CaptureFolder).Records
            .Where(r => r.EventMetadata.RejectionReason is null && r.EventMetadata.InferenceTime >= From && r.EventMetadata.InferenceTime < To)
            .SelectMany(Cases).ToArray();
        var result = ModelQualityJob.Run(predictions, GroundTruth.Read(LabelsFile), baseline, Margin);
        var folder = Path.Combine(Out, "quality", From.ToString("yyyy-MM-dd'T'HH-mm-ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        AtomicFile.WriteAllText(Path.Combine(folder, "model_quality.json"), result.Window.ToJson());
        AtomicFile.WriteAllText(Path.Combine(folder, "constraint_violations.json"), ConstraintViolation.Json(result.Violations));
        return (result, folder);
    }

    // The predictions of one captured answer: a single session's, or each of a batch's at its position.
    private static IEnumerable<ScoredCase> Cases(CaptureRecord record)
    {
        using var answer = JsonDocument.Parse(record.CaptureData.EndpointOutput.Data);
        var root = answer.RootElement;
        var items = root.TryGetProperty("predictions", out var batch) ? batch.EnumerateArray().ToArray() : [root];
        return items.Select((p, i) => new ScoredCase(record.EventMetadata.EventId, i, p.GetProperty("probability").GetDouble(), p.GetProperty("contact").GetBoolean())).ToArray();
    }
}
