using CustomerAnalytics.Data;

namespace CustomerAnalytics.Tests.Data;

/// <summary>A file loaded into a DuckDB table, read back as rows of values in schema order (null for an empty
/// value or a column absent from the file), with the load report.</summary>
internal static class LoadedRows
{
    public static (List<object?[]> Rows, LoadReport Report) Read(string path, DatasetSchema schema, LoadOptions? options = null)
    {
        using var db = new WorkshopDatabase();
        var report = DatasetLoader.LoadTable(db, "loaded", path, schema, options);
        var names = db.Describe("loaded").Select(c => c.Name).ToList();
        using var command = db.Connection.CreateCommand();
        command.CommandText = "SELECT * FROM loaded";
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
            rows.Add(schema.Columns.Select(c => names.IndexOf(c.Name) is var i and >= 0 && !reader.IsDBNull(i) ? reader.GetValue(i) : null).ToArray());
        return (rows, report);
    }
}
