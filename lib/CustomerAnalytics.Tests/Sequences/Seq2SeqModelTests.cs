using CustomerAnalytics.Benchmarks;
using CustomerAnalytics.Sequences.Data;
using CustomerAnalytics.Sequences.Models;
using CustomerAnalytics.Torch;
using static TorchSharp.torch;

namespace CustomerAnalytics.Tests.Sequences;

[Collection(TorchTrainingCollection.Name)]
public class Seq2SeqModelTests
{
    [Theory]
    [InlineData(AttentionKind.Luong)]
    [InlineData(AttentionKind.None)]
    public void ForwardGivesOneDistributionPerTargetStep(AttentionKind attention)
    {
        var (vocabulary, pairs) = SequenceTestData.Encoded(8);
        var model = Seq2SeqModel.Create(vocabulary.Count, SequenceTestData.SmallModel(attention), 1, TorchDevice.Current);
        using var batch = SequenceBatch.Create(pairs, model.Device);
        using var logits = model.call(batch.Inputs, batch.InputLengths, batch.DecoderInputs);
        Assert.Equal(new long[] { 8, pairs.Max(p => p.Target.Length) + 1, vocabulary.Count }, logits.shape);
        var encoded = model.Encode(batch.Inputs, batch.InputLengths);
        Assert.Equal(new long[] { 8, pairs.Max(p => p.Input.Length), 32 }, encoded.Outputs.shape);
        Assert.Equal(new long[] { 1, 8, 32 }, encoded.Hidden.shape);
    }

    [Fact]
    public void EmittableRulesOutPaddingStartAndUnknownAndKeepsEveryOtherLogit()
    {
        using var logits = tensor(new float[] { 1, 2, 3, 4, 5, 6, 7, 8 }, [1, 8]);
        using var emittable = Seq2SeqDecoding.Emittable(logits);
        var values = emittable.data<float>().ToArray();
        foreach (var id in new[] { Vocabulary.PadId, Vocabulary.StartId, Vocabulary.UnknownId })
            Assert.Equal(float.NegativeInfinity, values[id]);
        var kept = Enumerable.Range(0, 8).Except([Vocabulary.PadId, Vocabulary.StartId, Vocabulary.UnknownId]).ToArray();
        Assert.Equal(kept.Select(i => (float)(i + 1)), kept.Select(i => values[i]));
        Assert.Equal(1f, logits.data<float>()[Vocabulary.PadId]); // the input is left as it was
    }

    [Fact]
    public void AttentionWeightsSumToOneAndIgnorePadding()
    {
        var (vocabulary, pairs) = SequenceTestData.Encoded(8);
        var model = Seq2SeqModel.Create(vocabulary.Count, SequenceTestData.SmallModel(), 1, TorchDevice.Current);
        using var batch = SequenceBatch.Create(pairs, model.Device);
        using var _ = no_grad();
        var step = model.Decode(model.Encode(batch.Inputs, batch.InputLengths), batch.DecoderInputs, (null, null));
        var weights = step.Attention!;
        Assert.Equal(1.0, weights.sum(-1).mean().item<float>(), 4);
        for (int b = 0; b < pairs.Count; b++)
        {
            int length = pairs[b].Input.Length;
            if (length < weights.shape[2])
                Assert.Equal(0f, weights[b, .., length..].abs().sum().item<float>());
        }
    }

    [Fact]
    public void PaddingDoesNotChangeTheOutput()
    {
        var (vocabulary, pairs) = SequenceTestData.Encoded(30);
        var shortest = pairs.MinBy(p => p.Input.Length)!;
        var longest = pairs.MaxBy(p => p.Input.Length)!;
        Assert.True(longest.Input.Length > shortest.Input.Length + 3);
        var model = Seq2SeqModel.Create(vocabulary.Count, SequenceTestData.SmallModel(), 3, TorchDevice.Current);
        model.eval();
        using var _ = no_grad();
        using var alone = SequenceBatch.Create([shortest], model.Device);
        using var padded = SequenceBatch.Create([shortest, longest], model.Device);
        var a = model.call(alone.Inputs, alone.InputLengths, alone.DecoderInputs)[0];
        var b = model.call(padded.Inputs, padded.InputLengths, padded.DecoderInputs)[0, ..(int)a.shape[0]];
        Assert.True(a.allclose(b, rtol: 1e-4, atol: 1e-5), $"max difference {(a - b).abs().max().item<float>()}");
    }

    [Fact]
    public void LossIgnoresPaddedTargetPositions()
    {
        var logits = randn(2, 3, 5);
        var targets = tensor(new long[] { 4, 3, 0, 2, 0, 0 }, [2, 3]);
        var changed = logits.clone();
        changed[0, 2] = randn(5) * 10; changed[1, 1] = randn(5) * 10; // change only padded positions
        Assert.Equal(Seq2SeqTraining.SequenceLoss(logits, targets).item<float>(), Seq2SeqTraining.SequenceLoss(changed, targets).item<float>(), 6);
    }
}
