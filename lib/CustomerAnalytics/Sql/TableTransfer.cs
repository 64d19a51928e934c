using CustomerAnalytics.Data;
using System.Data.Common;
using Npgsql;

namespace CustomerAnalytics.Sql;

/// <summary>
/// Copies tables from one engine into a PostgreSQL-wire server with the binary COPY protocol, so the same
/// data can be queried on both. (For Redshift, load from S3 with COPY instead: see workshop 01.)
/// </summary>
public static class TableTransfer
{
    /// <summary>Replaces <paramref name="table"/> on <paramref name="target"/> with the rows of the same table on <paramref name="source"/>; returns the rows copied.</summary>
    public static long Copy(SqlEngine source, PostgresEngine target, string table)
    {
        using var command = source.Connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table}";
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount)
            .Select(i => (Name: reader.GetName(i).ToLowerInvariant(), Type: PostgresType(reader.GetFieldType(i), reader.GetName(i))))
            .ToArray();
        target.Execute($"DROP TABLE IF EXISTS {table}");
        target.Execute($"CREATE TABLE {table} ({string.Join(", ", columns.Select(c => $"{c.Name} {c.Type}"))})");

        var connection = target.Connection;
        using var writer = connection.BeginBinaryImport($"COPY {table} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)");
        long rows = 0;
        while (reader.Read())
        {
            writer.StartRow();
            for (var i = 0; i < columns.Length; i++) Write(writer, reader, i);
            rows++;
        }
        writer.Complete();
        return rows;
    }

    private static void Write(NpgsqlBinaryImporter writer, DbDataReader reader, int i)
    {
        if (reader.IsDBNull(i)) { writer.WriteNull(); return; }
        switch (reader.GetValue(i))
        {
            case sbyte v: writer.Write((short)v); break;
            case byte v: writer.Write((short)v); break;
            case System.Numerics.BigInteger v: writer.Write((decimal)v); break;
            case DateOnly v: writer.Write(v.ToDateTime(TimeOnly.MinValue), NpgsqlTypes.NpgsqlDbType.Timestamp); break;
            case DateTime v: writer.Write(DateTime.SpecifyKind(v, DateTimeKind.Unspecified), NpgsqlTypes.NpgsqlDbType.Timestamp); break;
            case var v: writer.Write(v); break;
        }
    }

    private static string PostgresType(Type type, string column) => type switch
    {
        _ when type == typeof(string) => "TEXT",
        _ when type == typeof(bool) => "BOOLEAN",
        _ when type == typeof(sbyte) || type == typeof(byte) || type == typeof(short) => "SMALLINT",
        _ when type == typeof(int) => "INTEGER",
        _ when type == typeof(long) => "BIGINT",
        _ when type == typeof(decimal) || type == typeof(System.Numerics.BigInteger) => "NUMERIC",
        _ when type == typeof(float) => "REAL",
        _ when type == typeof(double) => "DOUBLE PRECISION",
        _ when type == typeof(DateTime) || type == typeof(DateOnly) => "TIMESTAMP",
        _ => throw new SqlEngineException($"Column '{column}' has type {type.Name}, which TableTransfer cannot copy to PostgreSQL."),
    };
}
