using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace CustomerAnalytics.Data;

/// <summary>The encoding a file is read with, and how it was chosen (for the load report).</summary>
/// <param name="Encoding">The encoding to decode with; null means UTF-8 (a byte order mark is honoured either way).</param>
/// <param name="Description">For example "UTF-8", or "Latin-1 (ISO-8859-1), detected: ..." when the file is not UTF-8.</param>
internal sealed record TextEncodingChoice(Encoding? Encoding, string Description);

/// <summary>
/// Chooses how to decode a file when <see cref="LoadOptions.Encoding"/> is not set. A file with a byte order
/// mark, or whose bytes are all valid UTF-8, is read as UTF-8. Otherwise it is read as Latin-1 (ISO-8859-1),
/// the encoding of the Kaggle copy of Online Retail and of many spreadsheet exports: every byte is a character
/// there, so nothing turns into U+FFFD, and the report says that the encoding was detected and where the
/// first byte that is not UTF-8 is. The check reads the whole file once, in large blocks with the vectorized
/// <see cref="Utf8.IsValid(ReadOnlySpan{byte})"/>: ASCII runs at memory speed, a small cost next to parsing.
/// </summary>
internal static class TextEncodingDetector
{
    private const int BlockSize = 1 << 20;

    /// <summary>The encoding to read <paramref name="path"/> with: <paramref name="requested"/> when given, else detected.
    /// The bytes read on the way are fed to <paramref name="scanner"/> (complete when the whole file was valid UTF-8).</summary>
    public static TextEncodingChoice Choose(string path, Encoding? requested, CsvLineScanner? scanner = null)
    {
        if (requested is not null) return new TextEncodingChoice(requested, $"{Name(requested)} (as requested)");
        var invalidAt = FirstInvalidUtf8Byte(path, out var invalidByte, scanner);
        if (invalidAt < 0) return new TextEncodingChoice(null, "UTF-8");
        return new TextEncodingChoice(Encoding.Latin1, string.Create(CultureInfo.InvariantCulture,
            $"Latin-1 (ISO-8859-1), detected: the file is not valid UTF-8 (byte 0x{invalidByte:X2} at offset {invalidAt}); set LoadOptions.Encoding if it is another encoding"));
    }

    /// <summary>Offset of the first byte that is not part of valid UTF-8, or -1 when the whole file is valid
    /// UTF-8 or starts with a byte order mark (UTF-8, UTF-16 or UTF-32: the reader then follows the mark). The
    /// validated bytes are fed to <paramref name="scanner"/> in the same pass, and it is finished when the whole
    /// file was valid (a second read of a large file would cost as much as the check).</summary>
    internal static long FirstInvalidUtf8Byte(string path, out byte invalidByte, CsvLineScanner? scanner = null)
    {
        invalidByte = 0;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[BlockSize + 4];
        int carried = 0, read;
        long offset = 0; // file offset of buffer[0]
        bool first = true;
        while ((read = stream.Read(buffer, carried, BlockSize)) > 0)
        {
            int length = carried + read;
            if (first && HasByteOrderMark(buffer.AsSpan(0, length))) return -1;
            first = false;
            // Validate up to the start of the last (possibly incomplete) sequence; carry that to the next block.
            int cut = LastSequenceStart(buffer.AsSpan(0, length));
            if (!Utf8.IsValid(buffer.AsSpan(0, cut))) return offset + Locate(buffer.AsSpan(0, cut), out invalidByte);
            scanner?.Feed(buffer.AsSpan(0, cut));
            carried = length - cut;
            buffer.AsSpan(cut, carried).CopyTo(buffer);
            offset += cut;
        }
        if (carried > 0 && !Utf8.IsValid(buffer.AsSpan(0, carried))) return offset + Locate(buffer.AsSpan(0, carried), out invalidByte);
        scanner?.Feed(buffer.AsSpan(0, carried));
        scanner?.Finish();
        return -1;
    }

    /// <summary>True when <paramref name="file"/> starts with a UTF-16 or UTF-32 byte order mark (text to transcode to
    /// UTF-8 before DuckDB reads it).</summary>
    internal static bool HasNonUtf8ByteOrderMark(string file)
    {
        Span<byte> start = stackalloc byte[4];
        using var stream = File.OpenRead(file);
        int n = stream.ReadAtLeast(start, 4, throwOnEndOfStream: false);
        start = start[..n];
        return start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ||
               start.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]);
    }

    private static bool HasByteOrderMark(ReadOnlySpan<byte> start) =>
        start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ||
        start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || start.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]);

    /// <summary>Index of the last byte, among the last four, that can start a UTF-8 sequence (not 10xxxxxx).</summary>
    private static int LastSequenceStart(ReadOnlySpan<byte> block)
    {
        for (int i = block.Length - 1; i >= Math.Max(0, block.Length - 4); i--)
            if ((block[i] & 0xC0) != 0x80) return i;
        return block.Length; // four continuation bytes in a row are invalid anyway: validate them now
    }

    /// <summary>Where in an invalid block the first bad byte is (the block is small enough to decode once).</summary>
    private static int Locate(ReadOnlySpan<byte> block, out byte invalidByte)
    {
        var chars = new char[block.Length];
        Utf8.ToUtf16(block, chars, out int valid, out _, replaceInvalidSequences: false, isFinalBlock: true);
        invalidByte = block[valid];
        return valid;
    }

    private static string Name(Encoding encoding) => encoding.CodePage switch
    {
        65001 => "UTF-8",
        28591 => "Latin-1 (ISO-8859-1)",
        _ => encoding.WebName,
    };
}
