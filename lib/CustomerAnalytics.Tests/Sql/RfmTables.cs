using System.Globalization;
using Microsoft.Data.Analysis;

namespace CustomerAnalytics.Tests.Sql;

/// <summary>Reads the scores and values of a finished RFM table, per customer, for comparisons.</summary>
internal static class RfmTables
{
    public static Dictionary<string, RfmReference.Scores> Scores(DataFrame table) =>
        table.Rows.ToDictionary(r => (string)r["customer_unique_id"], r => new RfmReference.Scores(
            Int(r["r_score"]), Int(r["f_score"]), Int(r["m_score"]), (string)r["segment"]));

    /// <summary>The customer's R, F and M values as the table holds them.</summary>
    public static IEnumerable<(string Customer, int RecencyDays, int Frequency, decimal MonetaryTotal)> Values(DataFrame table) =>
        table.Rows.Select(r => ((string)r["customer_unique_id"], Int(r["recency_days"]), Int(r["frequency"]),
            Convert.ToDecimal(r["monetary_total"], CultureInfo.InvariantCulture)));

    public static int[] Ints(DataFrame table, string column) => table.Columns[column].Cast<object>().Select(Int).ToArray();

    private static int Int(object value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);
}
