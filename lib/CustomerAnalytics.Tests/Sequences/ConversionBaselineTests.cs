using CustomerAnalytics.Torch;
using CustomerAnalytics.Sequences;
using Microsoft.ML;
using Microsoft.ML.Data;
using CustomerAnalytics.Evaluation;

namespace CustomerAnalytics.Tests.Sequences;

/// <summary>The pieces of workshop 04's "does a visit follow?" comparison: baseline features, threshold choice, scoring.</summary>
public class ConversionBaselineTests
{
    private static readonly Vocabulary Vocabulary = Vocabulary.Build([["NBC", "NBC", "NBC", "ABC", "ABC", "visit"]], startStop: true);

    [Fact]
    public void FeaturesCountEveryInputTouchpointAndKeepTheLastOne()
    {
        var features = new ConversionFeatures(Vocabulary, "visit");
        var examples = features.Build([new SequencePair("c1", ["ABC", "NBC", "HBO", "ABC", "A&E"], ["CBS", "visit"]), new SequencePair("c2", ["visit"], ["NBC"])]);
        Assert.Equal(["<unk>", "NBC", "ABC", "visit"], features.SlotNames);
        Assert.Equal([2f, 1f, 2f, 0f], examples[0].Counts);
        Assert.Equal(("c1", true, "<unk>", 5f), (examples[0].Id, examples[0].Label, examples[0].LastTouchpoint, examples[0].Length));
        Assert.Equal([0f, 0f, 0f, 1f], examples[1].Counts);
        Assert.Equal(("c2", false, "visit", 1f), (examples[1].Id, examples[1].Label, examples[1].LastTouchpoint, examples[1].Length));
    }

    [Fact]
    public void FeaturesBecomeADataViewWithAVectorOfKnownSize()
    {
        var ml = new MLContext(1);
        var view = new ConversionFeatures(Vocabulary).ToDataView(ml, [new SequencePair("c1", ["ABC"], ["visit"])]);
        Assert.Equal(4, ((VectorDataViewType)view.Schema["Counts"].Type).Size);
        Assert.Equal([true], view.GetColumn<bool>("Label"));
        Assert.Equal(["ABC"], view.GetColumn<string>("LastTouchpoint"));
    }

    [Fact]
    public void AnEmptyJourneyIsAnError()
    {
        var e = Assert.Throws<SequenceInputException>(() => new ConversionFeatures(Vocabulary).Build([new SequencePair("c9", [], ["visit"])]));
        Assert.Contains("'c9' has no input touchpoints", e.Message);
    }

    [Fact]
    public void ThresholdMaximisesF1WhateverTheOrder()
    {
        double[] p = [0.9, 0.8, 0.7, 0.6, 0.2];
        bool[] labels = [true, false, true, true, false];
        var choice = ThresholdChoice.MaximiseF1(p, labels);
        Assert.Equal(new ThresholdChoice((0.6 + 0.2) / 2, 6.0 / 7, 5), choice);
        Assert.Equal(choice, ThresholdChoice.MaximiseF1(p.Reverse().ToArray(), labels.Reverse().ToArray()));
    }

    [Fact]
    public void AmongEqualF1TheHighestThresholdWins()
    {
        Assert.Equal(new ThresholdChoice(0.25, 1, 1), ThresholdChoice.MaximiseF1([0.5, 0.5], [true, true]));
        // at 0.9: TP 1, FP 0, FN 1 -> F1 2/3; at 0.5: TP 2, FP 2, FN 0 -> F1 2/3
        var choice = ThresholdChoice.MaximiseF1([0.5, 0.9, 0.5, 0.5], [true, true, false, false]);
        Assert.Equal((0.9 + 0.5) / 2, choice.Threshold);
        Assert.Equal(2.0 / 3, choice.F1, 12);
        Assert.Equal(2, choice.Candidates);
    }

    [Fact]
    public void AThresholdNeedsPositivesAndMatchingLists()
    {
        Assert.Contains("None of the 2 cases is positive", Assert.Throws<SequenceInputException>(() => ThresholdChoice.MaximiseF1([0.1, 0.2], [false, false])).Message);
        Assert.Throws<ArgumentException>(() => ThresholdChoice.MaximiseF1([0.1], [false, true]));
        Assert.Throws<ArgumentException>(() => ThresholdChoice.MaximiseF1([double.NaN], [true]));
    }

    [Fact]
    public void MlNetEvaluatesTheDecisionsAtTheGivenThreshold()
    {
        var ml = new MLContext(1);
        bool[] labels = [true, true, false, false];
        double[] p = [0.9, 0.3, 0.4, 0.1];
        // above 0.35: TP 1 (0.9), FN 1 (0.3), FP 1 (0.4), TN 1 (0.1); at ML.NET's default 0.5 the accuracy would be 0.75
        var metrics = ml.BinaryClassification.Evaluate(ConversionDecisions.ToDataView(ml, labels, p, 0.35));
        Assert.Equal((0.5, 0.5, 0.5, 0.5), (metrics.Accuracy, metrics.PositivePrecision, metrics.PositiveRecall, metrics.F1Score));
        Assert.Equal(0.75, metrics.AreaUnderRocCurve, 12);
        var score = ConversionScore.From("m", new ThresholdChoice(0.35, 1, 4), metrics);
        Assert.Equal(new ConversionScore("m", 0.35, 0.5, 0.5, 0.5, 0.5, 0.75), score with { AucRoc = Math.Round(score.AucRoc, 12) });
        Assert.Throws<ArgumentException>(() => ConversionDecisions.ToDataView(ml, labels, [0.9, 0.3, 0.4, 1.5], 0.5));
        // a probability exactly on the threshold is not above it
        var onThreshold = ml.BinaryClassification.Evaluate(ConversionDecisions.ToDataView(ml, labels, p, 0.4));
        Assert.Equal((0.75, 1.0, 0.5), (onThreshold.Accuracy, onThreshold.PositivePrecision, onThreshold.PositiveRecall));
    }

    [Fact]
    public void TheVerdictNamesTheWinnerOnF1OrATie()
    {
        var lstm = new ConversionScore("LSTM", 0.4, 0.7, 0.6, 0.646, 0.82, 0.85);
        var baseline = new ConversionScore("baseline", 0.3, 0.6, 0.6, 0.600, 0.80, 0.80);
        var greedy = ConversionScore.From("greedy", new BinaryMetrics(1, 1, 3, 5));
        var comparison = new ConversionComparison([baseline, lstm, greedy], 200);
        Assert.Same(lstm, comparison.Best);
        Assert.Equal("LSTM wins: F1 0.646 against 0.600 for baseline (accuracy 0.820 against 0.800) on 200 test journeys.", comparison.Verdict);
        Assert.Equal((0.5, 0.25, 0.6), (greedy.Precision, greedy.Recall, greedy.Accuracy));
        Assert.Contains("<td>-</td>", comparison.ToHtml());
        Assert.Equal("LSTM and baseline tie on F1 (0.600) on 200 test journeys.",
            new ConversionComparison([baseline, lstm with { F1 = 0.6002 }], 200).Verdict);
    }

    [Fact]
    public void LengthsComeFromTheLongestSequences()
    {
        var lengths = SequenceLengths.Of([new SequencePair("a", ["NBC", "ABC"], ["visit"]), new SequencePair("b", ["NBC"], Enumerable.Repeat("ABC", 12).ToArray())]);
        Assert.Equal(new SequenceLengths(2, 12), lengths);
        Assert.Throws<ArgumentException>(() => SequenceLengths.Of([]));
    }
}
