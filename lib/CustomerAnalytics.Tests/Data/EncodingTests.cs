using System.Text;
using CustomerAnalytics.Data;

namespace CustomerAnalytics.Tests.Data;

public class EncodingTests
{
    private const string RetailLatin1 =
        "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n1,2,CAFÉ MUG £5,1,12/1/2010 8:26,1.00,,Éire\n";

    [Fact]
    public void A_latin1_file_is_detected_read_intact_and_reported()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "latin1.csv");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes(RetailLatin1));

        var (rows, report) = LoadedRows.Read(path, DatasetSchemas.OnlineRetail);
        Assert.Equal(("CAFÉ MUG £5", "Éire"), (Assert.Single(rows)[2], rows[0][7]));
        Assert.Equal(0, report.UndecodableBytes);
        var offset = RetailLatin1.IndexOf('É');
        Assert.StartsWith($"Latin-1 (ISO-8859-1), detected: the file is not valid UTF-8 (byte 0xC9 at offset {offset})", report.TextEncoding);
        Assert.Contains("encoding: Latin-1 (ISO-8859-1), detected", report.ToString());
        Assert.Contains("Encoding: Latin-1 (ISO-8859-1), detected", report.ToHtml());
    }

    [Fact]
    public void A_utf8_file_stays_utf8_and_the_report_does_not_mention_the_encoding()
    {
        using var temp = new TempFolder();
        var path = temp.Write("utf8.csv", RetailLatin1);
        var (rows, report) = LoadedRows.Read(path, DatasetSchemas.OnlineRetail);
        Assert.Equal("CAFÉ MUG £5", Assert.Single(rows)[2]);
        Assert.Equal("UTF-8", report.TextEncoding);
        Assert.DoesNotContain("encoding", report.ToString());
    }

    [Fact]
    public void A_requested_encoding_is_used_as_given_and_bad_bytes_are_counted()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "latin1.csv");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes(RetailLatin1));

        var (asUtf8, utf8Report) = LoadedRows.Read(path, DatasetSchemas.OnlineRetail, new LoadOptions { Encoding = Encoding.UTF8 });
        Assert.Equal("CAF\uFFFD MUG \uFFFD5", Assert.Single(asUtf8)[2]);
        Assert.Equal(3, utf8Report.UndecodableBytes);
        Assert.Equal("UTF-8 (as requested)", utf8Report.TextEncoding);
        Assert.Contains("reload with the right LoadOptions.Encoding", utf8Report.ToString());

        var (asLatin1, latin1Report) = LoadedRows.Read(path, DatasetSchemas.OnlineRetail, new LoadOptions { Encoding = Encoding.Latin1 });
        Assert.Equal("CAFÉ MUG £5", Assert.Single(asLatin1)[2]);
        Assert.Equal(0, latin1Report.UndecodableBytes);
        Assert.DoesNotContain("warning", latin1Report.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Utf8_characters_across_the_block_boundary_are_valid_and_a_late_bad_byte_is_found(int shift)
    {
        using var temp = new TempFolder();
        // A 4-byte character (U+1F600) placed so that it straddles the detector's 1 MiB block boundary.
        var bytes = new List<byte>(Enumerable.Repeat((byte)'a', (1 << 20) - shift));
        bytes.AddRange(Encoding.UTF8.GetBytes("\U0001F600 é €\n"));
        var valid = Path.Combine(temp.Path, "valid.csv");
        File.WriteAllBytes(valid, [.. bytes]);
        Assert.Equal(-1, TextEncodingDetector.FirstInvalidUtf8Byte(valid, out _));

        bytes.AddRange(Enumerable.Repeat((byte)'b', 1 << 20));
        bytes.Add(0xA3); // '£' in Latin-1, two MiB into the file
        var invalid = Path.Combine(temp.Path, "invalid.csv");
        File.WriteAllBytes(invalid, [.. bytes]);
        Assert.Equal(bytes.Count - 1, TextEncodingDetector.FirstInvalidUtf8Byte(invalid, out var bad));
        Assert.Equal(0xA3, bad);
    }
}
