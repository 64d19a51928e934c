using System.Globalization;
using System.Text;

namespace CustomerAnalytics.SampleData;

/// <summary>
/// Writes a delimited text file the same way on every machine: UTF-8 without a byte order mark, LF line
/// endings, invariant culture. Fields are quoted (RFC 4180) only when they must be, unless the caller asks.
/// </summary>
internal sealed class GeneratedFileWriter : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private readonly StreamWriter _writer;
    private readonly char _separator;
    private bool _atRowStart = true;

    public GeneratedFileWriter(string path, char separator = ',')
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        _writer = new StreamWriter(path, append: false, Utf8NoBom, bufferSize: 1 << 16) { NewLine = "\n" };
        _separator = separator;
    }

    /// <summary>Writes a field, quoting it only if it holds the separator, a quote or a line break.</summary>
    public GeneratedFileWriter Field(string value)
    {
        bool needsQuotes = value.IndexOfAny([_separator, '"', '\n', '\r']) >= 0;
        return needsQuotes ? Quoted(value) : Raw(value);
    }

    /// <summary>Writes a field always inside double quotes (some real files quote particular columns).</summary>
    public GeneratedFileWriter Quoted(string value)
    {
        Separate();
        _writer.Write('"');
        _writer.Write(value.Replace("\"", "\"\""));
        _writer.Write('"');
        return this;
    }

    public GeneratedFileWriter Field(long value) => Raw(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Writes a field with a .NET format string (for example "F2"), in the invariant culture.</summary>
    public GeneratedFileWriter Field(double value, string format) => Raw(value.ToString(format, CultureInfo.InvariantCulture));

    public GeneratedFileWriter Field(decimal value, string format) => Raw(value.ToString(format, CultureInfo.InvariantCulture));

    /// <summary>Writes a date/time with a custom format in the invariant culture.</summary>
    public GeneratedFileWriter Field(DateTime value, string format) => Raw(value.ToString(format, CultureInfo.InvariantCulture));

    /// <summary>An empty field (a missing value).</summary>
    public GeneratedFileWriter Empty() => Raw("");

    /// <summary>Writes a header row where every name is quoted, or none.</summary>
    public void Header(IEnumerable<string> names, bool quoted = false)
    {
        foreach (var name in names) { if (quoted) Quoted(name); else Field(name); }
        EndRow();
    }

    public void EndRow()
    {
        _writer.Write('\n');
        _atRowStart = true;
    }

    public void Dispose() => _writer.Dispose();

    private GeneratedFileWriter Raw(string value)
    {
        Separate();
        _writer.Write(value);
        return this;
    }

    private void Separate()
    {
        if (!_atRowStart) _writer.Write(_separator);
        _atRowStart = false;
    }
}
