using CustomerAnalytics.Torch;
using CustomerAnalytics.Sequences.Data;
using CustomerAnalytics.Sequences.Evaluation;
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
        var score = ConversionScore.From("m", new ThresholdChoice(0.35, 1, 4), metrics, labels, p);
        Assert.Equal(("m", 0.35, 0.5, 0.5, 0.5, 0.5), (score.Model, score.Threshold, score.Precision, score.Recall, score.F1.Estimate, score.Accuracy.Estimate));
        Assert.Equal(0.75, score.AucRoc, 12);
        Assert.True(score.F1.Lower < 0.5 && score.F1.Upper > 0.5, $"four journeys leave F1 uncertain: {score.F1}");
        Assert.Throws<ArgumentException>(() => ConversionDecisions.ToDataView(ml, labels, [0.9, 0.3, 0.4, 1.5], 0.5));
        // a probability exactly on the threshold is not above it
        var onThreshold = ml.BinaryClassification.Evaluate(ConversionDecisions.ToDataView(ml, labels, p, 0.4));
        Assert.Equal((0.75, 1.0, 0.5), (onThreshold.Accuracy, onThreshold.PositivePrecision, onThreshold.PositiveRecall));
        Assert.Equal(0.75, ConversionScore.From("m", new ThresholdChoice(0.4, 1, 4), onThreshold, labels, p).Accuracy.Estimate, 6);
    }

    [Fact]
    public void YesNoDecisionsGetTheSameIntervalsAsThresholdedProbabilities()
    {
        var random = new Random(3);
        var labels = Enumerable.Range(0, 400).Select(_ => random.NextDouble() < 0.3).ToArray();
        var p = labels.Select(l => Math.Clamp((l ? 0.6 : 0.35) + (random.NextDouble() - 0.5) * 0.5, 0, 1)).ToArray();
        var ml = new MLContext(1);
        var threshold = new ThresholdChoice(0.5, 0, 1);
        var fromProbabilities = ConversionScore.From("p", threshold, ml.BinaryClassification.Evaluate(ConversionDecisions.ToDataView(ml, labels, p, 0.5)), labels, p);
        var fromCalls = ConversionScore.FromCalls("calls", labels, p.Select(x => x > 0.5).ToArray());
        Assert.Equal(fromCalls.F1.Estimate, fromProbabilities.F1.Estimate, 5);
        Assert.Equal((fromCalls.F1.Lower, fromCalls.F1.Upper), (fromProbabilities.F1.Lower, fromProbabilities.F1.Upper));
        Assert.Equal((fromCalls.Accuracy.Lower, fromCalls.Accuracy.Upper), (fromProbabilities.Accuracy.Lower, fromProbabilities.Accuracy.Upper));
        Assert.Throws<ArgumentException>(() => ConversionScore.FromCalls("x", [true], [true, false]));
    }

    [Fact]
    public void TheVerdictsNameAClearWinnerOnlyWhenTheIntervalsDoNotOverlap()
    {
        var random = new Random(7);
        var labels = Enumerable.Range(0, 2000).Select(_ => random.NextDouble() < 0.3).ToArray();
        bool[] Noisy(double flip) => labels.Select(l => random.NextDouble() < flip ? !l : l).ToArray();
        var (good, alsoGood, poor) = (Noisy(0.05), Noisy(0.05), Noisy(0.4));
        var comparison = new ConversionComparison([
            ConversionScore.FromCalls("LSTM", labels, good), ConversionScore.FromCalls("baseline", labels, alsoGood), ConversionScore.FromCalls("greedy", labels, poor)], labels.Length);
        Assert.False(comparison.F1Verdict.ClearWinner);
        Assert.StartsWith("On F1, no clear winner", comparison.F1Verdict.Sentence);
        Assert.Contains("greedy", comparison.F1Verdict.Sentence);
        Assert.Contains(comparison.F1Verdict.Sentence, comparison.ToHtml());
        Assert.Contains(comparison.AccuracyVerdict.Sentence, comparison.ToString());
        var clear = new ConversionComparison([ConversionScore.FromCalls("LSTM", labels, good), ConversionScore.FromCalls("greedy", labels, poor)], labels.Length);
        Assert.True(clear.F1Verdict.ClearWinner);
        Assert.Equal("LSTM", clear.F1Verdict.Best.Name);
        Assert.Same(clear.Scores[1], clear["greedy"]);
        Assert.Contains("the rows are: LSTM, greedy", Assert.Throws<ArgumentException>(() => clear["rule"]).Message);
    }

    [Fact]
    public void WhereTheLastTouchpointDecidesTheBaselineFindsIt()
    {
        // Journeys whose target holds a visit exactly when the input ends with one; the counts are noise around it.
        var random = new Random(11);
        string[] channels = ["NBC", "ABC", "CBS", "FOX", "web"];
        var pairs = Enumerable.Range(0, 1500).Select(i =>
        {
            var input = Enumerable.Range(0, random.Next(1, 8)).Select(_ => random.NextDouble() < 0.15 ? "visit" : channels[random.Next(channels.Length)]).ToList();
            bool converts = input[^1] == "visit";
            return new SequencePair($"c{i}", input, converts ? ["web", "visit"] : [channels[random.Next(channels.Length)]]);
        }).ToArray();
        var (train, validation, test) = (pairs[..1000], pairs[1000..1250], pairs[1250..]);
        var vocabulary = Vocabulary.Build(train.Select(p => p.Input.Concat(p.Target)), startStop: true);
        var features = new ConversionFeatures(vocabulary, "visit");
        var ml = new MLContext(1);
        // the notebook's pipeline (workshop 04, step 7)
        var baseline = ml.Transforms.Categorical.OneHotEncoding("LastOneHot", nameof(ConversionExample.LastTouchpoint))
            .Append(ml.Transforms.Concatenate("Features", nameof(ConversionExample.Counts), "LastOneHot", nameof(ConversionExample.Length)))
            .Append(ml.Transforms.NormalizeMinMax("Features"))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(labelColumnName: "Label", featureColumnName: "Features"))
            .Fit(features.ToDataView(ml, train));
        double[] P(IEnumerable<SequencePair> part) => baseline.Transform(features.ToDataView(ml, part)).GetColumn<float>("Probability").Select(p => (double)p).ToArray();
        var threshold = ThresholdChoice.MaximiseF1(P(validation), features.Build(validation).Select(e => e.Label).ToArray());
        var labels = features.Build(test).Select(e => e.Label).ToArray();
        var calls = P(test).Select(p => p > threshold.Threshold).ToArray();
        Assert.Contains(labels, l => l);
        Assert.Equal(labels, calls);
    }

    [Fact]
    public void LengthsComeFromTheLongestSequences()
    {
        var lengths = SequenceLengths.Of([new SequencePair("a", ["NBC", "ABC"], ["visit"]), new SequencePair("b", ["NBC"], Enumerable.Repeat("ABC", 12).ToArray())]);
        Assert.Equal(new SequenceLengths(2, 12), lengths);
        Assert.Throws<ArgumentException>(() => SequenceLengths.Of([]));
    }
}
