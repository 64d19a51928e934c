using CustomerAnalytics.Benchmarks;
using CustomerAnalytics.Sequences.Models;
using CustomerAnalytics.Torch;
using CustomerAnalytics.Training;

namespace CustomerAnalytics.Tests.Sequences;

[Collection(TorchTrainingCollection.Name)]
public class Seq2SeqTrainingTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("seq2seq-tests").FullName;

    public void Dispose() { try { Directory.Delete(folder, true); } catch (IOException) { } }

    private static TrainingProgress Quiet(int epochs) => new("test", epochs, sinks: []);

    [Fact]
    public void MemorisesTwentyJourneys()
    {
        var (vocabulary, pairs) = SequenceTestData.Encoded(20, seed: 5);
        var model = Seq2SeqModel.Create(vocabulary.Count, new Seq2SeqOptions { EmbeddingSize = 16, HiddenSize = 64 }, 1, TorchDevice.Current);
        var options = new TrainingOptions { Epochs = 150, BatchSize = 20, LearningRate = 0.01, Patience = 150 };
        Seq2SeqTraining.Train(model, pairs, pairs, options, Path.Combine(folder, "m.bin"), Quiet(options.Epochs));
        var decoded = Seq2SeqDecoding.Greedy(model, pairs);
        int exact = pairs.Zip(decoded).Count(p => p.First.Target.SequenceEqual(p.Second.Ids));
        Assert.True(exact >= 19, $"memorised only {exact} of 20 journeys");
    }

    [Fact]
    public void SameSeedTrainsTheSameModel()
    {
        var (vocabulary, pairs) = SequenceTestData.Encoded(60, seed: 2);
        double[] Run(int seed)
        {
            var model = Seq2SeqModel.Create(vocabulary.Count, SequenceTestData.SmallModel(), seed, TorchDevice.Current);
            var result = Seq2SeqTraining.Train(model, pairs.Take(48).ToArray(), pairs.Skip(48).ToArray(),
                new TrainingOptions { Epochs = 2, BatchSize = 16, Seed = seed }, Path.Combine(folder, $"{Guid.NewGuid():N}.bin"), Quiet(2));
            return result.History.Select(e => e.Loss).Concat(result.History.Select(e => e.ValidationLoss!.Value)).ToArray();
        }
        var first = Run(7);
        Assert.Equal(first, Run(7));
        Assert.NotEqual(first, Run(8));
    }

    [Fact]
    public void SavedCheckpointPredictsTheSame()
    {
        var (vocabulary, pairs) = SequenceTestData.Encoded(60, seed: 3);
        var path = Path.Combine(folder, "best.bin");
        var model = Seq2SeqModel.Create(vocabulary.Count, SequenceTestData.SmallModel(), 4, TorchDevice.Current);
        var result = Seq2SeqTraining.Train(model, pairs.Take(50).ToArray(), pairs.Skip(50).ToArray(),
            new TrainingOptions { Epochs = 3, BatchSize = 16 }, path, Quiet(3));
        Assert.Equal(path, result.CheckpointPath);
        var loaded = Seq2SeqModel.Create(vocabulary.Count, SequenceTestData.SmallModel(), 99, TorchDevice.Current);
        new ModelCheckpoint(path).Restore(loaded);
        var before = Seq2SeqDecoding.Greedy(model, pairs);
        var after = Seq2SeqDecoding.Greedy(loaded, pairs);
        Assert.All(before.Zip(after), p =>
        {
            Assert.Equal(p.First.Ids, p.Second.Ids);
            Assert.Equal(p.First.FirstStepProbabilities, p.Second.FirstStepProbabilities);
        });
    }

    [Fact]
    public void StopsEarlyWhenValidationLossStopsImproving()
    {
        var (vocabulary, pairs) = SequenceTestData.Encoded(60, seed: 4);
        var model = Seq2SeqModel.Create(vocabulary.Count, SequenceTestData.SmallModel(), 4, TorchDevice.Current);
        // random tokens: nothing generalises, so validation loss rises soon after the first epochs
        var result = Seq2SeqTraining.Train(model, pairs.Take(30).ToArray(), pairs.Skip(30).ToArray(),
            new TrainingOptions { Epochs = 200, BatchSize = 10, LearningRate = 0.02, Patience = 2 }, Path.Combine(folder, "e.bin"), Quiet(200));
        Assert.True(result.StoppedEarly);
        Assert.Equal(result.BestEpoch + 2, result.History.Count);
        Assert.Equal(result.History.Min(e => e.ValidationLoss), result.Best.ValidationLoss);
    }
}
