using System.Globalization;
using System.Text;

namespace CustomerAnalytics.Data;

/// <summary>More rows were rejected than <see cref="LoadOptions.MaxErrors"/> allows. Nothing was loaded;
/// <see cref="Report"/> holds the counts for the whole file and the first bad rows.</summary>
public sealed class DataValidationException : WorkshopException
{
    /// <summary>The report of the whole file (every row was still read and counted).</summary>
    public LoadReport Report { get; }

    internal DataValidationException(LoadReport report) : base(BuildMessage(report)) => Report = report;

    private static string BuildMessage(LoadReport r)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"{r.File}: {r.RowsRejected:N0} of {r.RowsRead:N0} rows rejected, more than MaxErrors = {r.MaxErrors:N0}, so nothing was loaded.");
        sb.Append(" Rejected by reason: ")
          .Append(string.Join(", ", r.RejectsByReason.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key.Describe()} {kv.Value:N0}")))
          .Append('.');
        sb.Append(" First bad rows:");
        foreach (var row in r.FirstRejects.Take(10)) sb.AppendLine().Append("  ").Append(row);
        sb.AppendLine().Append(
            "Fix the file (or check it is the right file for this dataset), or raise the budget with" +
            " new LoadOptions { MaxErrors = ... } to load the good rows and inspect the rejects in the LoadReport.");
        return sb.ToString();
    }
}
