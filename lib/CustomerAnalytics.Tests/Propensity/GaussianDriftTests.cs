using CustomerAnalytics.Data;
using CustomerAnalytics.Propensity.Data;
using CustomerAnalytics.Propensity.Evaluation;
using CustomerAnalytics.SampleData;

namespace CustomerAnalytics.Tests.Propensity;

/// <summary>The original workshop's drift (basket_add_list by N(0,1), loc_uk by 3·N(0,1)) on model inputs: seeded,
/// normal, only in the named columns, and flagged by the monitor on exactly those features.</summary>
public sealed class GaussianDriftTests
{
    private static readonly IReadOnlyList<SessionRecord> Reference = PropensitySample.Sessions.Take(8000).ToArray();
    private static readonly IReadOnlyList<SessionRecord> HeldOut = PropensitySample.Sessions.Skip(8000).ToArray();
    private static readonly DriftBaseline Baseline = DriftBaseline.Create(Reference, Reference.Select(PropensitySample.TrueProbability).ToArray());
    private static readonly (string, double)[] OriginalDrift = [("basket_add_list", 1.0), ("loc_uk", 3.0)];

    private static double[] Scores(IEnumerable<SessionInput> rows) =>
        rows.Select(r => PropensityModel.Default.Probability(r.Features.Select(v => v == 1f ? 1 : 0).ToArray())).ToArray();

    [Fact]
    public void Replaces_only_the_named_columns_with_seeded_normal_draws_of_their_scale()
    {
        var batch = DriftInjection.Sample(HeldOut, 4000, 5);
        var drifted = DriftInjection.ReplaceWithGaussian(batch, OriginalDrift, 7);
        var again = DriftInjection.ReplaceWithGaussian(batch, OriginalDrift, 7);
        int list = SessionFeatures.IndexOf("basket_add_list"), uk = SessionFeatures.IndexOf("loc_uk");

        Assert.Equal(drifted.SelectMany(r => r.Features), again.SelectMany(r => r.Features));
        for (int i = 0; i < batch.Count; i++)
            for (int f = 0; f < SessionInput.FeatureCount; f++)
                if (f != list && f != uk) Assert.Equal(batch[i].ToFeatureVector()[f], drifted[i].Features[f]);
        foreach (var (index, scale) in new[] { (list, 1.0), (uk, 3.0) })
        {
            var values = drifted.Select(r => (double)r.Features[index]).ToArray();
            var mean = values.Average();
            var sd = Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
            Assert.InRange(mean, -0.1 * scale, 0.1 * scale);
            Assert.InRange(sd, 0.95 * scale, 1.05 * scale);
        }
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void The_monitor_flags_exactly_the_drifted_features_of_the_inputs_and_nothing_on_clean_inputs(int seed)
    {
        var drifted = DriftInjection.ReplaceWithGaussian(DriftInjection.Sample(HeldOut, 3600, seed), OriginalDrift, seed + 1);
        var clean = DriftInjection.Sample(HeldOut, 3600, seed + 2).Select(SessionInput.From).ToArray();

        var driftReport = DriftMonitor.Check(Baseline, drifted, Scores(drifted), batchName: "drifted");
        var cleanReport = DriftMonitor.Check(Baseline, clean, Scores(clean), batchName: "clean");

        Assert.Equal(["basket_add_list", "loc_uk"], driftReport.Violations.Order());
        Assert.All(driftReport.Features.Where(f => f.Feature is "basket_add_list" or "loc_uk"), f => Assert.Equal(0, f.BatchRate));
        Assert.False(cleanReport.HasViolations);
    }

    [Fact]
    public void Inputs_of_flags_give_the_same_report_as_the_sessions()
    {
        var batch = DriftInjection.Sample(HeldOut, 2000, 3);
        var scores = batch.Select(PropensitySample.TrueProbability).ToArray();

        var fromSessions = DriftMonitor.Check(Baseline, batch, scores);
        var fromInputs = DriftMonitor.Check(Baseline, batch.Select(SessionInput.From).ToArray(), scores);

        Assert.Equal(fromSessions.Features, fromInputs.Features);
        Assert.Equal(fromSessions.Score, fromInputs.Score);
    }
}
