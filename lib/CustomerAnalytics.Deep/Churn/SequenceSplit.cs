using CustomerAnalytics.Display;

namespace CustomerAnalytics.Churn;

/// <summary>A dataset split by user into train, validation and test parts.</summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record SequenceSplit(SequenceDataset Train, SequenceDataset Validation, SequenceDataset Test) : IHtmlRenderable
{
    /// <summary>Splits <paramref name="data"/> by user (a seeded shuffle of users, then the shares of <paramref name="options"/>).</summary>
    public static SequenceSplit ByUser(SequenceDataset data, SplitOptions? options = null)
    {
        options ??= new SplitOptions();
        if (options.Train <= 0 || options.Validation < 0 || options.Train + options.Validation >= 1)
            throw new ArgumentException("Shares must satisfy 0 < train, 0 <= validation, train + validation < 1.", nameof(options));
        // Users sorted first: the split depends on the seed and the users, not on the file's row order.
        var users = data.UserIds.Distinct().OrderBy(u => u, StringComparer.Ordinal).ToArray();
        new Random(options.Seed).Shuffle(users);
        int nTrain = (int)Math.Round(users.Length * options.Train), nValid = (int)Math.Round(users.Length * options.Validation);
        var part = new Dictionary<string, int>();
        for (int i = 0; i < users.Length; i++) part[users[i]] = i < nTrain ? 0 : i < nTrain + nValid ? 1 : 2;
        var idx = Enumerable.Range(0, data.Count).GroupBy(i => part[data.UserIds[i]]).ToDictionary(g => g.Key, g => g.ToArray());
        return new SequenceSplit(data.Subset(idx.GetValueOrDefault(0, [])), data.Subset(idx.GetValueOrDefault(1, [])), data.Subset(idx.GetValueOrDefault(2, [])));
    }

    /// <inheritdoc />
    public override string ToString() => $"train {Train.Count:N0}, validation {Validation.Count:N0}, test {Test.Count:N0} sequences";

    /// <inheritdoc />
    public string ToHtml() => Html.Table(["part", "sequences", "users", "share of sequences"],
        new[] { ("train", Train), ("validation", Validation), ("test", Test) }.Select(p => new object?[]
            { p.Item1, p.Item2.Count, p.Item2.UserIds.Distinct().Count(), Math.Round(p.Item2.Count / (double)Math.Max(1, Train.Count + Validation.Count + Test.Count), 3) }),
        $"{Train.Task}: split by user");
}
