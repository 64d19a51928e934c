using System.Text;

namespace CustomerAnalytics.Data;

/// <summary>
/// The UTF-8 file DuckDB reads for a CSV load. A valid UTF-8 file is read in place. Any other (Latin-1, detected
/// or requested, as the Kaggle Online Retail copy is written; another requested encoding; a UTF-16/32 byte order
/// mark; UTF-8 requested for a file that is not valid UTF-8) is transcoded to a temporary UTF-8 file first,
/// counting the bytes that are not valid in the encoding (read as U+FFFD), as the report shows. DuckDB 1.5.6's
/// read_csv has a built-in <c>encoding = 'latin-1'</c> (no extension needed), but it fails the whole read with
/// "File is not latin-1 encoded" on bytes that are valid ISO-8859-1 (seen with damaged files), so it is not used.
/// </summary>
internal sealed class CsvInput : IDisposable
{
    private readonly bool _temporary;

    private CsvInput(string path, string description, long undecodable, bool temporary)
    {
        Path = path;
        Description = description;
        UndecodableBytes = undecodable;
        _temporary = temporary;
    }

    /// <summary>The UTF-8 file to read (the original, or a transcoded temporary copy).</summary>
    public string Path { get; }
    /// <summary>How the original was decoded, for <see cref="LoadReport.TextEncoding"/>.</summary>
    public string Description { get; }
    /// <summary>Bytes of the original not valid in its encoding.</summary>
    public long UndecodableBytes { get; }

    /// <summary>Chooses how to read <paramref name="file"/> (see the type's remarks).</summary>
    public static CsvInput For(string file, Encoding? requested)
    {
        var choice = TextEncodingDetector.Choose(file, requested);
        var chosen = choice.Encoding ?? Encoding.UTF8;
        bool otherBom = HasNonUtf8ByteOrderMark(file);
        if (!otherBom && chosen.CodePage == Encoding.UTF8.CodePage && (requested is null || TextEncodingDetector.FirstInvalidUtf8Byte(file, out _) < 0))
            return new CsvInput(file, choice.Description, 0, temporary: false);

        var (decoding, counter) = CountingDecoderFallback.For(chosen);
        var copy = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ca-load-{Guid.NewGuid():N}.csv");
        using (var reader = new StreamReader(file, decoding, detectEncodingFromByteOrderMarks: true))
        using (var writer = new StreamWriter(copy, false, new UTF8Encoding(false)))
        {
            var buffer = new char[1 << 16];
            int read;
            while ((read = reader.Read(buffer)) > 0) writer.Write(buffer, 0, read);
        }
        return new CsvInput(copy, choice.Description, counter.Count, temporary: true);
    }

    private static bool HasNonUtf8ByteOrderMark(string file)
    {
        Span<byte> start = stackalloc byte[4];
        using var stream = File.OpenRead(file);
        int n = stream.ReadAtLeast(start, 4, throwOnEndOfStream: false);
        start = start[..n];
        return start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ||
               start.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]);
    }

    /// <summary>Deletes the temporary copy, if one was made.</summary>
    public void Dispose()
    {
        if (_temporary) File.Delete(Path);
    }
}
