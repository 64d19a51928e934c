using CustomerAnalytics.Data;
using CustomerAnalytics.Display;
using CustomerAnalytics.Sql;
using Microsoft.Data.Analysis;

namespace CustomerAnalytics.Segmentation;

/// <summary>The RFM table this workshop segments, and where it came from.</summary>
/// <param name="Table">One row per customer (workshop 01's columns).</param>
/// <param name="Source">"read from ..." or "computed from ... (workshop 01's file was absent)".</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record RfmInput(DataFrame Table, string Source) : IHtmlRenderable
{
    /// <summary>
    /// Reads workshop 01's RFM CSV when it exists; otherwise loads the Olist files from <paramref name="olistFolder"/>
    /// into DuckDB and runs workshop 01's SQL steps (RfmPipeline), so this workshop also runs on its own.
    /// </summary>
    public static RfmInput ReadOrCompute(string rfmCsvPath, string olistFolder)
    {
        if (File.Exists(rfmCsvPath))
            return new RfmInput(RfmTableFile.Read(rfmCsvPath), $"read from {Path.GetFullPath(rfmCsvPath)} (written by workshop 01)");
        using var db = new WorkshopDatabase();
        DatasetLoader.LoadOlist(db, olistFolder);
        using var engine = new DuckDbEngine(db);
        var rfm = RfmPipeline.ForOlist(engine).RunAll();
        return new RfmInput(rfm.Table, $"computed from {Path.GetFullPath(olistFolder)} with workshop 01's SQL (no file at {rfmCsvPath}), as of {rfm.AsOfDate:yyyy-MM-dd}");
    }

    /// <inheritdoc />
    public override string ToString() => $"RFM table: {Table.Rows.Count:N0} customers, {Source}";

    /// <inheritdoc />
    public string ToHtml() => $"<div><b>{Html.Encode(ToString())}</b>{Html.FromDataFrame(Table, 5)}</div>";
}
