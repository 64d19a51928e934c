namespace CustomerAnalytics.Training;

/// <summary>What one epoch of training achieved.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="Loss">Mean training loss of the epoch.</param>
/// <param name="Metric">Validation metric (its name is <see cref="TrainingProgress.MetricName"/>), if measured.</param>
/// <param name="ValidationLoss">Mean validation loss, if measured.</param>
/// <param name="Elapsed">Time since training started.</param>
/// <param name="IsBest">True when the training loop called this epoch a new best (it kept its weights).</param>
public sealed record EpochRecord(int Epoch, double Loss, double? Metric, double? ValidationLoss, TimeSpan Elapsed, bool IsBest = false);
