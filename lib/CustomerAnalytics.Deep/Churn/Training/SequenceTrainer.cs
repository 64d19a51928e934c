using CustomerAnalytics.Torch;
using CustomerAnalytics.Training;
using CustomerAnalytics.Evaluation;
using CustomerAnalytics.Churn.Data;

namespace CustomerAnalytics.Churn.Training;

/// <summary>
/// The pieces of workshop 05's training loop that the notebook calls from its cells (the loop itself is written out
/// there): the check for empty parts, a validation pass, and the result of a finished run.
/// </summary>
public static class SequenceTrainer
{
    /// <summary>Fails with what to do when the train or validation part is empty.</summary>
    public static void RequireExamples(DataSplit<SequenceDataset> data)
    {
        if (data.Train.Count == 0 || data.Validation.Count == 0)
            throw new ChurnDataException($"Training needs examples in both the train ({data.Train.Count}) and validation ({data.Validation.Count}) parts; use more users or other split shares.");
    }

    /// <summary>Validation scores of <paramref name="model"/> on <paramref name="data"/> and its mean cross-entropy.</summary>
    public static (ClassificationReport Report, double Loss) Validate(TrainedModel model, SequenceDataset data)
    {
        var predictions = model.Predict(data);
        double loss = 0;
        for (int i = 0; i < data.Count; i++) loss -= Math.Log(Math.Max(1e-12, predictions.Probabilities[i][data.Labels[i]]));
        return (predictions.Report, loss / Math.Max(1, data.Count));
    }

    /// <summary>
    /// The result of a finished run: the model (its best weights already restored), the epochs reported to
    /// <paramref name="progress"/>, the best epoch of <paramref name="stopping"/> and its validation scores.
    /// </summary>
    public static TrainingResult Result(TrainedModel model, TrainingProgress progress, EarlyStopping stopping, ClassificationReport validation, double seconds, int examplesPerEpoch) =>
        new(model, progress.History, stopping.BestEpoch, validation, stopping.ShouldStop && progress.History.Count < progress.TotalEpochs,
            seconds, progress.History.Count * (double)examplesPerEpoch / Math.Max(1e-9, seconds));
}
