using System.Globalization;
using CustomerAnalytics.Data;

namespace CustomerAnalytics.Evaluation;

/// <summary>
/// Reads the truth files the sample-data generators write next to the sample (data/truth/): what the models could
/// at best find, known because the sample was generated from it. Real data has no truth files.
/// </summary>
public static class TruthFiles
{
    /// <summary>Reads a truth CSV whose header is exactly <paramref name="columns"/> (quotes allowed) and whose first
    /// column is a unique id: id → the row's fields (the id included, as field 0).</summary>
    /// <exception cref="DataFileNotFoundException">The file is missing.</exception>
    /// <exception cref="TruthFileException">The header differs, a line has another number of fields, or an id repeats.</exception>
    public static IReadOnlyDictionary<string, string[]> Read(string path, params string[] columns)
    {
        if (!File.Exists(path))
            throw new DataFileNotFoundException(path, "Truth files come with the sample data in data/truth/; for your own data there is no ground truth to compare with.");
        using var lines = File.ReadLines(path).GetEnumerator();
        var layout = string.Join(',', columns);
        var header = lines.MoveNext() ? lines.Current : null;
        if (header?.Replace("\"", "").Trim() != layout)
            throw new TruthFileException($"{path} should start with the header {layout} (found '{header}'). Pass the file's id column if it has another.");
        var rows = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (int line = 2; lines.MoveNext(); line++)
        {
            if (lines.Current.Trim().Length == 0) continue;
            var fields = lines.Current.Replace("\"", "").Split(',').Select(f => f.Trim()).ToArray();
            if (fields.Length != columns.Length)
                throw new TruthFileException($"{path} line {line} should be {layout} but is '{lines.Current}'.");
            if (!rows.TryAdd(fields[0], fields))
                throw new TruthFileException($"{path} line {line}: {columns[0]} {fields[0]} appears twice; a truth file has one row per {columns[0]}.");
        }
        return rows;
    }

    /// <summary>The true segment of each customer (olist_customer_segments.csv has the id column customer_unique_id;
    /// online_retail_customer_segments.csv has CustomerID).</summary>
    public static IReadOnlyDictionary<string, string> ReadSegments(string path, string idColumn = "customer_unique_id") =>
        Read(path, idColumn, "segment").ToDictionary(r => r.Key, r => r.Value[1], StringComparer.Ordinal);

    /// <summary>The true probability of each row (propensity_true_probability.csv: UserID,p).</summary>
    public static IReadOnlyDictionary<string, double> ReadProbabilities(string path, string idColumn = "UserID") =>
        Read(path, idColumn, "p").ToDictionary(r => r.Key, r => double.Parse(r.Value[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
}
