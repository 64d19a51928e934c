namespace CustomerAnalytics.Data;

/// <summary>A file cannot be split into rows that can all be accounted for: a quote that swallows lines, a line the
/// loader counts that DuckDB did not read, or text DuckDB's reader refuses. Nothing was loaded; the message names the
/// file the caller gave (never a temporary copy), the line, and what to fix.</summary>
public sealed class MalformedFileException : WorkshopException
{
    /// <summary>The file the caller gave.</summary>
    public string File { get; }
    /// <summary>The 1-based line of <see cref="File"/> where the problem starts (null when the reader did not say).</summary>
    public long? Line { get; }

    internal MalformedFileException(string file, long? line, string message, Exception? inner = null)
        : base(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{file}{(line is { } l ? $", line {l:N0}" : "")}: {message}"), inner)
    {
        File = file;
        Line = line;
    }
}
