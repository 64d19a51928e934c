using CustomerAnalytics.Evaluation;

namespace CustomerAnalytics.Tests.Evaluation;

/// <summary>A model's figures next to the truth's: looked up by metric (and model), rendered with every figure.</summary>
public sealed class TruthComparisonTests
{
    private static readonly TruthComparison Comparison = new(120, "test journeys",
    [
        new("rnn", "accuracy", 0.30, "Bayes-optimal", 0.40, 0.389),
        new("transformer", "accuracy", 0.35, "Bayes-optimal", 0.40),
    ]);

    [Fact]
    public void RowsAreFoundByMetricAndModel()
    {
        Assert.Equal(0.30, Comparison["accuracy"].Value);
        Assert.Equal(0.35, Comparison["accuracy", "transformer"].Value);
        var missing = Assert.Throws<KeyNotFoundException>(() => Comparison["AUC"]);
        Assert.Contains("Metrics: accuracy", missing.Message);
    }

    [Fact]
    public void TheTableShowsEveryFigureAndTheModelsShareOfTheTruth()
    {
        var html = Comparison.ToHtml();
        Assert.Contains("on 120 test journeys", html);
        foreach (var figure in new[] { "0.3000", "0.4000", "0.3890", "0.7500", "0.8750" }) Assert.Contains(figure, html);
        Assert.Equal("rnn accuracy: 0.3000, Bayes-optimal 0.4000 (whole sample 0.3890)" + Environment.NewLine + "transformer accuracy: 0.3500, Bayes-optimal 0.4000",
            Comparison.ToString());
    }
}
