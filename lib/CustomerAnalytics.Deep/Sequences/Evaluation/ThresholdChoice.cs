using System.Globalization;
using CustomerAnalytics.Sequences.Data;

namespace CustomerAnalytics.Sequences.Evaluation;

/// <summary>
/// A decision threshold chosen on labelled data (the validation set): a case counts as positive when its probability
/// is above <see cref="Threshold"/>. Choosing it on validation data and applying it unchanged to the test set
/// keeps the test set out of every decision, so two models judged this way are compared fairly.
/// </summary>
/// <param name="Threshold">The chosen threshold: halfway between two probabilities seen (or half the lowest), so that no
/// probability it was chosen on sits exactly on it.</param>
/// <param name="F1">F1 of the positive class at that threshold on the data it was chosen on.</param>
/// <param name="Candidates">Distinct thresholds tried.</param>
public sealed record ThresholdChoice(double Threshold, double F1, int Candidates)
{
    /// <summary>
    /// The threshold that maximises F1 of the positive class. Every way of calling the cases with the highest
    /// probabilities positive is tried (one threshold between each two distinct probabilities, and one below the lowest
    /// when it is above 0); among equal F1 the highest threshold wins (fewer positive calls for the same F1). The answer does not depend on
    /// the order of the cases.
    /// </summary>
    /// <exception cref="ArgumentException">The two lists differ in length, are empty, or a probability is not finite.</exception>
    /// <exception cref="SequenceInputException">No case is positive: F1 is zero at every threshold, so there is nothing to choose.</exception>
    public static ThresholdChoice MaximiseF1(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels)
    {
        if (probabilities.Count != labels.Count || probabilities.Count == 0)
            throw new ArgumentException($"Give one label per probability ({probabilities.Count} probabilities, {labels.Count} labels), at least one of each.");
        if (probabilities.Any(p => !double.IsFinite(p)))
            throw new ArgumentException("Every probability must be a finite number.", nameof(probabilities));
        int positives = labels.Count(l => l);
        if (positives == 0)
            throw new SequenceInputException($"None of the {labels.Count} cases is positive, so no threshold can be chosen: use a larger validation set or data with conversions.");
        // Sweep thresholds from high to low: lowering it past a probability turns all cases with that probability positive.
        var groups = probabilities.Zip(labels).GroupBy(x => x.First).Select(g => (P: g.Key, Pos: g.Count(x => x.Second), All: g.Count()))
            .OrderByDescending(g => g.P).ToArray();
        int tp = 0, predicted = 0;
        var best = (Threshold: double.NaN, F1: -1.0);
        for (int i = 0; i < groups.Length; i++)
        {
            tp += groups[i].Pos;
            predicted += groups[i].All;
            double threshold = i + 1 < groups.Length ? (groups[i].P + groups[i + 1].P) / 2 : groups[i].P / 2;
            if (i + 1 == groups.Length && groups[i].P <= 0) break; // nothing is above a threshold below 0
            double f1 = 2.0 * tp / (predicted + positives);
            if (f1 > best.F1) best = (threshold, f1);
        }
        return new ThresholdChoice(best.Threshold, best.F1, groups.Length);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"threshold {Threshold:0.####} (F1 {F1:F3}, {Candidates} candidates)");
}
