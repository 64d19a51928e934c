using System.Data.Common;
using Microsoft.Data.Analysis;

namespace CustomerAnalytics.Sql;

/// <summary>
/// A database the workshop SQL runs on: DuckDB in process by default, or a PostgreSQL-wire server
/// (PostgreSQL itself, or Amazon Redshift) when the data outgrows one machine.
/// </summary>
public interface ISqlEngine : IDisposable
{
    /// <summary>Engine name for tables and messages, e.g. "DuckDB 1.x" or "PostgreSQL 17".</summary>
    string Name { get; }

    /// <summary>The open connection, for ADO.NET use.</summary>
    DbConnection Connection { get; }

    /// <summary>Runs one statement; returns the rows it changed (or -1).</summary>
    int Execute(string sql);

    /// <summary>Runs a query and returns its rows as a typed DataFrame.</summary>
    DataFrame Query(string sql);

    /// <summary>The first column of the first row.</summary>
    object? Scalar(string sql);

    /// <summary>Column names of <paramref name="table"/>, lower case, or an empty list when it does not exist.</summary>
    IReadOnlyList<string> Columns(string table);
}
