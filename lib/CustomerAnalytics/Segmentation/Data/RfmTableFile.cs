using Microsoft.Data.Analysis;

namespace CustomerAnalytics.Segmentation.Data;

/// <summary>Reads the RFM table CSV workshop 01 writes (every column as text; <see cref="CustomerFeatures"/> parses the numbers).</summary>
public static class RfmTableFile
{
    /// <summary>Loads the CSV at <paramref name="path"/> with every column as text, so ids keep their leading zeros and bad numbers are reported, not guessed.</summary>
    /// <exception cref="SegmentationException">The file does not exist or has no header.</exception>
    public static DataFrame Read(string path)
    {
        if (!File.Exists(path))
            throw new SegmentationException($"No RFM table at {Path.GetFullPath(path)}. Run notebook 01 (it writes workshop.ResultsPath(\"rfm_olist.csv\")) or compute it with RfmPipeline.ForOlist(...).RunAll().");
        var header = File.ReadLines(path).FirstOrDefault();
        if (string.IsNullOrWhiteSpace(header))
            throw new SegmentationException($"{Path.GetFullPath(path)} is empty: expected a header row such as customer_unique_id,recency_days,frequency,monetary_total,...");
        var columns = header.Split(',').Length;
        return DataFrame.LoadCsv(path, dataTypes: Enumerable.Repeat(typeof(string), columns).ToArray());
    }

    /// <summary>Writes a DataFrame as CSV with invariant-culture numbers (for example the RFM table, when recomputed here).</summary>
    public static string Write(DataFrame table, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        DataFrame.SaveCsv(table, path, cultureInfo: System.Globalization.CultureInfo.InvariantCulture);
        return Path.GetFullPath(path);
    }
}
