using CustomerAnalytics.Monitoring.Data;
using CustomerAnalytics.Monitoring.Evaluation;

namespace CustomerAnalytics.Tests.Monitoring;

/// <summary>Model quality once the labels arrive: the join by event and position, the figures, and drops beyond the margin.</summary>
public sealed class ModelQualityJobTests
{
    // Four predictions of one batch and two single ones; the labels agree with a perfect ranking.
    private static readonly ScoredCase[] Predictions =
    [
        new("e1", 0, 0.9, true), new("e1", 1, 0.8, true), new("e1", 2, 0.3, false), new("e1", 3, 0.1, false),
        new("e2", 0, 0.7, true), new("e3", 0, 0.2, false),
    ];

    [Fact]
    public void Labels_join_their_predictions_by_event_and_position_and_unmatched_ones_are_counted()
    {
        GroundTruth[] labels = [new("e1", 0, true), new("e1", 1, false), new("e1", 2, false), new("e1", 3, false), new("e2", 0, true), new("e3", 0, false), new("e9", 0, true)];
        var baseline = new ModelQuality(100, 0.9, 0.8, 0.8, 0.8);

        var result = ModelQualityJob.Run(Predictions, labels, baseline);

        Assert.Equal((6, 1), (result.Matched, result.UnmatchedLabels));
        // Decisions: e1/0 TP, e1/1 FP, e2 TP, the rest TN: precision 2/3, recall 1; AUC 7/8 (e1/1, a negative, ranks above e2).
        Assert.Equal(new ModelQuality(6, 7.0 / 8, 2.0 / 3, 1, 0.8), result.Window);
        var violation = Assert.Single(result.Violations);
        Assert.Equal(("precision", "model_quality_check"), (violation.FeatureName, violation.ConstraintCheckType)); // AUC 0.875 is within 0.05 of 0.9
        Assert.Equal("precision 0.6667 on 6 labelled predictions, more than 0.05 below the baseline's 0.8.", violation.Description);
    }

    [Fact]
    public void Figures_within_the_margin_are_no_violation_and_the_file_round_trips()
    {
        GroundTruth[] labels = [new("e1", 0, true), new("e1", 1, true), new("e1", 2, false), new("e1", 3, false), new("e2", 0, true), new("e3", 0, false)];
        var baseline = new ModelQuality(100, 1, 1, 1, 1);

        var result = ModelQualityJob.Run(Predictions, labels, baseline, margin: 0);

        Assert.Equal(new ModelQuality(6, 1, 1, 1, 1), result.Window);
        Assert.Empty(result.Violations);
        Assert.Equal(baseline, ModelQuality.FromJson(baseline.ToJson()));
    }

    [Fact]
    public void A_labels_file_with_a_bad_line_is_refused_naming_the_line()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["""{"eventId": "e1", "ordered": 1}""", """{"eventId": "e2", "position": 3, "ordered": 0}""", """{"eventId": "e3", "ordered": 2}"""]);
            var error = Assert.Throws<InvalidDataException>(() => GroundTruth.Read(path));
            Assert.Equal($"{path}, line 3: not a label (\"ordered\" must be 0 or 1).", error.Message);
            File.WriteAllLines(path, ["""{"eventId": "e1", "ordered": 1}""", """{"eventId": "e2", "position": 3, "ordered": 0}"""]);
            Assert.Equal([new GroundTruth("e1", 0, true), new GroundTruth("e2", 3, false)], GroundTruth.Read(path));
        }
        finally { File.Delete(path); }
    }
}
