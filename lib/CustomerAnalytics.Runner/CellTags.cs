using Microsoft.DotNet.Interactive.Documents;

namespace CustomerAnalytics.Runner;

/// <summary>The Jupyter cell tags the runner and the app generator act on.</summary>
public static class CellTags
{
    /// <summary>An exercise's TODO cell: the attendee's placeholder. Apps leave it out (they run the solution).</summary>
    public const string Exercise = "exercise";

    /// <summary>An exercise's hidden solution cell. The attendee copies (<see cref="AttendeeGenerator"/>) leave it out.</summary>
    public const string Solution = "solution";

    /// <summary>True when the cell's metadata tags contain <paramref name="tag"/>.</summary>
    public static bool Has(InteractiveDocumentElement cell, string tag) =>
        // Documents keeps Jupyter cell metadata as plain objects: tags arrive as object[] of strings.
        cell.Metadata is { } metadata && metadata.TryGetValue("tags", out var tags) &&
        tags is System.Collections.IEnumerable list && tags is not string &&
        list.Cast<object?>().Any(t => string.Equals(t?.ToString(), tag, StringComparison.Ordinal));
}
