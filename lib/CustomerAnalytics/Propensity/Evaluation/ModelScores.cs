using Microsoft.ML;
using Microsoft.ML.Data;

namespace CustomerAnalytics.Propensity.Evaluation;

/// <summary>
/// One model's probabilities of labelled sessions, read out of the data view its <c>Transform</c> produced: what the
/// charts (ROC and precision-recall points), the calibration curve, the gains table and the profit curve need. The
/// metrics themselves come from <c>mlContext.BinaryClassification.Evaluate</c>.
/// </summary>
/// <param name="Model">Model name, for legends.</param>
/// <param name="Probabilities">Probability of an order of each session, in the data view's order.</param>
/// <param name="Labels">Whether each session ordered, in the same order.</param>
public sealed record ModelScores(string Model, IReadOnlyList<double> Probabilities, IReadOnlyList<bool> Labels)
{
    /// <summary>Reads the <c>Probability</c> and <c>Label</c> columns of a scored data view.</summary>
    /// <exception cref="ArgumentException">The data view has no such columns (it was not scored by a calibrated binary classifier).</exception>
    public static ModelScores From(string model, IDataView scored)
    {
        foreach (var column in new[] { "Probability", "Label" })
            if (scored.Schema.GetColumnOrNull(column) is null)
                throw new ArgumentException($"The data view has no '{column}' column: pass model.Transform(data) of a calibrated binary classifier over labelled sessions.", nameof(scored));
        var probabilities = scored.GetColumn<float>("Probability").Select(p => (double)p).ToArray();
        var labels = scored.GetColumn<bool>("Label").ToArray();
        return new ModelScores(model, probabilities, labels);
    }

    /// <summary>The ROC curve's points.</summary>
    public RocCurve Roc => RocCurve.Compute(Probabilities, Labels);

    /// <summary>The precision-recall curve's points.</summary>
    public PrecisionRecallCurve PrecisionRecall => PrecisionRecallCurve.Compute(Probabilities, Labels);
}
