using System.Globalization;
using CustomerAnalytics.Churn.Data;
using CustomerAnalytics.Data;
using CustomerAnalytics.Tests.Fixtures.RealFormats;
using static CustomerAnalytics.Tests.Fixtures.RealFormats.Ga4BigQueryExport;

namespace CustomerAnalytics.Tests.Churn;

public class Ga4JsonExportTests : IDisposable
{
    private static readonly DateTime T = new(2021, 3, 1, 10, 0, 0, DateTimeKind.Utc);
    private readonly string folder = Directory.CreateTempSubdirectory("ga4-json").FullName;

    public void Dispose() => Directory.Delete(folder, true);

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    private static long Micros(DateTime t) => (t - DateTime.UnixEpoch).Ticks / 10;

    [Fact]
    public void NestedValuesAreParsedWhetherInt64IsAStringOrANumberAndWhereverTheSessionParameterIs()
    {
        var path = Write("export.jsonl",
            Line(new ExportEvent("1026454.4271112504", "session_start", T, 1614592800, Numbers: false, SessionParamAt: 0)),
            Line(new ExportEvent("1026454.4271112504", "purchase", T.AddSeconds(90), 1614592800, Numbers: true, SessionParamAt: 4)));
        Assert.Contains("\"event_timestamp\":\"", File.ReadLines(path).First()); // BigQuery's INT64-as-string
        var loaded = DatasetLoader.LoadGa4(path);
        var f = loaded.Frame;
        Assert.Equal(2, f.Rows.Count);
        Assert.Equal(new DateTime(2021, 3, 1), f.Columns["event_date"][0]);
        Assert.Equal(Micros(T.AddSeconds(90)), f.Columns["event_timestamp"][1]);
        Assert.Equal(1614592800L, f.Columns["ga_session_id"][0]);
        Assert.Equal(1614592800L, f.Columns["ga_session_id"][1]);
        Assert.Equal("purchase", f.Columns["event_name"][1]);
        Assert.Equal("WEB", f.Columns["platform"][0]);
        Assert.Equal("mobile", f.Columns["device_category"][0]);
        Assert.Equal("Germany", f.Columns["geo_country"][0]);
        Assert.Equal(2, loaded.Report.RowsAccepted);
        Assert.Empty(loaded.Report.Notes);
    }

    [Fact]
    public void AnEventWithoutGaSessionIdIsKeptAndReportedWithItsLine()
    {
        var path = Write("export.json",
            Line(new ExportEvent("7.1", "session_start", T, 1614592800)),
            Line(new ExportEvent("7.1", "page_view", T.AddSeconds(5), Session: null)),
            Line(new ExportEvent("7.1", "user_engagement", T.AddSeconds(9), 1614592800)));
        var log = EventLog.Load(path);
        Assert.Equal(3, log.Events.Count);
        Assert.Equal(1, log.MissingSession);
        var note = Assert.Single(log.Report!.Notes);
        Assert.Equal("ga_session_id", note.Column);
        Assert.Equal(1, note.Rows);
        Assert.Equal(2, Assert.Single(note.FirstRows).Line);
        Assert.Contains("\"page_view\"", note.FirstRows[0].RawText);
        Assert.Contains(log.Warnings, w => w.StartsWith("1 event(s) without ga_session_id") && w.Contains("load report lists"));
        Assert.Contains("no integer ga_session_id", log.Report.ToString());
        Assert.Contains("Accepted with a note", log.ToHtml());
    }

    [Fact]
    public void BadLinesAreRejectedWithReasonLineAndText()
    {
        var good = Line(new ExportEvent("7.1", "session_start", T, 1614592800));
        var path = Write("export.ndjson",
            good,
            "",
            """{"event_date":"20210301","event_timestamp":"1614592800000000","event_name":"x","event_params":[]}""",
            """{"event_date":"20210301","event_timestamp":"soon","event_name":"x","user_pseudo_id":"7.1","event_params":[]}""",
            """{"event_date":"2021-03-01","event_timestamp":"1614592800000000","event_name":"x","user_pseudo_id":"7.1"}""",
            """{"event_date":"20210301","event_timestamp":"1614592800""",
            good);
        var report = DatasetLoader.LoadGa4(path).Report;
        Assert.Equal(6, report.RowsRead);
        Assert.Equal(2, report.RowsAccepted);
        Assert.Equal(1, report.BlankLines);
        Assert.Equal([(3L, RejectReason.MissingRequiredField, "user_pseudo_id"), (4, RejectReason.BadNumber, "event_timestamp"),
                (5, RejectReason.BadTimestamp, "event_date"), (6, RejectReason.MalformedJson, null)],
            report.FirstRejects.Select(r => (r.Line, r.Reason, r.Column)));
        Assert.StartsWith("""{"event_date":"20210301","event_timestamp":"soon""", report.FirstRejects[1].RawText);
    }

    [Fact]
    public void ACrInsideALineNeitherShiftsTheLinesNorRefusesTheFileAndBadLinesAreRejectedOneByOne()
    {
        var good = Line(new ExportEvent("7.1", "session_start", T, 1614592800));
        // A CR between JSON tokens is whitespace; a raw CR inside a string makes that one line unreadable.
        var path = Write("export.jsonl", good.Replace(",\"event_name\"", ",\r\"event_name\""), good.Replace("session_start", "session\rstart"),
            good, "{\"event_date\":\"2021", good);

        var report = DatasetLoader.LoadGa4(path).Report;

        Assert.Equal((5L, 3L, 2L), (report.RowsRead, report.RowsAccepted, report.RowsRejected));
        Assert.Equal([(2L, RejectReason.MalformedJson), (4L, RejectReason.MalformedJson)], report.FirstRejects.Select(r => (r.Line, r.Reason)));
    }

    [Fact]
    public void AUtf16ExportLoadsLikeItsUtf8Original()
    {
        var utf8 = Write("export.jsonl", Line(new ExportEvent("7.1", "session_start", T, 1614592800)), Line(new ExportEvent("7.1", "page_view", T.AddSeconds(5), 1614592800)));
        var utf16 = Path.Combine(folder, "export-utf16.jsonl");
        File.WriteAllText(utf16, File.ReadAllText(utf8), System.Text.Encoding.Unicode);

        var (a, b) = (DatasetLoader.LoadGa4(utf8), DatasetLoader.LoadGa4(utf16));

        Assert.Equal((2L, 0L), (b.Report.RowsAccepted, b.Report.RowsRejected));
        Assert.Equal(a.Frame.Columns["event_name"].Cast<string>(), b.Frame.Columns["event_name"].Cast<string>());
        Assert.Equal(Path.GetFullPath(utf16), b.Report.File);
    }

    [Fact]
    public void OverTheErrorBudgetNothingLoadsAndTheMessageSaysWhy()
    {
        var path = Write("export.jsonl", """{"event_date":"20210301","event_name":"x","user_pseudo_id":"1"}""", Line(new ExportEvent("7.1", "x", T, 1)));
        var e = Assert.Throws<DataValidationException>(() => EventLog.Load(path, LoadOptions.Strict));
        Assert.Contains("1 of 2 rows rejected", e.Message);
        Assert.Contains("event_timestamp is missing", e.Message);
    }

    [Fact]
    public void CsvAndJsonFormsOfTheSameEventsGiveTheSameEventLog()
    {
        var events = new List<ExportEvent>();
        for (int u = 0; u < 4; u++)
            for (int i = 0; i < 5; i++)
                events.Add(new ExportEvent($"{u}.99", i % 2 == 0 ? "page_view" : "user_engagement", T.AddHours(u).AddMinutes(i * 7),
                    i == 3 && u == 2 ? null : 1614592800 + u, Numbers: u % 2 == 1, SessionParamAt: i));
        var json = Write("export.jsonl", events.Select(Line).ToArray());
        var csv = Write("export.csv", ["event_date,event_timestamp,event_name,user_pseudo_id,ga_session_id,platform,device_category,geo_country",
            .. events.Select(e => string.Create(CultureInfo.InvariantCulture,
                $"{e.Time:yyyyMMdd},{Micros(e.Time)},{e.Name},{e.User},{e.Session},WEB,{(e.User[0] < '5' ? "mobile" : "desktop")},Germany"))]);
        var fromJson = EventLog.Load(json);
        var fromCsv = EventLog.Load(csv);
        Assert.Equal(fromCsv.Events, fromJson.Events);
        Assert.Equal((fromCsv.MissingSession, fromCsv.MissingUser, fromCsv.MissingTimestamp, fromCsv.OutOfOrder),
            (fromJson.MissingSession, fromJson.MissingUser, fromJson.MissingTimestamp, fromJson.OutOfOrder));
        Assert.Equal(1, fromJson.MissingSession);
        var csvFrame = DatasetLoader.LoadGa4(csv).Frame;
        var jsonFrame = DatasetLoader.LoadGa4(json).Frame;
        Assert.Equal(csvFrame.Columns.Select(c => (c.Name, c.DataType)), jsonFrame.Columns.Select(c => (c.Name, c.DataType)));
        Assert.Equal(csvFrame.Columns["device_category"].Cast<object>(), jsonFrame.Columns["device_category"].Cast<object>());
    }

    [Fact]
    public void TheOrderOfTheExportsLinesChangesNothing()
    {
        var lines = File.ReadAllLines(Ga4BigQueryExport.Write(folder)[0]["ga4Source=".Length..]);
        var forward = EventLog.Load(Write("forward.jsonl", lines));
        var backward = EventLog.Load(Write("backward.jsonl", lines.Reverse().ToArray()));
        Assert.Equal(forward.Events, backward.Events);
        Assert.Equal(SequenceBuilder.NextEvent(forward).Sequences, SequenceBuilder.NextEvent(backward).Sequences);
        var labels = ChurnLabels.Compute(forward);
        Assert.Equal(SequenceBuilder.Churn(forward, labels).UserIds, SequenceBuilder.Churn(backward, ChurnLabels.Compute(backward)).UserIds);
    }

    [Fact]
    public void TheFormIsRecognisedByContentWhenTheExtensionSaysNothing()
    {
        var json = Write("events.txt", Line(new ExportEvent("7.1", "session_start", T, 1)));
        Assert.Equal("ga4_events_json", DatasetLoader.LoadGa4(json).Report.Dataset);
        var csv = Write("events.dat", "event_date,event_timestamp,event_name,user_pseudo_id,ga_session_id,platform,device_category,geo_country",
            "20210301,1614592800000000,x,7.1,1,WEB,desktop,Germany");
        Assert.Equal("ga4_events", DatasetLoader.LoadGa4(csv).Report.Dataset);
    }

    [Theory]
    [InlineData("export.json.gz")]
    [InlineData("000000000000")] // EXPORT DATA's shard names have no extension
    public void AGzipExportIsReadAsIs(string name)
    {
        var lines = new[] { Line(new ExportEvent("7.1", "session_start", T, 1614592800)), Line(new ExportEvent("7.1", "purchase", T.AddSeconds(4), null)) };
        var path = Path.Combine(folder, name);
        using (var gz = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Fastest))
            gz.Write(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));
        var log = EventLog.Load(path);
        Assert.Equal(["session_start", "purchase"], log.Events.Select(e => e.EventName));
        Assert.Equal(2, log.Report!.Notes.Single().FirstRows.Single().Line);
    }

    [Theory]
    [InlineData("[{\"event_name\":\"x\"}]", "jq -c '.[]'")]
    [InlineData("   \n", "is empty")]
    [InlineData("{\n  \"event_name\": \"x\",\n  \"user_pseudo_id\": \"1\"\n}", "newline-delimited")]
    public void WrongShapesOfJsonSayWhatToDo(string content, string expected)
    {
        var path = Path.Combine(folder, "export.json");
        File.WriteAllText(path, content);
        var e = Assert.ThrowsAny<WorkshopException>(() => EventLog.Load(path));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void TheBigQueryFixtureLoadsWithItsSessionlessEventsReported()
    {
        var parameters = Ga4BigQueryExport.Write(folder);
        var path = Assert.Single(parameters, p => p.StartsWith("ga4Source=", StringComparison.Ordinal))["ga4Source=".Length..];
        Assert.Contains("maxTrainExamples=300", parameters);
        var log = EventLog.Load(path, LoadOptions.Strict);
        Assert.Equal(Users, log.Users);
        Assert.Equal(EventsWithoutSession, log.MissingSession);
        Assert.Equal(EventsWithoutSession, log.Report!.Notes.Single().Rows);
        Assert.Contains(log.Events, e => e.EventName == "purchase");
        Assert.Contains(log.Events, e => e.EventName == "begin_checkout");
        Assert.True(log.OutOfOrder > 0, "the export's lines are in no particular order");
        var labels = ChurnLabels.Compute(log);
        Assert.InRange(labels.Churned, 40, 200);
        Assert.InRange(labels.Retained, 40, 200);
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(Ga4BigQueryExport.Write(Path.Combine(folder, "again"))[0]["ga4Source=".Length..]));
    }
}
