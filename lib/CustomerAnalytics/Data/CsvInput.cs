using System.Text;

namespace CustomerAnalytics.Data;

/// <summary>
/// The UTF-8 file DuckDB reads for a CSV load, and the count of its records (<see cref="Scan"/>). A valid UTF-8 file
/// whose line ends are all of one kind is read in place. Any other (Latin-1, detected or requested, as the Kaggle
/// Online Retail copy is written; another requested encoding; a UTF-16/32 byte order mark; UTF-8 requested for a
/// file that is not valid UTF-8; a file that mixes LF, CRLF and lone CR line ends, as files edited on two systems do)
/// is transcoded to a temporary UTF-8 file with LF line ends first (one line end for one, so line numbers stay the
/// user's; a CR or CRLF inside a quoted field becomes LF too, as a CRLF file's are read), counting the bytes that are
/// not valid in the encoding (read as U+FFFD), as the report shows. DuckDB 1.5.6's read_csv fails on mixed line ends
/// ("The CSV Parser state machine reached an invalid state") and has a built-in <c>encoding = 'latin-1'</c> that
/// fails the whole read with "File is not latin-1 encoded" on bytes that are valid ISO-8859-1 (seen with damaged
/// files), so neither is left to it. The records are counted in the pass that checks the encoding, so a file read
/// in place is read once here.
/// </summary>
internal sealed class CsvInput : IDisposable
{
    private readonly bool _temporary;

    private CsvInput(string path, string description, long undecodable, bool temporary, CsvLineScanner scan)
    {
        Path = path;
        Description = description;
        UndecodableBytes = undecodable;
        _temporary = temporary;
        Scan = scan;
    }

    /// <summary>The UTF-8 file to read (the original, or a transcoded temporary copy). Never shown to the user.</summary>
    public string Path { get; }
    /// <summary>How the original was decoded, for <see cref="LoadReport.TextEncoding"/>.</summary>
    public string Description { get; }
    /// <summary>Bytes of the original not valid in its encoding.</summary>
    public long UndecodableBytes { get; }
    /// <summary>The records of <see cref="Path"/>, counted with read_csv's quoting rules; its lines are the original's.</summary>
    public CsvLineScanner Scan { get; }

    /// <summary>Chooses how to read <paramref name="file"/> (see the type's remarks), whose fields are separated by
    /// <paramref name="delimiter"/>.</summary>
    public static CsvInput For(string file, Encoding? requested, char delimiter)
    {
        var scan = new CsvLineScanner((byte)delimiter);
        var choice = TextEncodingDetector.Choose(file, requested, scan);
        var chosen = choice.Encoding ?? Encoding.UTF8;
        bool otherBom = TextEncodingDetector.HasNonUtf8ByteOrderMark(file);
        if (!otherBom && chosen.CodePage == Encoding.UTF8.CodePage && (requested is null || TextEncodingDetector.FirstInvalidUtf8Byte(file, out _, scan) < 0))
        {
            if (!scan.Complete) scan = Count(file, delimiter); // a UTF-8 byte order mark ends the check early
            if (!scan.MixedLineEnds) return new CsvInput(file, choice.Description, 0, temporary: false, scan);
        }

        var (decoding, counter) = CountingDecoderFallback.For(chosen);
        var copy = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ca-load-{Guid.NewGuid():N}.csv");
        try
        {
            using (var reader = new StreamReader(file, decoding, detectEncodingFromByteOrderMarks: true))
            using (var writer = new StreamWriter(copy, false, new UTF8Encoding(false)))
                CopyWithLfLineEnds(reader, writer);
            return new CsvInput(copy, choice.Description, counter.Count, temporary: true, Count(copy, delimiter));
        }
        catch
        {
            File.Delete(copy);
            throw;
        }
    }

    /// <summary>Copies text turning CRLF and lone CR into LF (one line end for one).</summary>
    private static void CopyWithLfLineEnds(StreamReader reader, StreamWriter writer)
    {
        var buffer = new char[1 << 16];
        bool afterCr = false;
        int read;
        while ((read = reader.Read(buffer)) > 0)
        {
            int from = 0;
            for (int i = 0; i < read; i++)
            {
                char c = buffer[i];
                if (c == '\n' && afterCr) from = i + 1; // the LF of a CRLF: already written
                else if (c == '\r')
                {
                    writer.Write(buffer, from, i - from);
                    writer.Write('\n');
                    from = i + 1;
                }
                afterCr = c == '\r';
            }
            writer.Write(buffer, from, read - from);
        }
    }

    private static CsvLineScanner Count(string file, char delimiter)
    {
        var scan = new CsvLineScanner((byte)delimiter);
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        int read;
        while ((read = stream.Read(buffer)) > 0) scan.Feed(buffer.AsSpan(0, read));
        scan.Finish();
        return scan;
    }

    /// <summary>Deletes the temporary copy, if one was made.</summary>
    public void Dispose()
    {
        if (_temporary) File.Delete(Path);
    }
}
