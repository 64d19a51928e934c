using CustomerAnalytics.Data;

namespace CustomerAnalytics.Tests.Data;

/// <summary>Issue 25: every data line of a CSV file is accepted or rejected, once, at its own line number, or the load
/// fails naming the file and the line.</summary>
public class CsvRowAccountingTests
{
    private static DatasetSchema Text(params string[] names) =>
        new("text", names.Select(n => ColumnSpec.Text(n, nullable: true)).ToArray());

    [Fact]
    public void A_stray_quote_in_the_olist_orders_fails_the_load_naming_the_line_and_the_lines_it_swallowed()
    {
        using var temp = new TempFolder();
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Data, "olist", DatasetSchemas.OlistFiles.Orders));
        lines[100] = "\"" + lines[100]; // line 101
        var folder = Samples.WriteOlist(temp);
        var orders = temp.Write($"olist/{DatasetSchemas.OlistFiles.Orders}", string.Join("\n", lines) + "\n");
        using var db = new WorkshopDatabase();
        DatasetLoader.LoadOlist(db, Samples.WriteOlist(temp, "good"));

        var e = Assert.Throws<MalformedFileException>(() => DatasetLoader.LoadOlist(db, folder));

        Assert.Equal((orders, 101L), (e.File, e.Line));
        Assert.StartsWith($"{orders}, line 101: a quote (\") opened on this line is never closed, so the {lines.Length - 101:N0} line(s) after it," +
            $" to the end of the file (line {lines.Length:N0}), would be read as one field and lost. Fix the quote on line 101", e.Message);
        Assert.Equal(3, db.Count("orders")); // the tables loaded before stay as they were
    }

    [Fact]
    public void A_quote_that_closes_lines_later_fails_the_load_counting_the_rows_it_took()
    {
        using var temp = new TempFolder();
        var path = temp.Write("q.csv", "a,b\n1,x\n\"2,y\n3,z\n4,\"w\"\n5,v\n");

        var e = Assert.Throws<MalformedFileException>(() => LoadedRows.Read(path, Text("a", "b")));

        Assert.Equal(3, e.Line);
        Assert.Contains("line 3: a quote (\") opened on this line runs on to line 5, taking 2 line(s) that look like rows of their own into one field", e.Message);
    }

    [Theory]
    [InlineData("a,b\n1,x\r\n2,y\n3,z\r\n4,w\n")]
    [InlineData("a,b\r\n1,x\r\n2,y\n3,z\r\n4,w\r\n")]
    [InlineData("a,b\n1,x\n2,y\r3,z\n4,w")]
    public void Mixed_line_ends_load_every_row_and_keep_the_files_line_numbers(string content)
    {
        using var temp = new TempFolder();
        var path = temp.Write("mixed.csv", content);
        var (rows, report) = LoadedRows.Read(path, Text("a", "b"));
        Assert.Equal([["1", "x"], ["2", "y"], ["3", "z"], ["4", "w"]], rows);
        Assert.Equal((4L, 4L), (report.RowsRead, report.RowsAccepted));

        var bad = temp.Write("mixed-bad.csv", content.Replace("3,z", "3,z,extra"));
        var reject = Assert.Single(LoadedRows.Read(bad, Text("a", "b")).Report.FirstRejects);
        Assert.Equal((4L, "3,z,extra"), (reject.Line, reject.RawText));
    }

    [Fact]
    public void A_line_with_two_problems_counts_once_with_both()
    {
        using var temp = new TempFolder();
        var (rows, report) = LoadedRows.Read(temp.Write("two.csv", "a,b\n1,\"x\"q,3\n2,y\n"), Text("a", "b"));

        Assert.Equal(["2", "y"], Assert.Single(rows));
        Assert.Equal((2L, 1L, 1L), (report.RowsRead, report.RowsAccepted, report.RowsRejected));
        Assert.Equal(1, report.Rejected(RejectReason.MalformedQuotes));
        var reject = Assert.Single(report.FirstRejects);
        Assert.Equal((2L, RejectReason.MalformedQuotes), (reject.Line, reject.Reason));
        Assert.Contains("unterminated quote", reject.Detail);
        Assert.Contains("expected 2 fields, found 3", reject.Detail);
    }

    [Fact]
    public void Reject_lines_after_a_field_that_spans_lines_are_the_files_lines()
    {
        using var temp = new TempFolder();
        var (rows, report) = LoadedRows.Read(temp.Write("multi.csv", "a,b\n1,\"two\nlines\"\n\n2,y,extra\n"), Text("a", "b"));

        Assert.Equal(["1", "two\nlines"], Assert.Single(rows));
        var reject = Assert.Single(report.FirstRejects);
        Assert.Equal((5L, "2,y,extra"), (reject.Line, reject.RawText));
    }

    [Theory]
    [InlineData("a,b\n1,x\n2,y,extra\n", 3)]
    [InlineData("\n\na,b\n1,x\n2,y,extra\n", 5)]
    [InlineData("a,b\n1,\"x\r\ny\"\n\n2,y,extra\n", 5)]
    public void Reject_lines_count_blank_lines_before_the_header_and_inside_fields(string content, long line)
    {
        using var temp = new TempFolder();
        var (_, report) = LoadedRows.Read(temp.Write("lines.csv", content), Text("a", "b"));
        Assert.Equal((line, "2,y,extra"), (Assert.Single(report.FirstRejects).Line, report.FirstRejects[0].RawText));
        Assert.Equal((2L, 1L), (report.RowsRead, report.RowsRejected));
    }

    [Fact]
    public void A_latin1_file_with_mixed_line_ends_names_the_users_file_not_the_copy()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "latin1.csv");
        File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes("a,b\r\n1,caf\u00e9\n\"2,y\n3,z\n"));

        var e = Assert.Throws<MalformedFileException>(() => LoadedRows.Read(path, Text("a", "b")));

        Assert.Equal((path, 3L), (e.File, e.Line));
        Assert.DoesNotContain("ca-load-", e.Message);
    }
}
