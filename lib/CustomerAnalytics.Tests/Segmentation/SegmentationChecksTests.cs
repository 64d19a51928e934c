using CustomerAnalytics.Benchmarks;
using CustomerAnalytics.Exercises;
using CustomerAnalytics.Segmentation.Data;
using CustomerAnalytics.Segmentation.Evaluation;
using CustomerAnalytics.Segmentation.Models;
using CustomerAnalytics.Sql;

namespace CustomerAnalytics.Tests.Segmentation;

/// <summary>
/// Workshop 02's exercise checks: a correct answer passes every check; a wrong one (each of the usual slips, written
/// here on purpose) gets the check's sentence saying what is wrong; an answer left as its TODO stops with the TODO.
/// </summary>
public sealed class SegmentationChecksTests
{
    // ---- exercise 1: the elbow rule ----

    private static readonly KSelection Run = new(new[] { 1.0, 0.62, 0.41, 0.33, 0.29, 0.26, 0.24 }
        .Select((d, i) => new KSelectionRow(i + 2, d, 0.3, 0.9, 10, 1000, 1000)));

    // The notebook's solution, as an attendee would write it.
    private static int Correct(IReadOnlyList<(int K, double AverageDistance)> curve)
    {
        var (first, last) = (curve[0], curve[^1]);
        double Below((int K, double AverageDistance) p) =>
            (1 - (p.K - first.K) / (double)(last.K - first.K)) - (p.AverageDistance - last.AverageDistance) / (first.AverageDistance - last.AverageDistance);
        return curve.MaxBy(Below).K;
    }

    [Fact]
    public void A_correct_elbow_rule_passes_on_the_run_and_every_made_up_curve()
    {
        var message = SegmentationChecks.Elbow(Correct, Run);
        Assert.StartsWith($"Correct: your elbow rule gives k = {Run.Elbow} on this run's curve", message);
        Assert.All(SegmentationChecks.MadeUpCurves, c => Assert.Equal(KSelection.ElbowOf(c.Curve), Correct(c.Curve)));
    }

    public static TheoryData<string, Func<IReadOnlyList<(int K, double AverageDistance)>, int>> WrongElbows => new()
    {
        // the k after the largest drop
        { "largest drop", c => c.Skip(1).Select((p, i) => (p.K, Drop: c[i].AverageDistance - p.AverageDistance)).MaxBy(p => p.Drop).K },
        // the largest change of slope (second difference)
        { "largest change of slope", c => Enumerable.Range(1, c.Count - 2).Select(i => (c[i].K, Bend: c[i - 1].AverageDistance - 2 * c[i].AverageDistance + c[i + 1].AverageDistance)).MaxBy(p => p.Bend).K },
        // the distance from the line on either side, not only below it
        { "either side", c => c.MaxBy(p => Math.Abs((c[^1].AverageDistance - c[0].AverageDistance) * (p.K - c[0].K) - (c[^1].K - c[0].K) * (p.AverageDistance - c[0].AverageDistance))).K },
        // a position taken for k, as if k always started at 2
        { "index for k", c => Enumerable.Range(0, c.Count).MaxBy(i => (1 - i / (double)(c.Count - 1)) - (c[i].AverageDistance - c[^1].AverageDistance) / (c[0].AverageDistance - c[^1].AverageDistance)) + 2 },
        // the lowest average distance: always the last k
        { "lowest distance", c => c.MinBy(p => p.AverageDistance).K },
    };

    [Theory, MemberData(nameof(WrongElbows))]
    public void A_wrong_elbow_rule_gets_the_sentence_naming_the_curve_and_both_ks(string slip, Func<IReadOnlyList<(int K, double AverageDistance)>, int> wrong)
    {
        var e = Assert.Throws<ExerciseCheckException>(() => SegmentationChecks.Elbow(wrong, Run));
        Assert.Matches(@"^On .+ \(k = \d+\.\.\d+, distances .+\) your function gives k = \d+ where the elbow is k = \d+: take the k whose point lies farthest below the straight line from the first point to the last, with both axes scaled to 0\.\.1\.$", e.WhatIsWrong);
        Assert.False(string.IsNullOrEmpty(slip));
    }

    [Fact]
    public void An_elbow_rule_left_as_its_todo_stops_with_the_todo_and_one_that_throws_gets_a_sentence()
    {
        Assert.Throws<ExerciseNotDoneException>(() => SegmentationChecks.Elbow(_ => Exercise.Todo<int>("return the k"), Run));
        var e = Assert.Throws<ExerciseCheckException>(() => SegmentationChecks.Elbow(c => c[10].K, Run));
        Assert.StartsWith("On this run's curve your function throws ArgumentOutOfRangeException", e.WhatIsWrong);
    }

    // ---- exercise 2: the naming rule ----

    private static IReadOnlyList<ClusterMembers> RunClusters()
    {
        var model = SegmentationPipeline.Train(OlistSample.Features, clusters: 5);
        return SegmentNaming.Members(OlistSample.Features, model.Assign(OlistSample.Features).Clusters, model.K);
    }

    [Fact]
    public void The_workshops_naming_rule_passes()
    {
        var message = SegmentationChecks.Naming(SegmentNaming.GridOrDescription, RunClusters());
        Assert.Equal($"Correct: your naming rule gives true names to this run's 5 clusters and to {SegmentationChecks.MadeUpClusters.Length} made-up ones.", message);
    }

    public static TheoryData<string, Func<ClusterMembers, string>> WrongNamings => new()
    {
        { "which is true of no more than half of them", c => c.GridShare >= 0.5 && c.MeanOrders >= RfmGrid.Definition(c.GridSegment).MinOrders ? c.GridSegment : c.Description },
        { "which needs at least 2 orders", c => c.GridShare > 0.5 ? c.GridSegment : c.Description },
        { "but the grid name", c => c.Description },
        { "but the grid name", c => c.GridShare > 0.5 && c.MeanOrders > RfmGrid.Definition(c.GridSegment).MinOrders ? c.GridSegment : c.Description },
        { "which is neither its grid segment", c => c.MeanSpend > 500 ? "Big spenders" : c.Description },
    };

    [Theory, MemberData(nameof(WrongNamings))]
    public void A_wrong_naming_rule_gets_the_sentence_of_the_property_it_breaks(string expected, Func<ClusterMembers, string> wrong)
    {
        var e = Assert.Throws<ExerciseCheckException>(() => SegmentationChecks.Naming(wrong, []));
        Assert.Contains(expected, e.WhatIsWrong);
        Assert.StartsWith("A cluster with ", e.WhatIsWrong);
        Assert.Single(e.WhatIsWrong.Split(". ")); // one sentence
    }

    // ---- exercise 3: the model without spend ----

    private static SegmentationModel TrainOn(int clusters, params SegmentFeature[] features) =>
        SegmentationPipeline.Train(CustomerFeatures.FromDataFrame(OlistSample.Rfm.Table, FeatureOptions.Default with { Features = features }), clusters);

    [Fact]
    public void The_model_without_spend_passes_and_each_slip_gets_its_sentence()
    {
        var withSpend = SegmentationPipeline.Train(OlistSample.Features, clusters: 3);
        var right = TrainOn(3, new("recency_days"), new("frequency", Log: true));

        Assert.Equal("Correct: k = 3 on recency_days and log(1 + frequency), spend left out.", SegmentationChecks.WithoutSpend(right, withSpend, 3));
        Assert.Contains("still uses log(1 + monetary_total): leave spend (monetary_total) out",
            Assert.Throws<ExerciseCheckException>(() => SegmentationChecks.WithoutSpend(withSpend, withSpend, 3)).WhatIsWrong);
        Assert.StartsWith("Your model has k = 3 where k = 4 was asked",
            Assert.Throws<ExerciseCheckException>(() => SegmentationChecks.WithoutSpend(right, withSpend, 4)).WhatIsWrong);
        Assert.Contains("uses frequency where the three-feature model uses log(1 + frequency)",
            Assert.Throws<ExerciseCheckException>(() => SegmentationChecks.WithoutSpend(TrainOn(3, new("recency_days"), new("frequency")), withSpend, 3)).WhatIsWrong);
        Assert.Contains("leaves out frequency",
            Assert.Throws<ExerciseCheckException>(() => SegmentationChecks.WithoutSpend(TrainOn(3, new SegmentFeature("recency_days")), withSpend, 3)).WhatIsWrong);
    }

    // ---- exercise 4: the same steps on a second dataset ----

    private static readonly Lazy<CustomerFeatures> Retail = new(() => CustomerFeatures.FromDataFrame(
        RfmInput.FromOnlineRetail(Path.Combine(RepositoryPaths.Data, "online-retail", "online_retail.csv"), fromSample: true).Table));

    // A k loop's measures (made up, elbow at k = 4) as if run on that many customers over k = 2..last.
    private static KSelection Loop(int customers, int last = 8) => new(new[] { 1.0, 0.55, 0.32, 0.27, 0.23, 0.2, 0.18 }
        .Take(last - 1).Select((d, i) => new KSelectionRow(i + 2, d, 0.3, 0.9, 10, customers, customers)));

    [Fact]
    public void The_same_steps_on_the_second_dataset_pass_and_each_slip_gets_its_sentence()
    {
        var retail = Retail.Value;
        var (first, loop) = (Loop(OlistSample.Features.Count), Loop(retail.Count));
        Assert.Equal(4, loop.Elbow);
        var atElbow = SegmentationPipeline.Train(retail, 4);
        string WhatIsWrong(SegmentationRun run, int forcedK = 0) =>
            Assert.Throws<ExerciseCheckException>(() => SegmentationChecks.SecondDataset(run, retail, forcedK, first)).WhatIsWrong;

        Assert.Equal($"Correct: k = 4 (the elbow) from k = 2..8 on these {retail.Count:N0} customers, and a model fitted on them.",
            SegmentationChecks.SecondDataset(new(loop, 4, atElbow), retail, 0, first));
        var atFive = SegmentationPipeline.Train(retail, 5);
        Assert.StartsWith("Correct: k = 5 (set by the parameter)", SegmentationChecks.SecondDataset(new(loop, 5, atFive), retail, 5, first));

        Assert.Equal($"Your k loop clustered {OlistSample.Features.Count:N0} customers where the second dataset has {retail.Count:N0}: run the k loop (ChooseK) on the customers you are given.",
            WhatIsWrong(new(first, 4, atElbow)));
        Assert.Equal("Your k loop tries k = 2..6 where the first dataset's tried k = 2..8: the same steps mean the same range of k.",
            WhatIsWrong(new(Loop(retail.Count, last: 6), 4, atElbow)));
        Assert.Equal("You chose k = 5 where the elbow of your k loop's curve is k = 4: take the elbow (your ElbowK) of the curve measured on these customers.",
            WhatIsWrong(new(loop, 5, atFive)));
        Assert.Equal("You chose k = 4 where the parameter sets k = 5: a k set by the parameter wins over the elbow.",
            WhatIsWrong(new(loop, 4, atElbow), forcedK: 5));
        Assert.Equal("Your model has k = 5 where you chose k = 4: train it at the k you chose.",
            WhatIsWrong(new(loop, 4, atFive)));
        Assert.Matches(@"^Your model scales .+ of these customers to mean -?\d+\.\d\d and standard deviation \d+\.\d\d, where a model fitted on them gives 0 and 1: train it \(TrainAt\) on the customers you are given, not on the first dataset's\.$",
            WhatIsWrong(new(loop, 4, SegmentationPipeline.Train(OlistSample.Features, 4))));
        Assert.StartsWith("Your result lacks its k loop or its model",
            WhatIsWrong(new(loop, 4, null!)));
    }
}
