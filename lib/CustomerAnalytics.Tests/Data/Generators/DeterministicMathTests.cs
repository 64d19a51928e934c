using CustomerAnalytics.SampleData;

namespace CustomerAnalytics.Tests.Data.Generators;

public class DeterministicMathTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-1.0)]
    [InlineData(0.5)]
    [InlineData(-0.3466)]
    [InlineData(10.25)]
    [InlineData(-20.0)]
    [InlineData(700.0)]
    [InlineData(-700.0)]
    [InlineData(1e-12)]
    public void ExpMatchesMathExpClosely(double x)
    {
        double expected = Math.Exp(x);
        Assert.True(Math.Abs(DeterministicMath.Exp(x) - expected) <= 1e-15 * expected, $"exp({x})");
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(0.5)]
    [InlineData(1.4142135)]
    [InlineData(1.4142136)]
    [InlineData(1e-300)]
    [InlineData(5e-320)]
    [InlineData(123456.789)]
    [InlineData(1e300)]
    [InlineData(0.999999999)]
    public void LogMatchesMathLogClosely(double x)
    {
        double expected = Math.Log(x);
        Assert.True(Math.Abs(DeterministicMath.Log(x) - expected) <= 1e-15 * Math.Max(1, Math.Abs(expected)), $"log({x})");
    }

    [Fact]
    public void LogAndExpHandleTheEdges()
    {
        Assert.Equal(0.0, DeterministicMath.Log(1.0));
        Assert.Equal(1.0, DeterministicMath.Exp(0.0));
        Assert.Equal(double.NegativeInfinity, DeterministicMath.Log(0.0));
        Assert.True(double.IsNaN(DeterministicMath.Log(-1.0)));
        Assert.Equal(double.PositiveInfinity, DeterministicMath.Exp(710));
        Assert.Equal(0.0, DeterministicMath.Exp(-746));
    }

    [Fact]
    public void SigmoidIsSymmetricAndBounded()
    {
        Assert.Equal(0.5, DeterministicMath.Sigmoid(0));
        Assert.Equal(1.0, DeterministicMath.Sigmoid(3) + DeterministicMath.Sigmoid(-3), 15);
        Assert.Equal(1 / (1 + Math.Exp(-2.5)), DeterministicMath.Sigmoid(2.5), 15);
        Assert.InRange(DeterministicMath.Sigmoid(-800), 0.0, 1e-300);
        Assert.Equal(1.0, DeterministicMath.Sigmoid(800));
    }
}
