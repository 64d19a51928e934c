namespace CustomerAnalytics.Sequences;

/// <summary>Train, validation and test parts of a data set, drawn by a seeded shuffle.</summary>
public sealed record DataSplit<T>(IReadOnlyList<T> Train, IReadOnlyList<T> Validation, IReadOnlyList<T> Test);

/// <summary>Seeded train/validation/test splits.</summary>
public static class DataSplit
{
    /// <summary>Shuffles <paramref name="items"/> with <paramref name="seed"/> and cuts off the validation and
    /// test fractions; the rest is training data. The same seed always gives the same split.</summary>
    public static DataSplit<T> Create<T>(IReadOnlyList<T> items, double validationFraction = 0.1, double testFraction = 0.2, int seed = 42)
    {
        if (validationFraction < 0 || testFraction < 0 || validationFraction + testFraction >= 1)
            throw new ArgumentException($"Validation ({validationFraction}) and test ({testFraction}) fractions must be non-negative and sum to less than 1.");
        var shuffled = items.ToArray();
        new Random(seed).Shuffle(shuffled);
        int test = (int)Math.Round(shuffled.Length * testFraction), validation = (int)Math.Round(shuffled.Length * validationFraction);
        return new DataSplit<T>(shuffled[(test + validation)..], shuffled[test..(test + validation)], shuffled[..test]);
    }
}
