using System.Globalization;
using CustomerAnalytics.Display;
using Microsoft.Data.Analysis;
using Microsoft.ML;

namespace CustomerAnalytics.Segmentation.Data;

/// <summary>
/// The customers to segment: their ids, the raw feature values from the RFM table, the values k-means is
/// trained on (after any log) and the recency/frequency/monetary columns the cluster profiles describe.
/// Built from the RFM table with <see cref="FromDataFrame"/> or <see cref="FromCsv"/>, which check every value.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed class CustomerFeatures : IHtmlRenderable
{
    // Rows by their input values, element by element: identical customers are interchangeable, so this order
    // depends only on the customers, never on the table's row or id order.
    private static readonly Comparer<double[]> ByValues = Comparer<double[]>.Create((a, b) =>
    {
        for (int j = 0; j < a.Length; j++)
            if (a[j].CompareTo(b[j]) is var c and not 0) return c;
        return 0;
    });

    private readonly Lazy<double[][]> scaled;
    private readonly Lazy<double[][]> canonical;

    private CustomerFeatures(FeatureOptions options, string[] ids, double[][] raw, double[] recency, double[] frequency, double[] monetary)
    {
        Options = options;
        Ids = ids;
        Raw = raw;
        Input = raw.Select(r => r.Select((v, j) => options.Features[j].Transform(v)).ToArray()).ToArray();
        Recency = recency;
        Frequency = frequency;
        Monetary = monetary;
        canonical = new Lazy<double[][]>(() => [.. Input.Order(ByValues)]);
        scaled = new Lazy<double[][]>(() =>
        {
            var ml = new MLContext(0);
            var scaler = MlData.Scaler(ml).Fit(MlData.ToView(ml, CanonicalInput, Width));
            return MlData.ReadVectors(scaler.Transform(MlData.ToView(ml, Input, Width)), MlData.FeaturesColumn);
        });
    }

    /// <summary>The columns and transforms used.</summary>
    public FeatureOptions Options { get; }

    /// <summary>Customer ids, in table order.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>Feature values as in the table, one row per customer.</summary>
    public IReadOnlyList<double[]> Raw { get; }

    /// <summary>Feature values after log(1 + x) where asked: what the ML.NET model receives.</summary>
    public IReadOnlyList<double[]> Input { get; }

    /// <summary>
    /// <see cref="Input"/> sorted by value: the order in which ML.NET's scaler and k-means see the customers, so that
    /// training (k-means++ seeding, cluster numbering, the silhouette sample) never depends on the table's row order.
    /// </summary>
    internal IReadOnlyList<double[]> CanonicalInput => canonical.Value;

    /// <summary>Input scaled to mean 0, standard deviation 1 by ML.NET's mean-variance normaliser: the space k-means works in.</summary>
    public IReadOnlyList<double[]> Scaled => scaled.Value;

    /// <summary>Recency column (days) for profiles.</summary>
    public IReadOnlyList<double> Recency { get; }

    /// <summary>Frequency column (orders) for profiles.</summary>
    public IReadOnlyList<double> Frequency { get; }

    /// <summary>Monetary column (total spend) for profiles and revenue.</summary>
    public IReadOnlyList<double> Monetary { get; }

    /// <summary>
    /// The customers as an ML.NET data view to fit a pipeline on: one row per customer with a vector column
    /// <c>RawFeatures</c> (the <see cref="Input"/> values, after any log), in value order, so that what ML.NET
    /// learns (k-means++ seeding, cluster numbering, the silhouette sample) never depends on the table's row order.
    /// </summary>
    public IDataView ToDataView(MLContext mlContext)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        return MlData.ToView(mlContext, CanonicalInput, Width);
    }

    /// <summary>Number of customers.</summary>
    public int Count => Ids.Count;

    /// <summary>Number of features.</summary>
    public int Width => Options.Features.Count;

    /// <summary>
    /// Reads the features from an RFM table (workshop 01's <c>RfmResult.Table</c> or a loaded CSV). Numeric
    /// columns of any type and text columns holding invariant-culture numbers are accepted.
    /// </summary>
    /// <exception cref="SegmentationException">A column is missing, a value is not a number, missing or NaN, or the table is empty.</exception>
    public static CustomerFeatures FromDataFrame(DataFrame table, FeatureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= FeatureOptions.Default;
        if (options.Features.Count == 0)
            throw new SegmentationException("FeatureOptions.Features is empty: name at least one numeric column of the RFM table to cluster on.");
        var found = table.Columns.Select(c => c.Name).ToArray();
        var missing = options.RequiredColumns.Where(c => !found.Contains(c)).ToArray();
        if (missing.Length > 0)
            throw new SegmentationException(
                $"The RFM table lacks column(s) {string.Join(", ", missing)}. Expected: {string.Join(", ", options.RequiredColumns)}. " +
                $"Found: {string.Join(", ", found)}. Compute the table with workshop 01 (RfmPipeline), or set FeatureOptions to your column names.");
        if (table.Rows.Count == 0)
            throw new SegmentationException("The RFM table has no rows: there are no customers to segment. Check that workshop 01 produced its table.");

        var idColumn = table.Columns[options.IdColumn];
        var ids = Enumerable.Range(0, (int)table.Rows.Count).Select(i => Convert.ToString(idColumn[i], CultureInfo.InvariantCulture) ?? "").ToArray();
        var features = options.Features.Select(f => Numbers(table, f.Column, ids, f.Log)).ToArray();
        var raw = Enumerable.Range(0, ids.Length).Select(i => features.Select(f => f[i]).ToArray()).ToArray();
        return new CustomerFeatures(options, ids, raw,
            Numbers(table, options.RecencyColumn, ids, false), Numbers(table, options.FrequencyColumn, ids, false), Numbers(table, options.MonetaryColumn, ids, false));
    }

    /// <summary>Reads an RFM table CSV (header row, invariant numbers) and then <see cref="FromDataFrame"/>.</summary>
    /// <exception cref="SegmentationException">The file is missing, or its contents fail the checks of <see cref="FromDataFrame"/>.</exception>
    public static CustomerFeatures FromCsv(string path, FeatureOptions? options = null) => FromDataFrame(RfmTableFile.Read(path), options);

    /// <summary>Features for customers given as column → value (scoring a new customer).</summary>
    internal static CustomerFeatures FromValues(FeatureOptions options, string id, IReadOnlyDictionary<string, double> values)
    {
        var table = new DataFrame(new StringDataFrameColumn(options.IdColumn, [id]));
        foreach (var column in options.RequiredColumns.Skip(1))
        {
            if (!values.TryGetValue(column, out var v))
                throw new SegmentationException($"The new customer has no value for '{column}'. The model needs: {string.Join(", ", options.RequiredColumns.Skip(1))}.");
            table.Columns.Add(new DoubleDataFrameColumn(column, [v]));
        }
        return FromDataFrame(table, options);
    }

    private static double[] Numbers(DataFrame table, string name, string[] ids, bool log)
    {
        var column = table.Columns[name];
        var values = new double[ids.Length];
        var problems = new List<string>();
        int bad = 0;
        for (int i = 0; i < ids.Length; i++)
        {
            var (ok, value, why) = Parse(column[i]);
            if (ok && log && value <= -1) (ok, why) = (false, $"{value.ToString(CultureInfo.InvariantCulture)}, but log(1 + x) needs x > -1 (turn Log off for this column)");
            if (ok) { values[i] = value; continue; }
            if (bad++ < 3) problems.Add($"row {i + 1} (customer {ids[i]}): {why}");
        }
        if (bad > 0)
            throw new SegmentationException(
                $"Column '{name}' must hold a number for every customer, but {bad:N0} of {ids.Length:N0} rows do not: {string.Join("; ", problems)}" +
                (bad > 3 ? "; ..." : "") + ". Fix or drop those customers (for example with a SQL filter in workshop 01) before clustering.");
        return values;
    }

    private static (bool Ok, double Value, string Why) Parse(object? cell) => cell switch
    {
        null => (false, 0, "missing value"),
        double d => Finite(d),
        float f => Finite(f),
        decimal m => (true, (double)m, ""),
        int or long or short or byte or uint or ulong or ushort or sbyte => (true, Convert.ToDouble(cell, CultureInfo.InvariantCulture), ""),
        string s when s.Trim().Length == 0 => (false, 0, "missing value"),
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => Finite(d),
        _ => (false, 0, $"'{cell}' is not a number"),
    };

    private static (bool, double, string) Finite(double d) =>
        double.IsNaN(d) ? (false, 0, "NaN") : double.IsInfinity(d) ? (false, 0, "infinite") : (true, d, "");

    /// <inheritdoc />
    public override string ToString() =>
        $"{Count:N0} customers, features: {string.Join(", ", Options.Features.Select(f => f.Label))}";

    /// <inheritdoc />
    public string ToHtml()
    {
        var rows = Options.Features.Select((f, j) =>
        {
            var raw = Raw.Select(r => r[j]).ToArray();
            var scaledValues = Scaled.Select(r => r[j]).ToArray();
            return new object?[] { f.Column, f.Log ? "log(1 + x)" : "none", raw.Min(), Stats.Median(raw), raw.Average(), raw.Max(), Stats.Skewness(raw), Stats.Skewness(Input.Select(r => r[j]).ToArray()), scaledValues.Average(), Stats.StandardDeviation(scaledValues) };
        });
        return Html.Table(["column", "transform", "min", "median", "mean", "max", "skew (raw)", "skew (transformed)", "mean (scaled)", "sd (scaled)"], rows, ToString());
    }
}
