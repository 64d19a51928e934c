using CustomerAnalytics.Churn.Evaluation;
using CustomerAnalytics.Churn.Models;
using CustomerAnalytics.Exercises;
using TorchSharp;
using static TorchSharp.torch;

namespace CustomerAnalytics.Tests.Churn;

/// <summary>
/// Workshop 05's attention exercise check: the notebook's module passes; a module with each usual slip (written here
/// on purpose) gets the check's sentence; a module left as its TODO stops with the TODO.
/// </summary>
[Collection(CustomerAnalytics.Tests.Sequences.TorchTrainingCollection.Name)]
public sealed class AttentionChecksTests
{
    public enum Slip { None, NoMask, NoTanh, SoftmaxOverFeatures, PlainMean, Todo }

    // The notebook's module; a slip changes one thing in its forward.
    private sealed class Attention : nn.Module<Tensor, Tensor, (Tensor Context, Tensor Weights)>
    {
        private readonly TorchSharp.Modules.Linear project, score;
        private readonly Slip slip;

        public Attention(long size, Slip slip) : base(nameof(Attention))
        {
            (project, score, this.slip) = (nn.Linear(size, size), nn.Linear(size, 1, hasBias: false), slip);
            RegisterComponents();
        }

        public override (Tensor Context, Tensor Weights) forward(Tensor h, Tensor mask)
        {
            if (slip == Slip.Todo) return Exercise.Todo<(Tensor, Tensor)>("write forward");
            var projected = project.call(h);
            var scores = score.call(slip == Slip.NoTanh ? projected : projected.tanh()).squeeze(-1);           // [B, L]
            var weights = slip switch
            {
                Slip.NoMask => nn.functional.softmax(scores, -1),
                Slip.SoftmaxOverFeatures => nn.functional.softmax(scores.masked_fill(mask.logical_not(), float.NegativeInfinity), 0),
                _ => MaskedAttention.Softmax(scores.unsqueeze(1).unsqueeze(1), mask).reshape(scores.shape),
            };
            var context = slip == Slip.PlainMean ? h.mean([1]) : weights.unsqueeze(1).bmm(h).squeeze(1);         // [B, D]
            return (context, weights);
        }
    }

    [Fact]
    public void The_notebooks_module_passes_and_the_random_state_is_left_alone()
    {
        var before = get_rng_state().data<byte>().ToArray();
        Assert.StartsWith("Correct:", ChurnChecks.Attention(size => new Attention(size, Slip.None)));
        Assert.Equal(before, get_rng_state().data<byte>().ToArray());
    }

    [Theory]
    [InlineData(Slip.NoMask, "Your module gives the padded events a total weight of")]
    [InlineData(Slip.SoftmaxOverFeatures, "Your weights sum to")]
    [InlineData(Slip.NoTanh, "Your weights differ from AdditiveAttention's by up to")]
    [InlineData(Slip.PlainMean, "Your context differs from AdditiveAttention's by up to")]
    public void A_module_with_a_slip_gets_its_sentence(Slip slip, string sentence)
    {
        var e = Assert.Throws<ExerciseCheckException>(() => ChurnChecks.Attention(size => new Attention(size, slip)));
        Assert.StartsWith(sentence, e.WhatIsWrong);
    }

    [Fact]
    public void A_module_left_as_its_todo_stops_with_the_todo()
    {
        var e = Assert.Throws<ExerciseNotDoneException>(() => ChurnChecks.Attention(size => new Attention(size, Slip.Todo)));
        Assert.Equal("write forward", e.WhatToWrite);
    }
}
