using CustomerAnalytics.Churn.Evaluation;
using CustomerAnalytics.Exercises;
using TorchSharp;
using static TorchSharp.torch;

namespace CustomerAnalytics.Tests.Churn;

/// <summary>Workshop 05's penalised-loss check: the notebook's solution passes; each usual slip gets its sentence.</summary>
public sealed class PenalisedLossChecksTests
{
    // The notebook's solution.
    private static Tensor Correct(Tensor logits, Tensor labels, IReadOnlyList<Tensor> weights, double l2)
    {
        var loss = nn.functional.cross_entropy(logits, labels);
        if (l2 == 0 || weights.Count == 0) return loss;
        return loss + l2 * stack(weights.Select(w => w.pow(2).sum()).ToArray()).sum();
    }

    [Fact]
    public void The_notebooks_solution_passes() =>
        Assert.StartsWith("Correct:", ChurnChecks.PenalisedLoss(Correct));

    public static TheoryData<string, Func<Tensor, Tensor, IReadOnlyList<Tensor>, double, Tensor>, string> WrongLosses => new()
    {
        { "the penalty alone", (_, _, w, l2) => w.Count == 0 ? zeros(1).sum() : l2 * stack(w.Select(x => x.pow(2).sum()).ToArray()).sum(), "With l2 = 0 your loss is" },
        { "stack of an empty list", (l, y, w, l2) => nn.functional.cross_entropy(l, y) + l2 * stack(w.Select(x => x.pow(2).sum()).ToArray()).sum(), "On no weights to penalise and l2 = 0.1 your code throws" },
        { "absolute values", (l, y, w, l2) => w.Count == 0 ? Correct(l, y, w, l2) : nn.functional.cross_entropy(l, y) + l2 * stack(w.Select(x => x.abs().sum()).ToArray()).sum(), "With l2 = 0.1 your loss is" },
        { "the norm, not its square", (l, y, w, l2) => w.Count == 0 ? Correct(l, y, w, l2) : nn.functional.cross_entropy(l, y) + l2 * stack(w.Select(x => x.pow(2).sum()).ToArray()).sum().sqrt(), "With l2 = 0.1 your loss is" },
        { "a .NET number", (l, y, w, l2) => Correct(l, y, w, 0) + l2 * w.Sum(x => x.pow(2).sum().item<float>()), "Your loss carries no gradient back to the weights" },
        { "one loss a user", (l, y, w, l2) => nn.functional.cross_entropy(l, y, reduction: nn.Reduction.None), "On 3 made-up users and 2 weight tensors (squares summing to 31.25) with l2 = 0 your function returns a tensor of shape [3]" },
    };

    [Theory, MemberData(nameof(WrongLosses))]
    public void A_wrong_loss_gets_its_sentence(string slip, Func<Tensor, Tensor, IReadOnlyList<Tensor>, double, Tensor> wrong, string sentence)
    {
        var e = Assert.Throws<ExerciseCheckException>(() => ChurnChecks.PenalisedLoss(wrong));
        Assert.StartsWith(sentence, e.WhatIsWrong);
        Assert.False(string.IsNullOrEmpty(slip));
    }

    [Fact]
    public void A_loss_left_as_its_todo_stops_with_the_todo()
    {
        var e = Assert.Throws<ExerciseNotDoneException>(() => ChurnChecks.PenalisedLoss((_, _, _, _) => Exercise.Todo<Tensor>("add the penalty")));
        Assert.Equal("add the penalty", e.WhatToWrite);
    }
}
