using CustomerAnalytics.Evaluation;

namespace CustomerAnalytics.Tests.Evaluation;

/// <summary>Intervals: the Wilson bounds of textbook cases, overlap, printing and refused inputs.</summary>
public sealed class IntervalTests
{
    [Fact]
    public void Wilson_bounds_match_the_textbook_values()
    {
        var eightOfTen = Interval.Wilson(8, 10);
        Assert.Equal(0.8, eightOfTen.Estimate, 12);
        Assert.Equal(0.4902, eightOfTen.Lower, 4);
        Assert.Equal(0.9433, eightOfTen.Upper, 4);

        var none = Interval.Wilson(0, 10);
        Assert.Equal(0, none.Lower);
        Assert.Equal(0.2775, none.Upper, 4);
        Assert.Equal(1, Interval.Wilson(10, 10).Upper, 12);
    }

    [Fact]
    public void Wilson_narrows_with_more_trials_and_widens_with_the_level()
    {
        double Width(Interval i) => i.Upper - i.Lower;
        Assert.True(Width(Interval.Wilson(400, 1000)) < Width(Interval.Wilson(40, 100)) / 3);
        Assert.True(Width(Interval.Wilson(40, 100, 0.99)) > Width(Interval.Wilson(40, 100, 0.90)));
    }

    [Fact]
    public void Overlap_is_symmetric_and_touching_counts()
    {
        var a = new Interval(0.5, 0.4, 0.6);
        Assert.True(a.Overlaps(new Interval(0.7, 0.6, 0.8)));
        Assert.True(new Interval(0.7, 0.6, 0.8).Overlaps(a));
        Assert.False(a.Overlaps(new Interval(0.7, 0.61, 0.8)));
        Assert.True(a.Overlaps(Interval.Exact(0.45)));
    }

    [Fact]
    public void Prints_the_figure_and_its_bounds()
    {
        Assert.Equal("0.584 [0.551, 0.617]", new Interval(0.584, 0.551, 0.617).ToString());
        Assert.Equal("0.700", Interval.Exact(0.7).ToString());
        Assert.Equal("58.4% [55.1%, 61.7%]", new Interval(0.584, 0.551, 0.617).ToString("P1"));
    }

    [Fact]
    public void Refuses_bounds_that_do_not_hold_the_estimate_and_bad_counts()
    {
        Assert.Contains("lower <= estimate <= upper", Assert.Throws<ArgumentException>(() => new Interval(0.7, 0.4, 0.6)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Interval(0.5, 0.4, 0.6, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Interval.Wilson(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Interval.Wilson(11, 10));
    }
}
