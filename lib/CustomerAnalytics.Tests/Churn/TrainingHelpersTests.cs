using CustomerAnalytics.Churn.Data;
using CustomerAnalytics.Churn.Models;
using CustomerAnalytics.Churn.Training;
using CustomerAnalytics.Torch;
using TorchSharp;
using static TorchSharp.torch;
using CustomerAnalytics.Evaluation;

namespace CustomerAnalytics.Tests.Churn;

/// <summary>The small pieces the notebook's training loop calls: batches, the L2 weights, the checkpoint, wide attention.</summary>
[Collection(CustomerAnalytics.Tests.Sequences.TorchTrainingCollection.Name)]
public class TrainingHelpersTests
{
    private static readonly SequenceDataset Data = ChurnTestData.TinyTask(count: 50).Train;

    [Fact]
    public void AnEpochsBatchesCoverEveryExampleOnceAndTheSeedRepeatsThem()
    {
        var settings = new TrainingOptions { BatchSize = 8 };
        var batches = TrainingBatches.Shuffled(Data, settings, new Random(3));
        Assert.Equal(Enumerable.Range(0, 50), batches.SelectMany(b => b).Order());
        Assert.All(batches, b => Assert.InRange(b.Length, 1, 8));
        Assert.Equal(batches.SelectMany(b => b), TrainingBatches.Shuffled(Data, settings, new Random(3)).SelectMany(b => b));
        Assert.NotEqual(batches.SelectMany(b => b), TrainingBatches.Shuffled(Data, settings, new Random(4)).SelectMany(b => b));
    }

    [Fact]
    public void MaxTrainExamplesTrainsOnASampleOfThatSize()
    {
        var settings = new TrainingOptions { BatchSize = 8, MaxTrainExamples = 20 };
        var sample = TrainingBatches.Shuffled(Data, settings, new Random(3)).SelectMany(b => b).ToArray();
        Assert.Equal(20, sample.Length);
        Assert.Equal(20, sample.Distinct().Count());
        Assert.Equal(20, TrainingBatches.ExamplesPerEpoch(Data, settings));
        Assert.Equal(50, TrainingBatches.ExamplesPerEpoch(Data, settings with { MaxTrainExamples = 500 }));
    }

    [Fact]
    public void L2PenalisesWeightMatricesNotBiasesOrTheEmbedding()
    {
        TorchDevice.Select();
        using var network = SequenceModel.Create(ChurnTestData.TinyConfig("rnn").Init, 6, 2);
        var weights = L2Weights.Of(network);
        var names = network.named_parameters().Where(p => weights.Any(w => w.Handle == p.parameter.Handle)).Select(p => p.name).ToArray();
        Assert.Contains("gru.weight_ih_l0", names);
        Assert.Contains("dense.weight", names);
        Assert.DoesNotContain(names, n => n.StartsWith("embedding") || n.EndsWith("bias"));
        var expected = 0.01 * weights.Sum(w => w.pow(2).sum().item<float>());
        Assert.Equal(expected, L2Weights.Penalty(weights, 0.01).item<float>(), 4);
        Assert.Equal(0f, L2Weights.Penalty(weights, 0).item<float>());
    }

    [Fact]
    public void TwelveHeadsFitA128WideRnnAsInTheOriginalWorkshop()
    {
        TorchDevice.Select();
        TorchDevice.Seed(1);
        var settings = new ModelSettings { HiddenSize = 128, Heads = 12, Layers = 2, Attention = AttentionKind.MultiHead };
        using var model = SequenceModel.Create(settings, 6, 2);
        var (logits, attention) = model.ForwardWithAttention(tensor(new long[] { 2, 3, 4, 5, 2, 0 }, [2, 3]), tensor(new long[] { 3, 2 }));
        Assert.Equal([2L, 2], logits.shape);
        Assert.Equal([2L, 12, 3, 3], attention[0].shape);
        Assert.Throws<ArgumentException>(() => new SelfAttention(8, 9));
    }
}
