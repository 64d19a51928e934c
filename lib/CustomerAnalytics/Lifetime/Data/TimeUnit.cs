namespace CustomerAnalytics.Lifetime.Data;

/// <summary>The unit of every time in a lifetime model: recency, age and horizons. A fitted model keeps its unit and converts horizons given in another.</summary>
public enum TimeUnit
{
    /// <summary>Days.</summary>
    Days,
    /// <summary>Weeks of 7 days (the unit of the published CDNOW figures).</summary>
    Weeks,
}

/// <summary>Conversions between <see cref="TimeUnit"/>s.</summary>
public static class TimeUnits
{
    /// <summary>Days in one <paramref name="unit"/>.</summary>
    public static double Days(this TimeUnit unit) => unit switch
    {
        TimeUnit.Days => 1,
        TimeUnit.Weeks => 7,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Days or Weeks."),
    };

    /// <summary><paramref name="value"/> <paramref name="from"/> expressed in <paramref name="to"/>.</summary>
    public static double Convert(double value, TimeUnit from, TimeUnit to) => value * from.Days() / to.Days();
}
