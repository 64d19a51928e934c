using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CustomerAnalytics.Data;
using CustomerAnalytics.SampleData;

namespace CustomerAnalytics.Tests.Fixtures.RealFormats;

/// <summary>
/// Workshops 01 and 02 on data that is not the bundled sample, in the formats the public files are published in:
/// the three Olist files as Kaggle writes them (every header name quoted; a value quoted when it starts with a
/// digit, so zip code prefixes keep their leading zeros, and not otherwise) with other ids than the sample, and
/// Online Retail as Kaggle's <c>data.csv</c> (Latin-1, <c>InvoiceDate</c> like <c>12/1/2010 8:26</c>, descriptions
/// with '£', 'é' and quoted commas, other customer ids). Generated from other seeds, then rewritten.
/// </summary>
public static class OlistAndRetailFiles
{
    /// <summary>File name of the Online Retail file, as Kaggle publishes it.</summary>
    public const string RetailFileName = "data.csv";

    private static readonly string[] Latin1Descriptions =
        ["CRÈME BRÛLÉE RAMEKIN", "PARTY BUNTING, FRENCH CAFÉ", "POSTAGE £1 TIN", "NOËL GARLAND, WHITE"];

    /// <summary>Writes the three Olist files and <c>data.csv</c> into <paramref name="folder"/>; returns the
    /// notebook parameters <c>olistSource</c> and <c>retailSource</c> pointing at them.</summary>
    public static IReadOnlyList<string> Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var scratch = Directory.CreateTempSubdirectory("real-formats-").FullName;
        try
        {
            new OlistGenerator(new OlistOptions { Seed = 4242, Orders = 3_000 }).Write(scratch, Path.Combine(scratch, "truth"));
            foreach (var file in new[] { DatasetSchemas.OlistFiles.Customers, DatasetSchemas.OlistFiles.Orders, DatasetSchemas.OlistFiles.Payments })
                RewriteOlist(Path.Combine(scratch, file), Path.Combine(folder, file));
            new OnlineRetailGenerator(new OnlineRetailOptions { Seed = 4343, Lines = 6_000 }).Write(scratch, Path.Combine(scratch, "truth"));
            RewriteRetail(Path.Combine(scratch, OnlineRetailGenerator.FileName), Path.Combine(folder, RetailFileName));
        }
        finally { Directory.Delete(scratch, recursive: true); }
        return [$"olistSource={folder}", $"retailSource={Path.Combine(folder, RetailFileName)}"];
    }

    /// <summary>The same invoice lines in ISO form: UTF-8, <c>2010-12-01 08:26:00</c>, <c>CustomerID</c> written
    /// <c>17850.0</c> (as a spreadsheet or pandas export writes an id column with blanks).</summary>
    public static void WriteIsoForm(string kaggleFile, string isoFile)
    {
        var lines = Records(kaggleFile, Encoding.Latin1).ToList();
        var output = new List<string> { string.Join(',', lines[0]) };
        foreach (var f in lines.Skip(1))
        {
            f[4] = DateTime.ParseExact(f[4], "M/d/yyyy H:mm", CultureInfo.InvariantCulture).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            if (f[6] != "") f[6] += ".0";
            output.Add(string.Join(',', f.Select(Csv)));
        }
        File.WriteAllText(isoFile, string.Join('\n', output) + "\n", new UTF8Encoding(false));
    }

    private static void RewriteOlist(string from, string to)
    {
        var records = Records(from, Encoding.UTF8).ToList();
        var header = records[0];
        var idColumns = header.Select((h, i) => (h, i)).Where(c => c.h is "customer_id" or "customer_unique_id" or "order_id").Select(c => c.i).ToArray();
        var lines = new List<string> { string.Join(',', header.Select(h => $"\"{h}\"")) };
        foreach (var fields in records.Skip(1))
        {
            foreach (var i in idColumns) fields[i] = OtherId(fields[i]);
            lines.Add(string.Join(',', fields.Select(v => v.Length > 0 && char.IsAsciiDigit(v[0]) ? $"\"{v}\"" : Csv(v))));
        }
        File.WriteAllText(to, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
    }

    private static void RewriteRetail(string from, string to)
    {
        var records = Records(from, Encoding.UTF8).ToList();
        var lines = new List<string> { string.Join(',', records[0]) };
        var renamed = new Dictionary<string, string>();
        for (int n = 1; n < records.Count; n++)
        {
            var f = records[n];
            if (n % 7 == 0) f[2] = Latin1Descriptions[n / 7 % Latin1Descriptions.Length];
            // Other customer ids, in another order: 20000 + a permutation of the ids seen.
            if (f[6] != "" && !renamed.ContainsKey(f[6])) renamed[f[6]] = (20_000 + (renamed.Count * 7_919 % 9_973)).ToString(CultureInfo.InvariantCulture);
            if (f[6] != "") f[6] = renamed[f[6]];
            lines.Add(string.Join(',', f.Select(Csv)));
        }
        File.WriteAllText(to, string.Join("\r\n", lines) + "\r\n", Encoding.Latin1);
    }

    /// <summary>A stable, different 32-hex-digit id: ids and their order differ from the sample's.</summary>
    private static string OtherId(string id) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("real-formats:" + id)))[..32];

    private static string Csv(string value) =>
        value.Contains(',') || value.Contains('"') ? $"\"{value.Replace("\"", "\"\"")}\"" : value;

    /// <summary>Every line of a CSV file (header included) as its fields, split by DuckDB.</summary>
    private static IEnumerable<string[]> Records(string path, Encoding encoding)
    {
        using var db = new WorkshopDatabase();
        var name = encoding.CodePage == Encoding.Latin1.CodePage ? "latin-1" : "utf-8";
        using var command = db.Connection.CreateCommand();
        command.CommandText = $"SELECT * FROM read_csv('{path.Replace("'", "''")}', header = false, all_varchar = true, delim = ',', quote = '\"', escape = '\"', encoding = '{name}')";
        using var reader = command.ExecuteReader();
        var records = new List<string[]>();
        while (reader.Read())
            records.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : reader.GetString(i)).ToArray());
        return records;
    }
}
