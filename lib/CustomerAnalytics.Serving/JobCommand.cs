using System.Globalization;

namespace CustomerAnalytics.Serving;

/// <summary>The service's one-off jobs: <c>model-service baseline ...</c> and <c>model-service monitor ...</c>.</summary>
public static class JobCommand
{
    /// <summary>True when <paramref name="args"/> names a job rather than the service.</summary>
    public static bool IsJob(IReadOnlyList<string> args) => args.Count > 0 && args[0] is "baseline" or "monitor" or "quality-baseline" or "quality";

    /// <summary>Runs the job; returns the exit code (0 done, 1 the job failed, 2 a usage error), writing to <paramref name="output"/>.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count) return Usage(output, $"{args[i]}: expected --option value.");
            options[args[i]] = args[++i];
        }
        string? Get(string name) => options.GetValueOrDefault(name);
        try
        {
            if (args[0] == "baseline")
            {
                if (Get("--sessions") is not { } sessions || Get("--out") is not { } outFolder) return Usage(output, "baseline needs --sessions FILE and --out DIR.");
                var (statistics, constraints) = BaselineJob.Write(sessions, outFolder);
                output.WriteLine($"Baseline of {statistics.ItemCount:N0} sessions, {constraints.Features.Count} features: {Path.Combine(outFolder, "statistics.json")}, {Path.Combine(outFolder, "constraints.json")}");
                return 0;
            }
            if (args[0] == "quality-baseline")
            {
                if (Get("--propensity-model") is not { } model || Get("--sessions") is not { } labelled || Get("--out") is not { } file)
                    return Usage(output, "quality-baseline needs --propensity-model FILE, --sessions FILE (labelled) and --out FILE.");
                var threshold = Get("--threshold") is { } th ? double.Parse(th, CultureInfo.InvariantCulture) : 0.5;
                var quality = QualityBaseline.Write(model, labelled, threshold, file);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Quality of {model} on {quality.Count:N0} labelled sessions at threshold {threshold}: AUC {quality.Auc:0.####}, precision {quality.Precision:0.####}, recall {quality.Recall:0.####}, F1 {quality.F1:0.####}: {file}"));
                return 0;
            }
            if (args[0] == "quality")
            {
                if (Get("--capture") is not { } captured || Get("--labels") is not { } labels || Get("--baseline-quality") is not { } reference || Get("--out") is not { } qualityOut)
                    return Usage(output, "quality needs --capture DIR, --labels FILE, --baseline-quality FILE and --out DIR.");
                var margin = Get("--margin") is { } mg ? double.Parse(mg, CultureInfo.InvariantCulture) : 0.05;
                var (quality, qualityFolder) = new QualityRun(captured, labels, reference, qualityOut,
                    Get("--from") is { } qf ? Time(qf, "--from") : DateTime.MinValue, Get("--to") is { } qt ? Time(qt, "--to") : DateTime.MaxValue, margin).Execute();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{quality.Matched:N0} labelled predictions ({quality.UnmatchedLabels:N0} labels matched no captured prediction): AUC {quality.Window.Auc:0.####}, precision {quality.Window.Precision:0.####}, recall {quality.Window.Recall:0.####}, F1 {quality.Window.F1:0.####}; {quality.Violations.Count} violation(s): {Path.Combine(qualityFolder, "constraint_violations.json")}"));
                foreach (var v in quality.Violations) output.WriteLine($"  {v.FeatureName}  {v.ConstraintCheckType}  {v.Description}");
                return 0;
            }
            if (Get("--baseline") is not { } baseline || Get("--capture") is not { } capture || Get("--out") is not { } monitorOut)
                return Usage(output, "monitor needs --baseline DIR, --capture DIR and --out DIR.");
            var from = Get("--from") is { } f ? Time(f, "--from") : DateTime.MinValue;
            var to = Get("--to") is { } t ? Time(t, "--to") : DateTime.MaxValue;
            var (result, folder, torn) = new MonitoringRun(baseline, capture, monitorOut, from, to).Execute();
            foreach (var line in torn) output.WriteLine($"torn last line left out: {line}");
            output.WriteLine($"{result.Window.ItemCount:N0} captured sessions, {result.Violations.Count} violation(s): {Path.Combine(folder, "constraint_violations.json")}");
            foreach (var v in result.Violations) output.WriteLine($"  {v.FeatureName}  {v.ConstraintCheckType}  {v.Description}");
            return 0;
        }
        catch (ArgumentException e) { return Usage(output, e.Message); }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or WorkshopException or ModelLoadException or FormatException)
        {
            output.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static DateTime Time(string text, string option) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? time : throw new ArgumentException($"{option} {text}: not a time (ISO 8601, e.g. 2026-12-08T10:00:00Z).");

    private static int Usage(TextWriter output, string message)
    {
        output.WriteLine(message);
        output.WriteLine(ServiceOptions.Usage);
        return 2;
    }
}
