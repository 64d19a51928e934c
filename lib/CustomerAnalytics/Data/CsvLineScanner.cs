using System.Buffers;

namespace CustomerAnalytics.Data;

/// <summary>
/// Counts the records of a delimited file in one streaming pass over its bytes, with the quoting rules DuckDB's
/// read_csv applies (verified on 1.5.6): a <c>"</c> opens a quoted field only at the start of a field (elsewhere it is
/// text); inside, <c>""</c> is a quote and a line break is part of the field; a closing quote must be followed by the
/// delimiter or a line end, else the record is malformed and the rest of its line is skipped. LF, CRLF and a lone CR
/// each end a line. Alongside, it finds what read_csv cannot account for: a quote that swallows lines which are rows of
/// their own (a line that, read from its start, has the header's number of fields), and a quote that is never closed.
/// The scan is vectorised: only quotes and line ends are looked at, except on the header line and on lines that begin
/// inside a quoted field.
/// </summary>
internal sealed class CsvLineScanner(byte delimiter)
{
    private enum State : byte { Text, Quoted, QuoteInQuoted, Malformed }

    private static readonly SearchValues<byte> QuoteOrLineEnd = SearchValues.Create("\"\n\r"u8);
    private static readonly SearchValues<byte> LineEnds = SearchValues.Create("\n\r"u8);

    /// <summary>Per record that spans several lines: its read_csv line number and the line breaks inside quoted
    /// fields up to and including it.</summary>
    private readonly List<(long Record, long ExtraLines)> _multiLine = [];

    private State _state;
    private byte _previous = (byte)'\n'; // the file's start counts as a line start
    private bool _afterCr, _crBetween, _recordText, _headerSeen;
    private long _offset, _line = 1, _record = 1, _extraLines;
    private int _fields = 1;

    // A line that begins inside a quoted field is also read on its own, as if no quote were open: does it look like a row?
    private bool _shadow, _shadowText;
    private State _shadowState;
    private byte _shadowPrevious;
    private int _shadowFields;
    private long _quoteLine, _quoteTextLines, _swallowLine, _swallowedRows;

    /// <summary>Data records: non-blank records after the header (what read_csv splits into rows or rejects).</summary>
    public long DataRecords { get; private set; }
    /// <summary>Empty lines between records (read_csv skips them), before the header too.</summary>
    public long BlankLines { get; private set; }
    /// <summary>Fields of the header record.</summary>
    public int HeaderFields { get; private set; }
    /// <summary>True when the file's records end with line ends of more than one kind (LF, CRLF, lone CR): read_csv
    /// fails on it ("state machine reached an invalid state") unless they are normalised. Line ends inside quoted
    /// fields are data and do not count.</summary>
    public bool MixedLineEnds => (_lf > 0 ? 1 : 0) + (_crlf > 0 ? 1 : 0) + (_cr > 0 ? 1 : 0) > 1;
    /// <summary>The first quote that swallows lines, or null.</summary>
    public SwallowingQuote? Swallowing { get; private set; }
    /// <summary>True once <see cref="Finish"/> was called.</summary>
    public bool Complete { get; private set; }

    private long _lf, _crlf, _cr;

    /// <summary>A quote that opened on <paramref name="Line"/> and swallowed <paramref name="Lines"/> lines up to
    /// <paramref name="LastLine"/>: lines that look like rows of their own (the header's number of fields), or, when
    /// it is never closed (<paramref name="Unclosed"/>), every non-blank line after it.</summary>
    internal sealed record SwallowingQuote(long Line, long LastLine, long Lines, bool Unclosed);

    /// <summary>The next block of the file.</summary>
    public void Feed(ReadOnlySpan<byte> block)
    {
        int i = 0;
        if (_offset == 0 && block.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) i = 3; // read_csv skips a UTF-8 BOM
        while (i < block.Length)
        {
            byte b = block[i];
            if (_afterCr)
            {
                _afterCr = false;
                if (b == '\n')
                {
                    if (_crBetween) _crlf++;
                    _previous = b;
                    i++;
                    continue;
                }
                if (_crBetween) _cr++;
            }
            if (!_shadow && _headerSeen && _state != State.QuoteInQuoted)
            {
                int next = Skip(block, i);
                if (next != i)
                {
                    i = next;
                    continue;
                }
            }
            if (b is (byte)'\n' or (byte)'\r') LineEnd(b);
            else
            {
                _recordText = true;
                var before = _state;
                if (Step(ref _state, _previous, b) && !_headerSeen) _fields++;
                if (before == State.Text && _state == State.Quoted) (_quoteLine, _quoteTextLines) = (_line, 0);
                if (_shadow)
                {
                    _shadowText = true;
                    if (Step(ref _shadowState, _shadowPrevious, b)) _shadowFields++;
                    _shadowPrevious = b;
                }
            }
            _previous = b;
            i++;
        }
        _offset += block.Length;
    }

    /// <summary>The fast path, for lines that begin outside quotes after the header: skips with vectorised searches to
    /// the next quote or line end, and takes a quoted field's closing or doubled quote in one step. Returns where it
    /// stopped: at a line end, or where a byte needs <see cref="Step"/> (text after a closing quote, the block's end).</summary>
    private int Skip(ReadOnlySpan<byte> block, int i)
    {
        var (state, previous, text) = (_state, _previous, _recordText);
        while (i < block.Length)
        {
            var rest = block[i..];
            int k = rest.IndexOfAny(state == State.Malformed ? LineEnds : QuoteOrLineEnd);
            if (k < 0) k = rest.Length;
            if (k > 0) (previous, text) = (rest[k - 1], true);
            i += k;
            if (i == block.Length || block[i] != '"') break; // the block's end, or a line end for the caller
            text = true;
            if (state == State.Text)
            {
                if (previous == delimiter || previous is (byte)'\n' or (byte)'\r') (state, _quoteLine, _quoteTextLines) = (State.Quoted, _line, 0);
                previous = (byte)'"';
                i++;
                continue;
            }
            // In a quoted field: a doubled quote is a quote; a quote before the delimiter closes the field.
            byte after = i + 1 < block.Length ? block[i + 1] : (byte)0;
            if (i + 1 < block.Length && (after == '"' || after == delimiter))
            {
                if (after == delimiter) state = State.Text;
                previous = after;
                i += 2;
                continue;
            }
            (state, previous) = (State.QuoteInQuoted, (byte)'"');
            i++;
            break;
        }
        (_state, _previous, _recordText) = (state, previous, text);
        return i;
    }

    /// <summary>Ends the scan at the end of the file.</summary>
    public void Finish()
    {
        if (_afterCr && _crBetween) _cr++;
        _afterCr = false;
        if (_shadow) EndShadowLine();
        if (_state == State.Quoted && _quoteTextLines > 0)
            Swallowing ??= new SwallowingQuote(_quoteLine, _previous is (byte)'\n' or (byte)'\r' ? _line - 1 : _line, _quoteTextLines, Unclosed: true);
        if (_recordText) EndRecord(); // else the file ended with a line end, or is empty
        Complete = true;
    }

    /// <summary>The line of the file where the record read_csv numbers <paramref name="duckDbLine"/> starts: read_csv
    /// counts records (blank ones and the header included), not the line breaks inside quoted fields.</summary>
    public long FileLine(long duckDbLine)
    {
        int lo = 0, hi = _multiLine.Count; // first entry with Record >= duckDbLine
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (_multiLine[mid].Record < duckDbLine) lo = mid + 1; else hi = mid;
        }
        return duckDbLine + (lo == 0 ? 0 : _multiLine[lo - 1].ExtraLines);
    }

    /// <summary>read_csv's line number of the first record that spans several lines of the file, or null.</summary>
    public long? FirstMultiLineRecord => _multiLine.Count == 0 ? null : _multiLine[0].Record;

    /// <summary>One byte that is not a line end; true when it ends a field.</summary>
    private bool Step(ref State state, byte previous, byte b)
    {
        switch (state)
        {
            case State.Text:
                if (b == '"' && (previous == delimiter || previous is (byte)'\n' or (byte)'\r')) state = State.Quoted;
                return b == delimiter;
            case State.Quoted:
                if (b == '"') state = State.QuoteInQuoted;
                return false;
            case State.QuoteInQuoted:
                if (b == '"') { state = State.Quoted; return false; }
                if (b == delimiter) { state = State.Text; return true; }
                state = State.Malformed; // read_csv skips the rest of the line
                return false;
            default:
                return false;
        }
    }

    private void LineEnd(byte b)
    {
        // Line ends inside quoted fields are data: read_csv minds only those between records.
        bool between = _state != State.Quoted;
        if (b == '\r') (_afterCr, _crBetween) = (true, between);
        else if (between) _lf++;
        if (_shadow) EndShadowLine();
        _line++;
        if (_state == State.Quoted)
        {
            // The line break is part of a quoted field: the record goes on, and the next line is also read on its own.
            _extraLines++;
            (_shadow, _shadowState, _shadowPrevious, _shadowFields, _shadowText) = (true, State.Text, (byte)'\n', 1, false);
            return;
        }
        EndRecord();
        _state = State.Text;
    }

    private void EndShadowLine()
    {
        _shadow = false;
        if (!_shadowText) return;
        _quoteTextLines++;
        if (_headerSeen && _shadowFields == HeaderFields && _shadowState is State.Text or State.QuoteInQuoted)
        {
            if (_swallowedRows++ == 0) _swallowLine = _quoteLine;
        }
    }

    private void EndRecord()
    {
        if (_swallowedRows > 0) Swallowing ??= new SwallowingQuote(_swallowLine, _line - 1, _swallowedRows, Unclosed: false);
        _swallowedRows = 0;
        if (!_recordText) BlankLines++;
        else if (!_headerSeen) (_headerSeen, HeaderFields) = (true, _fields);
        else DataRecords++;
        if (_extraLines > 0) _multiLine.Add((_record, (_multiLine.Count == 0 ? 0 : _multiLine[^1].ExtraLines) + _extraLines));
        _extraLines = 0;
        _record++;
        _recordText = false;
        _fields = 1;
    }
}
