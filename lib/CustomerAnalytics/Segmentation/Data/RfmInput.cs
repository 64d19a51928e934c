using System.Globalization;
using CustomerAnalytics.Data;
using CustomerAnalytics.Display;
using CustomerAnalytics.Sql;
using Microsoft.Data.Analysis;

namespace CustomerAnalytics.Segmentation.Data;

/// <summary>
/// The RFM table this workshop segments, where it came from, and whether that is the bundled sample. Only a table
/// computed here from the sample may be compared with the sample's truth files: a saved CSV does not say which data
/// it was computed from, so <see cref="Read"/> never counts as the sample.
/// </summary>
/// <param name="Table">One row per customer (workshop 01's columns).</param>
/// <param name="Source">In words: "computed from ... with workshop 01's SQL, as of ..." or "read from ...".</param>
/// <param name="FromSample">True only when the table was computed here from the bundled sample data.</param>
/// <param name="Load">The loader's report (rows read and rejected, with reasons), or null for a table read from a file.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record RfmInput(DataFrame Table, string Source, bool FromSample, IHtmlRenderable? Load) : IHtmlRenderable
{
    /// <summary>
    /// Loads the three Olist files of a local folder into DuckDB and runs workshop 01's SQL steps
    /// (<see cref="RfmPipeline.ForOlist"/>) on them.
    /// </summary>
    /// <param name="folder">The folder with the three Kaggle Olist CSVs (download S3 data first, with S3Transfer).</param>
    /// <param name="fromSample">Whether that folder holds the bundled sample (<c>workshop.IsSample(olistSource)</c>).</param>
    /// <param name="options">As-of date and order statuses; the defaults are workshop 01's.</param>
    /// <exception cref="DataFileNotFoundException">A file is missing.</exception>
    /// <exception cref="DataValidationException">The files fail the load checks (see the message).</exception>
    /// <exception cref="SqlEngineException">No purchase survives the SQL steps.</exception>
    public static RfmInput FromOlist(string folder, bool fromSample, RfmOptions? options = null)
    {
        using var db = new WorkshopDatabase();
        var load = DatasetLoader.LoadOlist(db, folder);
        return Computed(RfmPipeline.ForOlist(db, options).RunAll(), folder, fromSample, load);
    }

    /// <summary>
    /// Loads an Online Retail CSV (UCI / Kaggle layout) into DuckDB and runs workshop 01's RFM steps (spend
    /// net of returns) (<see cref="RfmPipeline.ForOnlineRetail"/>) on it. The customer id column is <c>customer_unique_id</c>,
    /// the Online Retail <c>CustomerID</c> as text.
    /// </summary>
    /// <param name="path">The local Online Retail CSV file.</param>
    /// <param name="fromSample">Whether that file is the bundled sample (<c>workshop.IsSample(retailSource)</c>).</param>
    /// <param name="options">As-of date and non-product stock codes; the defaults are workshop 01's.</param>
    /// <exception cref="DataFileNotFoundException">The file is missing.</exception>
    /// <exception cref="DataValidationException">The file fails the load checks (see the message).</exception>
    /// <exception cref="SqlEngineException">No customer with a purchase and a positive net spend remains.</exception>
    public static RfmInput FromOnlineRetail(string path, bool fromSample, RfmOptions? options = null)
    {
        using var db = new WorkshopDatabase();
        var load = DatasetLoader.LoadOnlineRetail(db, path);
        return Computed(RfmPipeline.ForOnlineRetail(db, options).RunAll(), path, fromSample, load);
    }

    /// <summary>
    /// Reads a saved RFM table (workshop 01's <c>rfm_olist.csv</c>, or your own export with the same columns). It
    /// never counts as the sample: the file does not record which data it was computed from.
    /// </summary>
    /// <exception cref="SegmentationException">The file does not exist or has no header.</exception>
    public static RfmInput Read(string rfmCsvPath) =>
        new(RfmTableFile.Read(rfmCsvPath), $"read from {Path.GetFullPath(rfmCsvPath)}", false, null);

    private static RfmInput Computed(RfmResult rfm, string source, bool fromSample, IHtmlRenderable load)
    {
        return new RfmInput(rfm.Table, $"computed from {Path.GetFullPath(source)}{(fromSample ? " (the bundled sample)" : "")} with workshop 01's SQL, as of {rfm.AsOfDate:yyyy-MM-dd}", fromSample, load);
    }

    /// <summary>
    /// Each customer's rule-based segment from workshop 01's R x F grid (id → segment): the baseline the truth
    /// comparison measures k-means against.
    /// </summary>
    /// <exception cref="SegmentationException">The table has no <paramref name="idColumn"/> or <paramref name="segmentColumn"/> column.</exception>
    public IReadOnlyDictionary<string, string> RfmSegments(string idColumn = "customer_unique_id", string segmentColumn = "segment")
    {
        var names = Table.Columns.Select(c => c.Name).ToArray();
        if (!names.Contains(idColumn) || !names.Contains(segmentColumn))
            throw new SegmentationException($"The RFM table needs the columns {idColumn} and {segmentColumn} for its segments; found {string.Join(", ", names)}.");
        var (ids, segments) = (Table.Columns[idColumn], Table.Columns[segmentColumn]);
        return Enumerable.Range(0, (int)Table.Rows.Count).ToDictionary(i => Convert.ToString(ids[i], CultureInfo.InvariantCulture)!,
            i => Convert.ToString(segments[i], CultureInfo.InvariantCulture)!, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public override string ToString() => $"RFM table: {Table.Rows.Count:N0} customers, {Source}";

    /// <inheritdoc />
    public string ToHtml() => $"<div><b>{Html.Encode(ToString())}</b>{Load?.ToHtml()}{Html.FromDataFrame(Table, 5)}</div>";
}
