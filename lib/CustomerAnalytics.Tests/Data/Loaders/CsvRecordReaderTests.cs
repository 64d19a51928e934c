using CustomerAnalytics.Data;

namespace CustomerAnalytics.Tests.Data;

public class CsvRecordReaderTests
{
    private static List<(long Line, string[] Fields, string? Problem)> ReadAll(string path)
    {
        using var reader = new CsvRecordReader(path, ',');
        var records = new List<(long, string[], string?)>();
        while (reader.Read()) records.Add((reader.StartLine, reader.Fields.Select(f => f.ToString()).ToArray(), reader.QuoteProblem));
        return records;
    }

    [Fact]
    public void Quoted_fields_keep_commas_doubled_quotes_and_line_breaks()
    {
        using var temp = new TempFolder();
        var path = temp.Write("q.csv", "a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nplain,\"\",last\n");

        var records = ReadAll(path);

        Assert.Equal(3, records.Count);
        Assert.Equal(["x, y", "say \"hi\"", "two\nlines"], records[1].Fields);
        Assert.Equal(["plain", "", "last"], records[2].Fields);
        Assert.Equal(4, records[2].Line); // the quoted line break moved the next record to line 4
        Assert.All(records, r => Assert.Null(r.Problem));
    }

    [Fact]
    public void Crlf_and_lf_files_give_identical_records()
    {
        using var temp = new TempFolder();
        const string content = "a,b\n1,\"multi\nline\"\n2,x\n";
        var lf = ReadAll(temp.Write("lf.csv", content, "\n"));
        var crlf = ReadAll(temp.Write("crlf.csv", content, "\r\n"));

        Assert.Equal(lf.Count, crlf.Count);
        for (int i = 0; i < lf.Count; i++)
        {
            Assert.Equal(lf[i].Line, crlf[i].Line);
            Assert.Equal(lf[i].Fields, crlf[i].Fields);
        }
        Assert.Equal("multi\nline", crlf[1].Fields[1]);
    }

    [Fact]
    public void Byte_order_mark_is_not_part_of_the_first_field()
    {
        using var temp = new TempFolder();
        var records = ReadAll(temp.Write("bom.csv", "id,name\n1,a\n", bom: true));
        Assert.Equal("id", records[0].Fields[0]);
    }

    [Fact]
    public void Trailing_delimiter_gives_an_empty_last_field_and_a_lone_quote_inside_a_field_is_kept()
    {
        using var temp = new TempFolder();
        var records = ReadAll(temp.Write("t.csv", "a,b,\n5\" screen,\"q\",\n"));
        Assert.Equal(["a", "b", ""], records[0].Fields);
        Assert.Equal(["5\" screen", "q", ""], records[1].Fields);
    }

    [Fact]
    public void Blank_lines_are_skipped_counted_and_keep_line_numbers_right()
    {
        using var temp = new TempFolder();
        var path = temp.Write("b.csv", "a\n\n1\n\n\n2\n");
        using var reader = new CsvRecordReader(path, ',');
        var lines = new List<long>();
        while (reader.Read()) lines.Add(reader.StartLine);
        Assert.Equal([1L, 3L, 6L], lines);
        Assert.Equal(3, reader.BlankLines);
    }

    [Fact]
    public void Unclosed_quote_and_text_after_a_closing_quote_are_reported()
    {
        using var temp = new TempFolder();
        var records = ReadAll(temp.Write("bad.csv", "a,b\n\"x\"y,1\n2,\"never closed\n3,4\n"));

        Assert.Equal(3, records.Count);
        Assert.Contains("after the closing quote", records[1].Problem);
        Assert.Equal(3, records[2].Line);
        Assert.Contains("starting on line 3 is never closed", records[2].Problem);
    }
}
