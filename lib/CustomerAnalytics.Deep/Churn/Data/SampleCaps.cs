using CustomerAnalytics.Torch;

namespace CustomerAnalytics.Churn.Data;

/// <summary>
/// The caps that keep workshop 05 quick on a real export: each epoch trains on a seeded sample of at most
/// <see cref="MaxTrainExamples"/> sequences (through <see cref="TrainingOptions.MaxTrainExamples"/>) and early stopping
/// and the grid search validate on a seeded sample of at most <see cref="MaxValidationExamples"/> (<see cref="Apply"/>).
/// The test part is never capped. A cap of 0 means no cap; a cap at or above a part's size changes nothing.
/// </summary>
/// <param name="MaxTrainExamples">Training sequences per epoch; 0 = all.</param>
/// <param name="MaxValidationExamples">Validation sequences; 0 = all.</param>
/// <param name="Seed">Seed of the validation sample.</param>
/// <exception cref="ChurnDataException">A cap is negative (it never means "no cap").</exception>
public sealed record SampleCaps(int MaxTrainExamples, int MaxValidationExamples, int Seed)
{
    /// <summary>Training sequences per epoch; 0 = all.</summary>
    public int MaxTrainExamples { get; init; } = NotNegative(MaxTrainExamples, "maxTrainExamples");

    /// <summary>Validation sequences; 0 = all.</summary>
    public int MaxValidationExamples { get; init; } = NotNegative(MaxValidationExamples, "maxValidationExamples");

    /// <summary><paramref name="split"/> with its validation part replaced by the capped sample (train and test unchanged).</summary>
    public DataSplit<SequenceDataset> Apply(DataSplit<SequenceDataset> split) =>
        split with { Validation = Sample(split.Validation, MaxValidationExamples, Seed) };

    /// <summary>How the caps apply to each named split, as a table (computed on the uncapped splits).</summary>
    public SampleCapsTable Describe(params (string Name, DataSplit<SequenceDataset> Split)[] splits) =>
        new(this, splits.Select(s => new SampleCapsRow(s.Name, s.Split.Train.Count, Capped(s.Split.Train.Count, MaxTrainExamples),
            s.Split.Validation.Count, Capped(s.Split.Validation.Count, MaxValidationExamples), s.Split.Test.Count)).ToArray());

    /// <summary>
    /// At most <paramref name="max"/> examples of <paramref name="data"/>, drawn with <paramref name="seed"/> and kept in
    /// the data's order (which the split made an order of content): the same data and seed give the same sample.
    /// </summary>
    public static SequenceDataset Sample(SequenceDataset data, int max, int seed)
    {
        NotNegative(max, "the cap");
        if (max <= 0 || data.Count <= max) return data;
        var order = Enumerable.Range(0, data.Count).ToArray();
        new Random(seed).Shuffle(order);
        return data.Subset([.. order[..max].Order()]);
    }

    private static int NotNegative(int cap, string name) => cap >= 0 ? cap
        : throw new ChurnDataException($"{name} = {cap}: a cap is 0 (no cap) or a positive number of sequences; a negative one means nothing.");

    private static int Capped(int count, int max) => max > 0 ? Math.Min(count, max) : count;
}
