using System.Text;

namespace CustomerAnalytics.Data;

/// <summary>A field of the current record: a slice of the record text, so numbers parse without copying.</summary>
internal readonly record struct CsvField(string Text, int Start, int Length)
{
    public ReadOnlySpan<char> Span => Text.AsSpan(Start, Length);
    public override string ToString() => Start == 0 && Length == Text.Length ? Text : Text.Substring(Start, Length);
}

/// <summary>
/// Splits a delimited text file into records (RFC 4180): fields may be quoted, quotes inside are doubled,
/// and quoted fields may hold delimiters and line breaks. LF and CRLF both end a line; a line break inside
/// a quoted field is read as "\n" either way, so LF and CRLF files give identical values. UTF-8 with or
/// without a byte order mark (or a given encoding). Empty lines are skipped and counted; they are not records.
/// </summary>
internal sealed class CsvRecordReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly char _delimiter;
    private long _physicalLine;

    private readonly CountingDecoderFallback _undecodable;

    /// <summary>Opens <paramref name="path"/>; <paramref name="encoding"/> null means UTF-8.</summary>
    public CsvRecordReader(string path, char delimiter, Encoding? encoding = null)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        (var chosen, _undecodable) = CountingDecoderFallback.For(encoding);
        _reader = new StreamReader(stream, chosen, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        _delimiter = delimiter;
    }

    /// <summary>Byte sequences that were not valid in the encoding (each read as U+FFFD).</summary>
    public long UndecodableBytes => _undecodable.Count;

    /// <summary>Fields of the current record.</summary>
    public List<CsvField> Fields { get; } = new(32);
    /// <summary>1-based line where the current record starts.</summary>
    public long StartLine { get; private set; }
    /// <summary>The current record's text (its lines joined by "\n").</summary>
    public string RawText { get; private set; } = "";
    /// <summary>Why the current record's quoting is broken, or null when it is well formed.</summary>
    public string? QuoteProblem { get; private set; }
    /// <summary>Empty lines skipped so far.</summary>
    public long BlankLines { get; private set; }

    /// <summary>Moves to the next record; false at the end of the file.</summary>
    public bool Read()
    {
        string? line;
        while ((line = _reader.ReadLine()) is not null)
        {
            _physicalLine++;
            if (line.Length > 0) break;
            BlankLines++;
        }
        if (line is null) return false;

        StartLine = _physicalLine;
        QuoteProblem = null;
        var record = line;
        StringBuilder? multiLine = null;
        while (true)
        {
            var outcome = Split(record);
            if (outcome == SplitOutcome.Complete) break;
            if (outcome == SplitOutcome.TextAfterQuote)
            {
                QuoteProblem = "text after the closing quote of a quoted field";
                break;
            }
            // Open quote: the field continues on the next line.
            var next = _reader.ReadLine();
            if (next is null)
            {
                QuoteProblem = $"a quoted field starting on line {StartLine} is never closed";
                break;
            }
            _physicalLine++;
            multiLine ??= new StringBuilder(record);
            record = multiLine.Append('\n').Append(next).ToString();
        }
        RawText = record;
        return true;
    }

    private enum SplitOutcome { Complete, OpenQuote, TextAfterQuote }

    private SplitOutcome Split(string record)
    {
        Fields.Clear();
        int i = 0, n = record.Length;
        while (true)
        {
            if (i < n && record[i] == '"')
            {
                int start = i + 1, searchFrom = start;
                bool escaped = false;
                while (true)
                {
                    int quote = record.IndexOf('"', searchFrom);
                    if (quote < 0) return SplitOutcome.OpenQuote;
                    if (quote + 1 < n && record[quote + 1] == '"')
                    {
                        escaped = true;
                        searchFrom = quote + 2;
                        continue;
                    }
                    if (escaped)
                    {
                        var unescaped = record.Substring(start, quote - start).Replace("\"\"", "\"");
                        Fields.Add(new CsvField(unescaped, 0, unescaped.Length));
                    }
                    else Fields.Add(new CsvField(record, start, quote - start));
                    i = quote + 1;
                    break;
                }
                if (i == n) return SplitOutcome.Complete;
                if (record[i] != _delimiter) return SplitOutcome.TextAfterQuote;
                i++;
            }
            else
            {
                // Unquoted: a quote in the middle of such a field is kept as an ordinary character.
                int end = record.IndexOf(_delimiter, i);
                if (end < 0)
                {
                    Fields.Add(new CsvField(record, i, n - i));
                    return SplitOutcome.Complete;
                }
                Fields.Add(new CsvField(record, i, end - i));
                i = end + 1;
            }
            if (i == n)
            {
                // A trailing delimiter ends with an empty last field.
                Fields.Add(new CsvField(record, n, 0));
                return SplitOutcome.Complete;
            }
        }
    }

    public void Dispose() => _reader.Dispose();
}
