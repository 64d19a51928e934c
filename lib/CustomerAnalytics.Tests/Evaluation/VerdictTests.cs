using CustomerAnalytics.Evaluation;

namespace CustomerAnalytics.Tests.Evaluation;

/// <summary>Verdicts: a clear winner only without overlap, "no clear winner" otherwise, every figure in the sentence.</summary>
public sealed class VerdictTests
{
    [Fact]
    public void Separate_intervals_give_a_clear_winner_named_with_its_figures()
    {
        var verdict = Verdict.Compare("F1", [new("baseline", new Interval(0.50, 0.45, 0.55)), new("LSTM", new Interval(0.65, 0.60, 0.70))]);
        Assert.Equal("LSTM", verdict.Best.Name);
        Assert.True(verdict.ClearWinner);
        Assert.Equal("On F1, LSTM (0.650 [0.600, 0.700]) is the clear winner: its 95% interval overlaps none of baseline (0.500 [0.450, 0.550]).", verdict.Sentence);
    }

    [Fact]
    public void Overlapping_intervals_say_no_clear_winner_and_name_who_is_clearly_behind()
    {
        var verdict = Verdict.Compare("F1",
        [
            new("RNN", new Interval(0.57, 0.50, 0.64)),
            new("Transformer", new Interval(0.58, 0.51, 0.65)),
            new("majority class", Interval.Exact(0.0)),
        ]);
        Assert.False(verdict.ClearWinner);
        Assert.Equal("Transformer", verdict.Best.Name);
        Assert.StartsWith("On F1, no clear winner: Transformer (0.580 [0.510, 0.650]) has the highest estimate, but its 95% interval overlaps RNN (0.570 [0.500, 0.640])", verdict.Sentence);
        Assert.EndsWith("it is clearly above majority class (0.000).", verdict.Sentence);
    }

    [Fact]
    public void Lower_is_better_for_errors_and_ties_go_to_the_first()
    {
        var errors = Verdict.Compare("mean absolute error", [new("a", new Interval(3, 2, 4)), new("b", new Interval(1, 0.5, 1.5))], higherIsBetter: false);
        Assert.Equal("b", errors.Best.Name);
        Assert.True(errors.ClearWinner);
        var tie = Verdict.Compare("accuracy", [new("first", new Interval(0.5, 0.4, 0.6)), new("second", new Interval(0.5, 0.45, 0.55))]);
        Assert.Equal("first", tie.Best.Name);
        Assert.False(tie.ClearWinner);
    }

    [Fact]
    public void A_model_reaching_a_ceiling_is_not_a_clear_win_for_either()
    {
        var verdict = Verdict.Compare("accuracy", [new("Transformer", new Interval(0.38, 0.30, 0.46)), new("ceiling (truth)", Interval.Exact(0.40))]);
        Assert.False(verdict.ClearWinner);
        Assert.Contains("overlaps Transformer", verdict.Sentence);

        var above = Verdict.Compare("accuracy", [new("Transformer", new Interval(0.38, 0.30, 0.46)), new("type oracle", Interval.Exact(0.96))]);
        Assert.Equal("On accuracy, type oracle (0.960) is the clear winner: it lies outside the 95% intervals of Transformer (0.380 [0.300, 0.460]).", above.Sentence);
    }

    [Fact]
    public void Refuses_one_candidate_repeated_names_and_mixed_levels()
    {
        var a = new Interval(0.5, 0.4, 0.6);
        Assert.Contains("at least two", Assert.Throws<ArgumentException>(() => Verdict.Compare("F1", [new("a", a)])).Message);
        Assert.Contains("unique", Assert.Throws<ArgumentException>(() => Verdict.Compare("F1", [new("a", a), new("a", a)])).Message);
        Assert.Contains("different confidence levels", Assert.Throws<ArgumentException>(() => Verdict.Compare("F1", [new("a", a), new("b", new Interval(0.5, 0.4, 0.6, 0.9))])).Message);
    }

    [Fact]
    public void Renders_a_table_and_the_sentence()
    {
        var html = Verdict.Compare("F1", [new("a", new Interval(0.5, 0.4, 0.6)), new("b", new Interval(0.9, 0.85, 0.95))]).ToHtml();
        Assert.Contains("b (best estimate)", html);
        Assert.Contains("<p>On F1, b (0.900 [0.850, 0.950]) is the clear winner", html);
    }
}
