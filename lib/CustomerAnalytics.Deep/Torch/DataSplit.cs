using CustomerAnalytics.Display;

namespace CustomerAnalytics.Torch;

/// <summary>Train, validation and test parts of a data set. <see cref="Groups"/> counts the groups (users) per part
/// when the split kept groups together.</summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record DataSplit<T>(T Train, T Validation, T Test) : IHtmlRenderable
{
    /// <summary>Groups per part when split by group (<see cref="DataSplit.ByGroup"/>), else null.</summary>
    public (int Train, int Validation, int Test)? Groups { get; init; }

    /// <summary>The same split with each part mapped by <paramref name="map"/> (e.g. indices to a data subset).</summary>
    public DataSplit<TOut> Select<TOut>(Func<T, TOut> map) => new(map(Train), map(Validation), map(Test)) { Groups = Groups };

    /// <inheritdoc />
    public override string ToString() => $"train {Size(Train):N0}, validation {Size(Validation):N0}, test {Size(Test):N0}" +
        (Groups is { } g ? $" (groups {g.Train:N0} / {g.Validation:N0} / {g.Test:N0})" : "");

    /// <inheritdoc />
    public string ToHtml()
    {
        int total = Math.Max(1, Size(Train) + Size(Validation) + Size(Test));
        var groups = Groups is { } g ? new[] { g.Train, g.Validation, g.Test } : null;
        var rows = new[] { ("train", Train), ("validation", Validation), ("test", Test) }.Select((p, i) =>
            new object?[] { p.Item1, Size(p.Item2) }.Concat(groups is null ? [] : [groups[i]]).Append(Math.Round(Size(p.Item2) / (double)total, 3)).ToArray());
        return Html.Table(["part", "items", .. groups is null ? Array.Empty<string>() : ["groups"], "share of items"], rows,
            groups is null ? "Seeded split" : "Split by group: no group in two parts");
    }

    private static int Size(T part) => part is IReadOnlyCollection<object> c ? c.Count : part is ISized s ? s.Count : 0;
}

/// <summary>Something with a number of items (a columnar data set that is no collection).</summary>
public interface ISized
{
    /// <summary>Number of items.</summary>
    int Count { get; }
}

/// <summary>Seeded train/validation/test splits that do not depend on the order of the rows or the naming of ids.</summary>
public static class DataSplit
{
    /// <summary>Shuffles <paramref name="items"/> with the seed of <paramref name="options"/> and cuts off the test,
    /// then the validation share; the rest is training data. Pass the items in an order of their content (not of
    /// the file's rows) for a split that does not change when the rows are reordered.</summary>
    public static DataSplit<IReadOnlyList<T>> Create<T>(IReadOnlyList<T> items, SplitOptions? options = null)
    {
        var (test, validation) = Cut(items.Count, options ??= new SplitOptions());
        var shuffled = items.ToArray();
        new Random(options.Seed).Shuffle(shuffled);
        return new(shuffled[(test + validation)..], shuffled[test..(test + validation)], shuffled[..test]);
    }

    /// <summary>
    /// Splits item indices so that all items of a group (a user) land in one part. Groups are put in the order of
    /// their content (the sorted contents of their items) before the seeded shuffle, so which data lands in which part
    /// depends on the data and the seed only, never on how ids are named or rows are ordered; groups with equal content
    /// are interchangeable. Each part lists its groups in shuffled order, a group's items by content.
    /// </summary>
    /// <param name="groupOf">The group of each item.</param>
    /// <param name="contentOf">Each item's content as text (e.g. its label and tokens).</param>
    /// <param name="options">Shares and seed; defaults when null.</param>
    public static DataSplit<int[]> ByGroup(IReadOnlyList<string> groupOf, IReadOnlyList<string> contentOf, SplitOptions? options = null)
    {
        if (groupOf.Count != contentOf.Count) throw new ArgumentException($"{groupOf.Count} groups but {contentOf.Count} contents: give one of each per item.");
        var items = Enumerable.Range(0, groupOf.Count).GroupBy(i => groupOf[i], StringComparer.Ordinal)
            .Select(g => g.OrderBy(i => contentOf[i], StringComparer.Ordinal).ThenBy(i => i).ToArray()).ToArray();
        var groups = items.OrderBy(g => string.Join('\u001f', g.Select(i => contentOf[i])), StringComparer.Ordinal).ToArray();
        var (test, validation) = Cut(groups.Length, options ??= new SplitOptions());
        new Random(options.Seed).Shuffle(groups);
        int[] Part(Range r) => groups[r].SelectMany(g => g).ToArray();
        return new(Part((test + validation)..), Part(test..(test + validation)), Part(..test))
            { Groups = (groups.Length - test - validation, validation, test) };
    }

    private static (int Test, int Validation) Cut(int count, SplitOptions options)
    {
        if (options.Validation < 0 || options.Test < 0 || options.Validation + options.Test >= 1)
            throw new ArgumentException($"Validation ({options.Validation}) and test ({options.Test}) shares must be non-negative and sum to less than 1.", nameof(options));
        return ((int)Math.Round(count * options.Test), (int)Math.Round(count * options.Validation));
    }
}
