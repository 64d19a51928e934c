namespace CustomerAnalytics.Benchmarks;

/// <summary>
/// What a caller of <see cref="PropensityTrainer"/> may change: the seed and the boosting rounds (the notebook's
/// parameters; every trainer runs on one thread, as the notebook runs its tree learners, so results are identical run to
/// run). The other
/// hyper-parameters are notebook 03's settings, stated in XGBoost's terms and mapped onto ML.NET (see <see cref="PropensityTrainer"/>),
/// as notebook 03 builds them in view.
/// </summary>
public sealed record PropensityTrainingOptions
{
    /// <summary>Seed of the MLContext and of every trainer's own randomness (subsampling).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Boosting rounds (XGBoost num_round 100): LightGBM iterations, FastTree trees.</summary>
    public int Rounds { get; init; } = 100;
}
