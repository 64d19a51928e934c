using System.Reflection;

namespace CustomerAnalytics.Sql;

/// <summary>
/// One SQL statement of a workshop pipeline, read from a .sql file shipped in the library, or given by a notebook cell.
/// The Olist RFM files are generated from workshop 01's cells (their first line says so; it is not part of the statement).
/// </summary>
/// <param name="Pipeline">Folder the file lives in, e.g. "Rfm".</param>
/// <param name="Name">File name without extension, e.g. "03_rfm".</param>
/// <param name="Description">The file's leading comment lines, without the dashes.</param>
/// <param name="Sql">The statement itself (comments included, so it reads the same anywhere).</param>
public sealed record SqlScript(string Pipeline, string Name, string Description, string Sql)
{
    /// <summary>The scripts of <paramref name="pipeline"/> (a folder under lib/CustomerAnalytics/Sql), in file-name order.</summary>
    public static IReadOnlyList<SqlScript> Load(string pipeline)
    {
        var assembly = typeof(SqlScript).Assembly;
        var prefix = $"CustomerAnalytics.Sql.{pipeline}.";
        var scripts = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => Read(assembly, n, pipeline, n[prefix.Length..^4]))
            .ToArray();
        return scripts.Length > 0 ? scripts : throw new ArgumentException($"No SQL scripts for pipeline '{pipeline}'.", nameof(pipeline));
    }

    /// <summary>The step <paramref name="name"/> of <paramref name="pipeline"/> with the statement <paramref name="sql"/>
    /// (its leading comment lines describe it).</summary>
    public static SqlScript From(string pipeline, string name, string sql)
    {
        sql = sql.Replace("\r\n", "\n").Trim();
        var description = string.Join(" ", sql.Split('\n').TakeWhile(l => l.StartsWith("--")).Select(l => l.TrimStart('-').Trim()));
        return new SqlScript(pipeline, name, description, sql);
    }

    private static SqlScript Read(Assembly assembly, string resource, string pipeline, string name)
    {
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        var sql = reader.ReadToEnd();
        // "-- generated from notebooks/...; edit the notebook": where the statement comes from, not what it does.
        return From(pipeline, name, sql.StartsWith(GeneratedHeader, StringComparison.Ordinal) ? sql[(sql.IndexOf('\n') + 1)..] : sql);
    }

    /// <summary>How the first line of a .sql file generated from a notebook cell starts.</summary>
    public const string GeneratedHeader = "-- generated from notebooks/";

    /// <summary>The table the statement creates (the name after CREATE TABLE), if any.</summary>
    public string? CreatesTable => Sql.Split('\n').Where(l => !l.StartsWith("--"))
        .Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("CREATE TABLE ", StringComparison.OrdinalIgnoreCase))
        ?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2];
}
