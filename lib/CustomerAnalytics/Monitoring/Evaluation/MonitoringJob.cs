using System.Globalization;
using CustomerAnalytics.Monitoring.Data;

namespace CustomerAnalytics.Monitoring.Evaluation;

/// <summary>
/// Model Monitor's data quality job: compares a window of rows with the baseline's statistics and constraints and
/// lists what breaks them, with the six check types of constraint_violations.json.
/// </summary>
public static class MonitoringJob
{
    /// <summary>Checks <paramref name="window"/> against the baseline.</summary>
    public static MonitoringResult Run(DatasetStatistics baseline, BaselineConstraints constraints, IReadOnlyList<MonitoredRow> window)
    {
        var config = constraints.Config;
        var violations = new List<ConstraintViolation>();
        var distances = new Dictionary<string, DistributionDistance>(StringComparer.Ordinal);
        var statistics = DatasetStatistics.Of(window);
        var seen = window.SelectMany(r => r.Fields.Keys).ToHashSet(StringComparer.Ordinal);

        foreach (var extra in statistics.Features.Where(f => constraints[f.Name] is null))
            violations.Add(new(extra.Name, "extra_column_check", $"The window has a column the baseline does not have: {extra.Name}."));

        foreach (var constraint in constraints.Features)
        {
            var name = constraint.Name;
            if (window.Count > 0 && !seen.Contains(name))
            {
                violations.Add(new(name, "missing_column_check", $"No row of the {window.Count:N0} in the window has the baseline column {name}."));
                continue;
            }
            var values = window.Select(r => r.Fields.TryGetValue(name, out var v) ? v : FeatureValue.Missing).ToArray();
            var present = values.Where(v => v.IsPresent).ToArray();
            if (values.Length == 0) continue;

            var completeness = (double)present.Length / values.Length;
            if (completeness < constraint.Completeness)
                violations.Add(new(name, "completeness_check", F($"Completeness {completeness:0.####} in the window, below the baseline's {constraint.Completeness:0.####}.")));
            if (present.Length == 0) continue;

            var mismatched = present.Count(v => !Fits(v.Type, constraint.Type));
            if ((double)mismatched / present.Length > config.DatatypeCheckThreshold)
                violations.Add(new(name, "data_type_check", F($"{mismatched:N0} of {present.Length:N0} values ({(double)mismatched / present.Length:0.####}) are not {constraint.Type}, more than the threshold {config.DatatypeCheckThreshold}.")));

            if (constraint.Domain is { } domain)
            {
                var outside = present.Count(v => !domain.Contains(v.Category, StringComparer.Ordinal));
                if ((double)outside / present.Length > config.DomainContentThreshold)
                    violations.Add(new(name, "categorical_values_check", F($"{outside:N0} of {present.Length:N0} values ({(double)outside / present.Length:0.####}) are outside the baseline's values, more than the threshold {config.DomainContentThreshold}.")));
            }

            if (baseline[name] is not { } reference) continue;
            var distance = reference.Type == InferredType.String
                ? DistributionDistance.Categorical(reference.Categories, present.Select(v => v.Category).ToArray())
                : DistributionDistance.Numeric(reference.Sketch, reference.Present, present.Where(v => v.Number is not null).Select(v => v.Number!.Value).ToArray());
            distances[name] = distance;
            var compared = config.Robust ? distance.Robust : distance.Simple;
            if (compared > config.ComparisonThreshold)
                violations.Add(new(name, "baseline_drift_check", F($"Baseline drift distance {compared:0.####} ({(config.Robust ? "robust" : "simple")} L-infinity; simple {distance.Simple:0.####}) exceeds the threshold {config.ComparisonThreshold}.")));
        }
        return new MonitoringResult(statistics, violations, distances);
    }

    // A whole number fits a Fractional feature; anything fits a String one.
    private static bool Fits(InferredType value, InferredType expected) =>
        expected == InferredType.String || value == expected || (expected == InferredType.Fractional && value == InferredType.Integral);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
