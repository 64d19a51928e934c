using System.Globalization;
using Microsoft.Data.Analysis;
using Plotly.NET;
using Plotly.NET.CSharp;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace CustomerAnalytics.Charts;

/// <summary>Charts straight from the columns of a query result, for the one-line cells of a notebook.</summary>
public static class FrameCharts
{
    /// <summary>
    /// One bar per row: <paramref name="keyColumn"/> on the x axis, <paramref name="valueColumn"/> as the height, the
    /// value printed on each bar. With <paramref name="logScale"/> the y axis is logarithmic (and says so): use it when
    /// one category dwarfs the rest, which a linear axis shows as one bar and a row of flat lines.
    /// </summary>
    public static GenericChart Column(DataFrame frame, string keyColumn, string valueColumn, string title, bool logScale = false)
    {
        var values = Numbers(frame, valueColumn);
        return CSharpChart.Column<double, string, string>(values, Keys: Labels(frame, keyColumn), Name: valueColumn,
                MultiText: values.Select(v => v.ToString("N0", CultureInfo.InvariantCulture)).ToArray())
            .WithTitle(title)
            .WithXAxisStyle<double, double, string>(TitleText: keyColumn)
            .WithYAxisStyle<double, double, string>(TitleText: logScale ? valueColumn + " (log scale)" : valueColumn,
                AxisType: logScale ? StyleParam.AxisType.Log : StyleParam.AxisType.Auto);
    }

    /// <summary>A line of <paramref name="valueColumn"/> over <paramref name="xColumn"/> (dates or numbers), in row order.</summary>
    public static GenericChart Line(DataFrame frame, string xColumn, string valueColumn, string title) =>
        CSharpChart.Line<string, double, string>(Labels(frame, xColumn), Numbers(frame, valueColumn), Name: valueColumn)
            .WithTitle(title).WithAxisTitles(xColumn, valueColumn);

    /// <summary>A histogram of one numeric column; the y axis counts rows (<paramref name="rowsAre"/>, e.g. "customers").</summary>
    public static GenericChart Histogram(DataFrame frame, string column, string title, int bins = 40, string rowsAre = "rows") =>
        CSharpChart.Histogram<double, double, string>(X: Numbers(frame, column), NBinsX: bins, Name: column)
            .WithTitle(title).WithAxisTitles(column, rowsAre);

    /// <summary>A column's values as doubles (nulls become NaN, which Plotly leaves out).</summary>
    public static double[] Numbers(DataFrame frame, string column) =>
        [.. Column(frame, column).Cast<object?>().Select(v => v is null ? double.NaN : Convert.ToDouble(v, CultureInfo.InvariantCulture))];

    /// <summary>A column's values as labels (dates as yyyy-MM-dd).</summary>
    public static string[] Labels(DataFrame frame, string column) =>
        [.. Column(frame, column).Cast<object?>().Select(v => v switch
        {
            null => "(none)",
            DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
        })];

    private static DataFrameColumn Column(DataFrame frame, string name) =>
        frame.Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"No column '{name}'. Columns: {string.Join(", ", frame.Columns.Select(c => c.Name))}.", nameof(name));
}
