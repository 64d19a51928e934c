using CustomerAnalytics.Data;

namespace CustomerAnalytics.Tests.Data;

public class EncodingTests
{
    [Fact]
    public void A_latin1_file_read_as_utf8_is_flagged_and_reads_right_with_the_latin1_option()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "latin1.csv");
        File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes(
            "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n1,2,CAFÉ MUG,1,12/1/2010 8:26,1.00,,Éire\n"));

        var (asUtf8, utf8Report) = SchemaCsvReader.ReadAll(path, DatasetSchemas.OnlineRetail, r => r.GetString(2));
        Assert.Equal("CAF\uFFFD MUG", Assert.Single(asUtf8));
        Assert.Equal(2, utf8Report.UndecodableBytes);
        Assert.Contains("Encoding = System.Text.Encoding.Latin1", utf8Report.ToString());
        Assert.Contains("Latin-1", utf8Report.ToHtml());

        var (asLatin1, latin1Report) = SchemaCsvReader.ReadAll(path, DatasetSchemas.OnlineRetail, r => r.GetString(2),
            new LoadOptions { Encoding = System.Text.Encoding.Latin1 });
        Assert.Equal("CAFÉ MUG", Assert.Single(asLatin1));
        Assert.Equal(0, latin1Report.UndecodableBytes);
        Assert.DoesNotContain("warning", latin1Report.ToString());
    }
}
