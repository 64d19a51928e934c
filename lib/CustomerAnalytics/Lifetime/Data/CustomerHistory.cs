namespace CustomerAnalytics.Lifetime.Data;

/// <summary>
/// What a buy-till-you-die model knows of one customer at the end of the calibration period, in the model's time unit:
/// <list type="bullet">
/// <item><see cref="Frequency"/> (x): repeat purchases, that is purchase days after the first (several purchases on one day count once);</item>
/// <item><see cref="Recency"/> (t_x): time from the first purchase to the last repeat purchase (0 when x = 0), not the time since the last purchase as in RFM;</item>
/// <item><see cref="Age"/> (T): time from the first purchase to the end of the calibration period.</item>
/// </list>
/// </summary>
public sealed record CustomerHistory(string CustomerId, int Frequency, double Recency, double Age)
{
    /// <summary>Why this history is impossible, or null when it is valid.</summary>
    public string? Problem() =>
        Frequency < 0 ? "a negative frequency"
        : !(Age > 0) ? "an age (T) that is not positive"
        : !(Recency >= 0) || Recency > Age + 1e-9 ? "a recency (t_x) outside 0..T"
        : Frequency == 0 && Recency != 0 ? "a recency without repeat purchases (t_x must be 0 when x = 0)"
        : Frequency > 0 && Recency == 0 ? "repeat purchases with recency 0 (a repeat purchase is on a later day than the first)"
        : null;
}
