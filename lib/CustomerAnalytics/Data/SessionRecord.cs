namespace CustomerAnalytics.Data;

/// <summary>
/// One browsing session of the propensity dataset: the user, the 23 yes/no behaviour flags in the order of
/// <see cref="DatasetSchemas.PropensityFeatures"/>, and whether the session ended in an order (null in scoring files,
/// which have no label).
/// </summary>
public sealed record SessionRecord
{
    /// <summary>User identifier.</summary>
    public required string UserId { get; init; }
    /// <summary>The flags, one per name of <see cref="DatasetSchemas.PropensityFeatures"/>, in that (the file's) order.</summary>
    public required IReadOnlyList<bool> Flags { get; init; }
    /// <summary>The label: the session ended in an order; null when the file has no label.</summary>
    public bool? Ordered { get; init; }

    /// <summary>Maps a row of a table loaded with <see cref="DatasetSchemas.PropensitySessions"/> (UserID, the
    /// features, then <c>ordered</c> when the file has it), by column position.</summary>
    internal static SessionRecord FromRecord(System.Data.IDataRecord r)
    {
        bool F(int i) => Convert.ToInt32(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) == 1;
        int features = DatasetSchemas.PropensityFeatures.Count;
        return new()
        {
            UserId = r.GetString(0),
            Flags = Enumerable.Range(1, features).Select(F).ToArray(),
            Ordered = r.FieldCount > features + 1 ? F(features + 1) : null,
        };
    }
}
