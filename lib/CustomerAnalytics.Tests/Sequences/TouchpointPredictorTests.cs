using CustomerAnalytics.Sequences.Data;
using CustomerAnalytics.Sequences.Models;
using CustomerAnalytics.Torch;

namespace CustomerAnalytics.Tests.Sequences;

[Collection(TorchTrainingCollection.Name)]
public class TouchpointPredictorTests
{
    private static (TouchpointPredictor Predictor, Vocabulary Vocabulary) Untrained(int samples = 50)
    {
        var (vocabulary, _) = SequenceTestData.Encoded(20);
        var model = Seq2SeqModel.Create(vocabulary.Count, SequenceTestData.SmallModel() with { MaxInputLength = 8 }, 1, TorchDevice.Current);
        return (new TouchpointPredictor(model, vocabulary, "visit", samples, seed: 5), vocabulary);
    }

    [Fact]
    public void PredictsNextTouchpointsAndAConversionProbability()
    {
        var (predictor, vocabulary) = Untrained();
        var prediction = predictor.Predict(["itv", "web", "channel4"]);
        Assert.Equal(3, prediction.NextTouchpoints.Count);
        Assert.All(prediction.NextTouchpoints, n => Assert.Contains(n.Token, vocabulary.DataTokens.Append(Vocabulary.Stop)));
        Assert.True(prediction.NextTouchpoints[0].Probability >= prediction.NextTouchpoints[1].Probability);
        Assert.InRange(prediction.ConversionProbability, 0, 1);
        Assert.Empty(prediction.Warnings);
        Assert.Equal(prediction.ConversionProbability, predictor.Predict(["itv", "web", "channel4"]).ConversionProbability);
    }

    [Fact]
    public void WithOneTargetStepTheConversionProbabilityIsExactlyTheFirstStepsProbability()
    {
        var (vocabulary, pairs) = SequenceTestData.Encoded(20, maxTarget: 1);
        var model = Seq2SeqModel.Create(vocabulary.Count, SequenceTestData.SmallModel() with { MaxTargetLength = 1 }, 3, TorchDevice.Current);
        var estimated = Seq2SeqDecoding.ProbabilityOfToken(model, pairs, vocabulary.IdOf("visit"), samples: 3, seed: 1);
        var exact = Seq2SeqDecoding.Greedy(model, pairs).Select(d => (double)d.FirstStepProbabilities[vocabulary.IdOf("visit")]).ToArray();
        Assert.All(estimated.Zip(exact), x => Assert.Equal(x.Second, x.First, 5));
        Assert.All(estimated, p => Assert.InRange(p, 0.01, 0.99));
    }

    [Fact]
    public void UnknownTouchpointsAreMappedAndReported()
    {
        var (predictor, _) = Untrained();
        var prediction = predictor.Predict(["itv", "tiktok", "web"]);
        Assert.Equal(["itv", Vocabulary.Unknown, "web"], prediction.Input);
        Assert.Contains(prediction.Warnings, w => w.Contains("'tiktok'") && w.Contains("<unk>"));
    }

    [Fact]
    public void LongJourneysAreTruncatedWithAWarningThatCounts()
    {
        var (predictor, _) = Untrained();
        var journey = Enumerable.Range(0, 11).Select(i => i % 2 == 0 ? "itv" : "web").ToArray();
        var prediction = predictor.Predict(journey);
        Assert.Equal(8, prediction.Input.Count);
        Assert.Contains(prediction.Warnings, w => w.Contains("longer than 8") && w.Contains("3 older tokens dropped"));
    }

    [Fact]
    public void EmptyJourneysAreAnErrorThatSaysWhatToDo()
    {
        var (predictor, _) = Untrained();
        var error = Assert.Throws<SequenceInputException>(() => predictor.Predict([]));
        Assert.Contains("at least one touchpoint", error.Message);
        Assert.IsAssignableFrom<WorkshopException>(error);
    }

    [Fact]
    public void RankingIsSortedAndSkipsEmptyJourneys()
    {
        var (predictor, _) = Untrained(samples: 20);
        var customers = SequenceTestData.Journeys(12).Append(new SequencePair("empty", [], [])).ToArray();
        var ranking = predictor.Rank(customers);
        Assert.Equal(12, ranking.Customers.Count);
        Assert.Equal(ranking.Customers.OrderByDescending(c => c.ConversionProbability).Select(c => c.ConversionProbability), ranking.Customers.Select(c => c.ConversionProbability));
        Assert.Contains(ranking.Warnings, w => w.Contains("no input tokens"));
    }

    [Fact]
    public void BeamSearchWithWidthOneMatchesGreedy()
    {
        var (vocabulary, pairs) = SequenceTestData.Encoded(10);
        var model = Seq2SeqModel.Create(vocabulary.Count, SequenceTestData.SmallModel(), 2, TorchDevice.Current);
        var greedy = Seq2SeqDecoding.Greedy(model, pairs);
        Assert.All(pairs.Zip(greedy), p => Assert.Equal(p.Second.Ids, Seq2SeqDecoding.Beam(model, p.First, 1).Ids));
    }
}
