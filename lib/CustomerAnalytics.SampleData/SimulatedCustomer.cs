namespace CustomerAnalytics.SampleData;

/// <summary>
/// One simulated customer: their calibration history in weeks (x, t_x, T), their average repeat spend, the purchases
/// they really make in the holdout, and the hidden truth that made them (rate, dropout probability, mean spend).
/// </summary>
public sealed record SimulatedCustomer(string CustomerId, int Frequency, double Recency, double Age, double AverageRepeatSpend,
    int HoldoutPurchases, double PurchaseRate, double DropoutProbability, double MeanSpend);
