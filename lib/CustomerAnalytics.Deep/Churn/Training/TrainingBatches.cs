using CustomerAnalytics.Torch;
using CustomerAnalytics.Churn.Data;

namespace CustomerAnalytics.Churn.Training;

/// <summary>
/// The batches of one training epoch, as index arrays into a <see cref="SequenceDataset"/>: shuffled with a seeded
/// <see cref="Random"/>, capped at <see cref="TrainingOptions.MaxTrainExamples"/> (a seeded sample) when set, and
/// length-sorted within each run of 20 batches so a batch holds similar lengths and pads little.
/// </summary>
public static class TrainingBatches
{
    /// <summary>This epoch's batches (draws from <paramref name="random"/>, so consecutive epochs differ but a seed repeats them).</summary>
    public static IReadOnlyList<int[]> Shuffled(SequenceDataset data, TrainingOptions settings, Random random)
    {
        var order = Enumerable.Range(0, data.Count).ToArray();
        random.Shuffle(order);
        order = order[..ExamplesPerEpoch(data, settings)];
        var chunk = settings.BatchSize * 20;
        var batches = new List<int[]>();
        for (int start = 0; start < order.Length; start += chunk)
        {
            var sorted = order[start..Math.Min(order.Length, start + chunk)].OrderBy(i => data.Sequences[i].Length).ToArray();
            for (int b = 0; b < sorted.Length; b += settings.BatchSize) batches.Add(sorted[b..Math.Min(sorted.Length, b + settings.BatchSize)]);
        }
        var shuffled = batches.ToArray();
        random.Shuffle(shuffled);
        return shuffled;
    }

    /// <summary>How many examples an epoch trains on: all of them, or <see cref="TrainingOptions.MaxTrainExamples"/> when smaller.</summary>
    public static int ExamplesPerEpoch(SequenceDataset data, TrainingOptions settings) =>
        settings.MaxTrainExamples > 0 ? Math.Min(settings.MaxTrainExamples, data.Count) : data.Count;
}
