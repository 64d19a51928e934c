using CustomerAnalytics.Data;
using CustomerAnalytics.Propensity.Data;
using CustomerAnalytics.Propensity.Evaluation;

namespace CustomerAnalytics.Tests.Propensity;

/// <summary>Drift detection on seeded batches of the sample: noise in two features is flagged, nothing else is.</summary>
public sealed class DriftMonitorTests
{
    private static readonly IReadOnlyList<SessionRecord> Reference = PropensitySample.Sessions.Take(8000).ToArray();
    private static readonly IReadOnlyList<SessionRecord> HeldOut = PropensitySample.Sessions.Skip(8000).ToArray();
    private static readonly DriftBaseline Baseline = DriftBaseline.Create(Reference, Scores(Reference));

    private static double[] Scores(IReadOnlyList<SessionRecord> sessions) => sessions.Select(PropensitySample.TrueProbability).ToArray();

    [Theory]
    [InlineData("saw_checkout", "sign_in", 11)]
    [InlineData("saw_homepage", "basket_add_detail", 12)]
    [InlineData("device_tablet", "loc_uk", 13)]
    public void FlagsExactlyTheFeaturesReplacedWithNoise(string first, string second, int seed)
    {
        var batch = DriftInjection.ReplaceWithNoise(DriftInjection.Sample(HeldOut, 3600, seed), [first, second], seed);

        var report = DriftMonitor.Check(Baseline, batch, Scores(batch), batchName: "drifted");

        Assert.Equal(new[] { first, second }.Order(), report.Violations.Order());
        Assert.True(report.HasViolations);
        Assert.Contains("VIOLATION", report.ToHtml());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void UndriftedBatchHasNoViolation(int seed)
    {
        var batch = DriftInjection.Sample(HeldOut, 3600, seed);

        var report = DriftMonitor.Check(Baseline, batch, Scores(batch), batchName: "clean");

        Assert.Empty(report.Violations);
        Assert.False(report.Score.Violation, $"score PSI {report.Score.Psi}, KS p {report.Score.KsPValue}");
        Assert.All(report.Features, f => Assert.True(f.Psi < 0.05, $"{f.Feature}: PSI {f.Psi}"));
    }

    [Fact]
    public void NoiseInAnImportantFeatureMovesTheScoreDistribution()
    {
        var batch = DriftInjection.ReplaceWithNoise(DriftInjection.Sample(HeldOut, 3600, 5), ["saw_checkout", "sign_in"], 5);

        var report = DriftMonitor.Check(Baseline, batch, Scores(batch));

        Assert.True(report.Score.Violation, $"score PSI {report.Score.Psi}, KS p {report.Score.KsPValue}");
        Assert.True(report.Score.BatchMean > 2 * report.Score.BaselineMean);
    }

    [Fact]
    public void NoiseReplacesOnlyTheNamedFeatures()
    {
        var batch = DriftInjection.Sample(HeldOut, 2000, 3);
        var noisy = DriftInjection.ReplaceWithNoise(batch, ["sort_by"], 4);
        int sortBy = SessionFeatures.Names.ToList().IndexOf("sort_by");
        for (int i = 0; i < batch.Count; i++)
        {
            var (a, b) = (batch[i].ToFeatureVector(), noisy[i].ToFeatureVector());
            for (int f = 0; f < a.Length; f++) if (f != sortBy) Assert.Equal(a[f], b[f]);
        }
        Assert.InRange(noisy.Count(s => s.Flag("sort_by")) / 2000.0, 0.45, 0.55);
    }

    [Fact]
    public void UnknownFeatureIsNamedInTheError()
    {
        var e = Assert.Throws<PropensityInputException>(() => DriftInjection.ReplaceWithNoise(HeldOut, ["saw_chekout"], 1));
        Assert.Contains("'saw_chekout' is not a session feature", e.Message);
        Assert.Equal("saw_chekout", e.Column);
    }

    [Fact]
    public void BaselineRoundTripsThroughJson()
    {
        using var folder = new CustomerAnalytics.Tests.Data.TempFolder();
        var path = Baseline.Save(Path.Combine(folder.Path, "baseline.json"));

        var loaded = DriftBaseline.Load(path);

        Assert.Equal(Baseline.Sessions, loaded.Sessions);
        Assert.Equal(Baseline.FeatureOnes, loaded.FeatureOnes);
        Assert.Equal(Baseline.ScoreEdges, loaded.ScoreEdges);
        Assert.Equal(Baseline.ScoreShares, loaded.ScoreShares);
        var batch = DriftInjection.Sample(HeldOut, 1000, 9);
        Assert.Equal(DriftMonitor.Check(Baseline, batch, Scores(batch)).Features, DriftMonitor.Check(loaded, batch, Scores(batch)).Features);
    }

    [Fact]
    public void ScoreSharesSumToOne()
    {
        Assert.Equal(1.0, Baseline.ScoreShares.Sum(), 9);
        Assert.Equal(Baseline.ScoreEdges.Count + 1, Baseline.ScoreShares.Count);
    }
}
