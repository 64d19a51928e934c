namespace CustomerAnalytics.Torch;

/// <summary>
/// Stops training when a validation score has not improved for <see cref="Patience"/> epochs.
/// Model-agnostic: feed it one score per epoch and ask whether to stop.
/// </summary>
public sealed class EarlyStopping(int patience, bool lowerIsBetter = true, double minDelta = 1e-4)
{
    /// <summary>Epochs without improvement tolerated before stopping.</summary>
    public int Patience { get; } = patience >= 1 ? patience : throw new ArgumentOutOfRangeException(nameof(patience), patience, "Patience must be at least 1 epoch.");
    /// <summary>Best score so far (NaN before the first epoch).</summary>
    public double BestScore { get; private set; } = double.NaN;
    /// <summary>Epoch of the best score (0 before the first epoch).</summary>
    public int BestEpoch { get; private set; }
    /// <summary>Epochs since the best score.</summary>
    public int EpochsWithoutImprovement { get; private set; }
    /// <summary>True once patience ran out.</summary>
    public bool ShouldStop => EpochsWithoutImprovement >= Patience;

    /// <summary>Records an epoch's score; returns true when it is a new best (save a checkpoint then).</summary>
    public bool Update(int epoch, double score)
    {
        bool improved = double.IsNaN(BestScore) || (lowerIsBetter ? score < BestScore - minDelta : score > BestScore + minDelta);
        if (improved) { BestScore = score; BestEpoch = epoch; EpochsWithoutImprovement = 0; }
        else EpochsWithoutImprovement++;
        return improved;
    }
}
