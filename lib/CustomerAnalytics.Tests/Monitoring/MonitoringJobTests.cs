using CustomerAnalytics.Data;
using CustomerAnalytics.Monitoring.Data;
using CustomerAnalytics.Monitoring.Evaluation;

namespace CustomerAnalytics.Tests.Monitoring;

/// <summary>Model Monitor's data quality checks on the propensity sample: a baseline, clean traffic, the original workshop's drift.</summary>
public sealed class MonitoringJobTests
{
    private static readonly IReadOnlyList<SessionRecord> Sessions = Propensity.PropensitySample.Sessions;
    private static readonly MonitoredRow[] Training = Sessions.Take(Sessions.Count / 2).Select(MonitoredRow.Of).ToArray();
    private static readonly MonitoredRow[] HeldOut = Sessions.Skip(Sessions.Count / 2).Take(2_000).Select(MonitoredRow.Of).ToArray();
    private static readonly DatasetStatistics Baseline = DatasetStatistics.Of(Training);
    private static readonly BaselineConstraints Constraints = BaselineConstraints.Suggest(Baseline);

    private static MonitoredRow With(MonitoredRow row, string name, FeatureValue? value)
    {
        var fields = row.Fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        if (value is { } v) fields[name] = v; else fields.Remove(name);
        return new MonitoredRow(fields);
    }

    private static string[] Checks(MonitoringResult result) =>
        result.Violations.Select(v => $"{v.FeatureName} {v.ConstraintCheckType}").Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void The_baseline_describes_each_flag_and_survives_its_json()
    {
        Assert.Equal(DatasetSchemas.PropensityFeatures, Baseline.Features.Select(f => f.Name));
        var loc = Baseline["loc_uk"]!;
        Assert.Equal((InferredType.Integral, Training.Length, 0L), (loc.Type, loc.Present, loc.Missing));
        Assert.Equal(Training.Average(r => r.Fields["loc_uk"].Number!.Value), loc.Numbers!.Value.Mean, 12);
        Assert.All(Constraints.Features, c => Assert.Equal((1.0, true), (c.Completeness, c.IsNonNegative)));

        var read = DatasetStatistics.FromJson(Baseline.ToJson());
        Assert.Equal(Baseline.ItemCount, read.ItemCount);
        Assert.All(Baseline.Features.Zip(read.Features), p =>
        {
            Assert.Equal((p.First.Name, p.First.Type, p.First.Present, p.First.Numbers), (p.Second.Name, p.Second.Type, p.Second.Present, p.Second.Numbers));
            Assert.Equal(p.First.Sketch, p.Second.Sketch);
        });
        Assert.Equal(Constraints.ToJson(), BaselineConstraints.FromJson(Constraints.ToJson()).ToJson());
        Assert.Contains("\"comparison_method\": \"Robust\"", Constraints.ToJson());
    }

    [Fact]
    public void Clean_traffic_breaks_no_constraint()
    {
        var result = MonitoringJob.Run(Baseline, Constraints, HeldOut);

        Assert.Empty(result.Violations);
        Assert.Equal(23, result.Distances.Count);
        Assert.All(result.Distances.Values, d => Assert.InRange(d.Robust, 0, 0.1));
        Assert.Equal("{\n  \"violations\": []\n}", result.ViolationsJson());
    }

    [Fact]
    public void The_original_workshops_drift_fires_the_type_and_drift_checks_of_the_two_features_only()
    {
        var random = new Random(7);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var drifted = HeldOut.Select(r => With(With(r, "basket_add_list", new FeatureValue(Normal(), null)), "loc_uk", new FeatureValue(3 * Normal(), null))).ToArray();

        var result = MonitoringJob.Run(Baseline, Constraints, drifted);

        Assert.Equal(["basket_add_list baseline_drift_check", "basket_add_list data_type_check", "loc_uk baseline_drift_check", "loc_uk data_type_check"], Checks(result));
        Assert.InRange(result.Distances["basket_add_list"].Simple, 0.3, 1);
        Assert.Contains(result.Violations, v => v.Description.StartsWith("2,000 of 2,000 values (1) are not Integral, more than the threshold 0.1", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_extra_and_incomplete_columns_are_named()
    {
        var missing = MonitoringJob.Run(Baseline, Constraints, HeldOut.Select(r => With(r, "loc_uk", null)).ToArray());
        var extra = MonitoringJob.Run(Baseline, Constraints, HeldOut.Select(r => With(r, "coupon", new FeatureValue(1, null))).ToArray());
        var incomplete = MonitoringJob.Run(Baseline, Constraints, HeldOut.Select((r, i) => i % 4 == 0 ? With(r, "sort_by", null) : r).ToArray());

        Assert.Equal(["loc_uk missing_column_check"], Checks(missing));
        Assert.Equal(["coupon extra_column_check"], Checks(extra));
        Assert.Equal(["sort_by completeness_check"], Checks(incomplete));
        Assert.Equal("Completeness 0.75 in the window, below the baseline's 1.", incomplete.Violations[0].Description);
    }

    [Fact]
    public void A_text_feature_gets_a_domain_and_values_outside_it_fire_the_categorical_check()
    {
        MonitoredRow Row(string device) => new(new Dictionary<string, FeatureValue> { ["device"] = new(null, device) });
        var baseline = DatasetStatistics.Of([.. Enumerable.Repeat(Row("mobile"), 60), .. Enumerable.Repeat(Row("desktop"), 40)]);
        var constraints = BaselineConstraints.Suggest(baseline);

        var result = MonitoringJob.Run(baseline, constraints, [.. Enumerable.Repeat(Row("mobile"), 50), .. Enumerable.Repeat(Row("tv"), 50)]);

        Assert.Equal(["desktop", "mobile"], constraints["device"]!.Domain);
        Assert.Equal(["device baseline_drift_check", "device categorical_values_check"], Checks(result));
        Assert.Equal(0.5, result.Distances["device"].Simple, 12); // tv: 0 against 0.5
    }

    [Fact]
    public void The_distance_is_the_largest_gap_and_the_robust_one_subtracts_the_sampling_allowance()
    {
        var baseline = Enumerable.Repeat(0.0, 800).Concat(Enumerable.Repeat(1.0, 200)).ToArray();
        var window = Enumerable.Repeat(0.0, 50).Concat(Enumerable.Repeat(1.0, 50)).ToArray();
        var sketch = FeatureStatistics.Of("x", baseline.Select(v => new FeatureValue(v, null)).ToArray()).Sketch;

        var distance = DistributionDistance.Numeric(sketch, 1000, window);

        Assert.Equal(0.3, distance.Simple, 12);
        Assert.Equal(0.3 - 1.8 * Math.Sqrt(1100.0 / 100_000), distance.Robust, 12);
        Assert.Equal(0, DistributionDistance.Numeric(sketch, 1000, baseline).Simple);
    }

    [Fact]
    public void An_edited_threshold_in_constraints_json_is_the_one_applied()
    {
        var loose = BaselineConstraints.FromJson(Constraints.ToJson().Replace("\"comparison_threshold\": 0.1", "\"comparison_threshold\": 0.95"));
        var shifted = HeldOut.Select((r, i) => With(r, "sort_by", new FeatureValue(i % 10 < 6 ? 1 : 0, null))).ToArray();

        Assert.Contains("sort_by baseline_drift_check", Checks(MonitoringJob.Run(Baseline, Constraints, shifted)));
        Assert.DoesNotContain("sort_by baseline_drift_check", Checks(MonitoringJob.Run(Baseline, loose, shifted)));
    }
}
