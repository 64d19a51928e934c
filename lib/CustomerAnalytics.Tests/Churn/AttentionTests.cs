using CustomerAnalytics.Churn.Models;
using CustomerAnalytics.Churn.Training;
using CustomerAnalytics.Churn.Evaluation;
using CustomerAnalytics.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace CustomerAnalytics.Tests.Churn;

[Collection(CustomerAnalytics.Tests.Sequences.TorchTrainingCollection.Name)]
public class AttentionTests
{
    private static readonly long[] Lengths = [5, 2, 3];

    private static (Tensor Tokens, Tensor Lengths) Batch()
    {
        TorchDevice.Select();
        var tokens = tensor(new long[] { 2, 3, 4, 5, 2, 3, 5, 0, 0, 0, 4, 4, 2, 0, 0 }, [3, 5]);
        return (tokens, tensor(Lengths));
    }

    public static TheoryData<string, AttentionKind> Models => new()
    {
        { "rnn", AttentionKind.Global }, { "rnn", AttentionKind.Self }, { "rnn", AttentionKind.MultiHead }, { "transformer", AttentionKind.Global },
    };

    [Theory, MemberData(nameof(Models))]
    public void WeightsSumToOneOverRealEventsAndAreZeroOnPadding(string architecture, AttentionKind attention)
    {
        var (tokens, lengths) = Batch();
        TorchDevice.Seed(1);
        using var model = SequenceModel.Create(ChurnTestData.TinyConfig(architecture, attention).Init, 6, 2);
        model.eval();
        var (logits, weights) = model.ForwardWithAttention(tokens, lengths);
        Assert.Equal([3L, 2L], logits.shape);
        Assert.Equal(architecture == "transformer" ? 1 : 1, weights.Count);
        foreach (var w in weights)
        {
            var expectedHeads = attention == AttentionKind.MultiHead || architecture == "transformer" ? 2 : 1;
            Assert.Equal(expectedHeads, w.shape[1]);
            for (int b = 0; b < 3; b++)
                for (int h = 0; h < w.shape[1]; h++)
                    for (int q = 0; q < w.shape[2]; q++)
                    {
                        var row = w[b, h, q].data<float>().ToArray();
                        bool realQuery = w.shape[2] == 1 || q < Lengths[b];
                        Assert.Equal(realQuery ? 1.0 : 0.0, row.Take((int)Lengths[b]).Sum(), 5);
                        Assert.All(row.Skip((int)Lengths[b]), x => Assert.Equal(0f, x));
                    }
        }
    }

    [Fact]
    public void TransformerReturnsOneWeightTensorPerLayerThatMatchesARecomputation()
    {
        var (tokens, lengths) = Batch();
        TorchDevice.Seed(2);
        var settings = ChurnTestData.TinyConfig("transformer").Init with { Layers = 2 };
        using var model = SequenceModel.Create(settings, 6, 2);
        model.eval();
        var (_, weights) = model.ForwardWithAttention(tokens, lengths);
        Assert.Equal(2, weights.Count);

        // Layer 1 by hand: x = embedding * sqrt(d) + PE; q, k = linear maps; softmax(q k^T / sqrt(d_head)) over real events.
        var p = model.named_parameters().ToDictionary(x => x.name, x => x.parameter);
        long d = settings.HiddenSize, heads = settings.Heads, dh = d / heads, l = tokens.shape[1];
        var pe = zeros(l, d);
        for (int pos = 0; pos < l; pos++)
            for (int i = 0; i < d; i++)
            {
                var angle = pos / Math.Pow(10000, 2 * (i / 2) / (double)d);
                pe[pos, i] = (float)(i % 2 == 0 ? Math.Sin(angle) : Math.Cos(angle));
            }
        var x0 = p["embedding.weight"].index_select(0, tokens.flatten()).view(3, l, d) * Math.Sqrt(d) + pe;
        Tensor Project(string name) => nn.functional.linear(x0, p[$"layers.0.attention.{name}.weight"], p[$"layers.0.attention.{name}.bias"]).view(3, l, heads, dh).transpose(1, 2);
        var scores = Project("query").matmul(Project("key").transpose(-2, -1)) / Math.Sqrt(dh);
        for (int b = 0; b < 3; b++)
            for (int h = 0; h < heads; h++)
                for (int q = 0; q < Lengths[b]; q++)
                {
                    var s = scores[b, h, q].data<float>().Take((int)Lengths[b]).Select(v => (double)v).ToArray();
                    var max = s.Max();
                    var e = s.Select(v => Math.Exp(v - max)).ToArray();
                    var returned = weights[0][b, h, q].data<float>().ToArray();
                    for (int k = 0; k < Lengths[b]; k++) Assert.Equal(e[k] / e.Sum(), returned[k], 5);
                }
    }

    [Fact]
    public void AttentionMapLabelsWeightsWithEventNames()
    {
        var data = ChurnTestData.TinyTask();
        TorchDevice.Seed(3);
        using var model = new TrainedModel(SequenceModel.Create(ChurnTestData.TinyConfig("transformer").Init, 6, 2), ChurnTestData.TinyConfig("transformer"), data.Train.Vocabulary, data.Train.ClassNames);
        var map = AttentionMap.For(model, data.Train, 0);
        Assert.Equal(data.Train.Sequences[0].Select(data.Train.Vocabulary.TokenOf), map.Events);
        Assert.Single(map.Layers);
        Assert.Equal(2, map.Layers[0].Length);
        Assert.Equal(map.Events.Count, map.FinalRow(0, 1).Length);
        Assert.Equal(1.0, map.FinalRow(0, 1).Sum(), 5);
    }
}
