using CustomerAnalytics.Data;

namespace CustomerAnalytics.Tests.Data;

/// <summary>How fields are split: quotes, line endings, byte order marks, blank lines and broken quoting.</summary>
public class CsvQuotingTests
{
    private static DatasetSchema Text(params string[] names) =>
        new("text", names.Select(n => ColumnSpec.Text(n, nullable: true)).ToArray());

    [Fact]
    public void Quoted_fields_keep_commas_doubled_quotes_and_line_breaks()
    {
        using var temp = new TempFolder();
        var path = temp.Write("q.csv", "a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nplain,\"\",last\n");

        var (rows, report) = LoadedRows.Read(path, Text("a", "b", "c"));

        Assert.Equal(2, report.RowsAccepted);
        Assert.Equal(["x, y", "say \"hi\"", "two\nlines"], rows[0]);
        Assert.Equal(["plain", null, "last"], rows[1]);
    }

    [Fact]
    public void Crlf_and_lf_files_give_the_same_rows()
    {
        using var temp = new TempFolder();
        const string content = "a,b\n1,x\n2,\"y\"\n";
        var (lf, _) = LoadedRows.Read(temp.Write("lf.csv", content, "\n"), Text("a", "b"));
        var (crlf, _) = LoadedRows.Read(temp.Write("crlf.csv", content, "\r\n"), Text("a", "b"));

        Assert.Equal(lf, crlf);
        Assert.Equal(["2", "y"], crlf[1]);
    }

    [Fact]
    public void Byte_order_mark_is_not_part_of_the_first_column()
    {
        using var temp = new TempFolder();
        var (rows, _) = LoadedRows.Read(temp.Write("bom.csv", "id,name\n1,a\n", bom: true), Text("id", "name"));
        Assert.Equal(["1", "a"], Assert.Single(rows));
    }

    [Fact]
    public void Trailing_delimiter_gives_an_empty_last_field_and_a_lone_quote_inside_a_field_is_kept()
    {
        using var temp = new TempFolder();
        var (rows, report) = LoadedRows.Read(temp.Write("t.csv", "a,b,c\n5\" screen,\"q\",\n"), Text("a", "b", "c"));
        Assert.Equal(["5\" screen", "q", null], Assert.Single(rows));
        Assert.Equal(0, report.RowsRejected);
    }

    [Fact]
    public void Blank_lines_are_skipped_and_keep_line_numbers_right()
    {
        using var temp = new TempFolder();
        var (rows, report) = LoadedRows.Read(temp.Write("b.csv", "a,b\n\n1,x\n\n\n2,y,extra\n"), Text("a", "b"));
        Assert.Equal(["1", "x"], Assert.Single(rows));
        var reject = Assert.Single(report.FirstRejects);
        Assert.Equal(6, reject.Line);
        Assert.Equal("2,y,extra", reject.RawText);
        Assert.Equal("expected 2 fields, found 3", reject.Detail);
        Assert.Equal(3, report.BlankLines);
    }

    [Fact]
    public void Text_after_a_closing_quote_and_an_unclosed_quote_are_rejected_with_their_lines()
    {
        using var temp = new TempFolder();
        var (rows, report) = LoadedRows.Read(temp.Write("bad.csv", "a,b\n\"x\"y,1\n2,3\n4,\"never closed\n"), Text("a", "b"));

        Assert.Equal(["2", "3"], Assert.Single(rows));
        Assert.Equal([2L, 4L], report.FirstRejects.Select(r => r.Line));
        Assert.All(report.FirstRejects, r => Assert.Equal(RejectReason.MalformedQuotes, r.Reason));
    }
}
