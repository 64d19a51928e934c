using Microsoft.DotNet.Interactive.Documents;

namespace CustomerAnalytics.Runner;

/// <summary>The Jupyter cell tags the runner and the app generator act on.</summary>
public static class CellTags
{
    /// <summary>An exercise's TODO cell: the attendee's placeholder. Apps leave it out (they run the solution).</summary>
    public const string Exercise = "exercise";

    /// <summary>An exercise's hidden solution cell. The attendee copies (<see cref="AttendeeGenerator"/>) leave it out.</summary>
    public const string Solution = "solution";

    /// <summary>
    /// The notebook's last cell, collapsed: the key numbers (<c>workshop.KeyNumbers(...)</c>) the runner's report index
    /// and the notebook-versus-app tests read. It runs like any cell; it is tagged so that an attendee can skip it.
    /// </summary>
    public const string Runner = "runner";

    /// <summary>True when the cell's metadata tags contain <paramref name="tag"/>.</summary>
    public static bool Has(InteractiveDocumentElement cell, string tag) =>
        // Documents keeps Jupyter cell metadata as plain objects: tags arrive as object[] of strings.
        cell.Metadata is { } metadata && metadata.TryGetValue("tags", out var tags) &&
        tags is System.Collections.IEnumerable list && tags is not string &&
        list.Cast<object?>().Any(t => string.Equals(t?.ToString(), tag, StringComparison.Ordinal));
}
