using CustomerAnalytics.Data;

namespace CustomerAnalytics.Tests.Data;

public class JourneyLoaderTests
{
    [Fact]
    public void Journeys_split_on_tabs_and_on_one_or_more_spaces()
    {
        using var temp = new TempFolder();
        var (records, report) = JourneyLoader.Load(temp.Write("j.tsv", Samples.Journeys));

        Assert.Equal(3, report.RowsAccepted);
        Assert.Equal("c1", records[0].CustomerId);
        Assert.Equal(["email", "web", "web"], records[0].Input);
        Assert.Equal(["purchase"], records[0].Target);
        Assert.Equal(["web", "purchase"], records[1].Target);
        Assert.Equal("c1: email web web -> purchase", records[0].ToString());
    }

    [Fact]
    public void Crlf_and_lf_journey_files_give_identical_records()
    {
        using var temp = new TempFolder();
        var lf = JourneyLoader.Load(temp.Write("lf.tsv", Samples.Journeys, "\n")).Records;
        var crlf = JourneyLoader.Load(temp.Write("crlf.tsv", Samples.Journeys, "\r\n")).Records;

        Assert.Equal(lf.Select(r => r.ToString()), crlf.Select(r => r.ToString()));
        Assert.DoesNotContain(crlf, r => r.Target.Any(t => t.Contains('\r')));
    }

    [Fact]
    public void Malformed_lines_are_rejected_with_line_numbers()
    {
        using var temp = new TempFolder();
        var path = temp.Write("j.tsv", string.Join("\n",
            "c1\temail web\tpurchase",   // 1
            "c2 email web purchase",     // 2 no tabs
            "c3\temail\tweb\textra",     // 3 four fields
            "c4\t  \tpurchase",          // 4 empty input
            "c5\temail\t",               // 5 empty target
            "\temail\tpurchase",         // 6 no customer
            "",                          // 7 blank
            "c8\tweb\tweb"));            // 8

        var (records, report) = JourneyLoader.Load(path);

        Assert.Equal(["c1", "c8"], records.Select(r => r.CustomerId));
        Assert.Equal(7, report.RowsRead);
        Assert.Equal(5, report.RowsRejected);
        Assert.Equal(1, report.BlankLines);
        Assert.Equal(2, report.Rejected(RejectReason.WrongColumnCount));
        Assert.Equal(2, report.Rejected(RejectReason.EmptySequence));
        Assert.Equal(1, report.Rejected(RejectReason.MissingRequiredField));
        Assert.Equal([2L, 3L, 4L, 5L, 6L], report.FirstRejects.Select(r => r.Line));
        Assert.Contains("found 1", report.FirstRejects[0].Detail);
        Assert.Equal("c3\temail\tweb\textra", report.FirstRejects[1].RawText);
        Assert.Equal("target", report.FirstRejects[3].Column);
    }

    [Fact]
    public void Too_many_bad_lines_fail_the_load()
    {
        using var temp = new TempFolder();
        var path = temp.Write("j.tsv", "c1\ta\tb\nbad\nworse\n");
        var e = Assert.Throws<DataValidationException>(() => JourneyLoader.Load(path, new LoadOptions { MaxErrors = 1 }));
        Assert.Contains("line 2: wrong column count", e.Message);
        Assert.Contains("line 3: wrong column count", e.Message);
    }

    [Fact]
    public void Empty_and_missing_journey_files_are_clear_errors()
    {
        using var temp = new TempFolder();
        var empty = Assert.Throws<SchemaMismatchException>(() => JourneyLoader.Load(temp.Write("j.tsv", "\n")));
        Assert.Contains("customer_id<TAB>input touchpoints<TAB>target touchpoints", empty.Message);
        var missing = Assert.Throws<DataFileNotFoundException>(() => JourneyLoader.Load(Path.Combine(temp.Path, "none.tsv")));
        Assert.Contains("none.tsv", missing.Message);
    }

    [Fact]
    public void Journeys_load_into_duckdb_as_lists()
    {
        using var temp = new TempFolder();
        using var db = new WorkshopDatabase();
        var report = JourneyLoader.LoadInto(db, temp.Write("j.tsv", Samples.Journeys));

        Assert.Equal("journeys", report.Table);
        Assert.Equal("VARCHAR[]", db.Describe("journeys").Single(c => c.Name == "input").Type);
        Assert.Equal(3, db.Scalar<long>("SELECT len(input) FROM journeys WHERE customer_id = 'c1'"));
        Assert.Equal("purchase", db.Scalar<string>("SELECT target[2] FROM journeys WHERE customer_id = 'c2'"));
    }
}
