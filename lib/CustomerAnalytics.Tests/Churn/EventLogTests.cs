using CustomerAnalytics.Churn.Data;
using CustomerAnalytics.Data;

namespace CustomerAnalytics.Tests.Churn;

public class EventLogTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("churn-log").FullName;

    public void Dispose() => Directory.Delete(folder, true);

    private string Csv(params string[] rows)
    {
        var path = Path.Combine(folder, "events.csv");
        File.WriteAllLines(path, ["event_date,event_timestamp,event_name,user_pseudo_id,ga_session_id,platform,device_category,geo_country", .. rows]);
        return path;
    }

    [Fact]
    public void RowsWithMissingUserOrTimestampAreRejectedByTheLoaderAndReported()
    {
        var path = Csv(
            "20201101,1604193565694255,first_visit,1.1,1604193565,WEB,desktop,United States",
            "20201101,,page_view,1.1,1604193565,WEB,desktop,United States",
            "20201101,1604193565794255,page_view,,1604193565,WEB,desktop,United States",
            "20201101,1604193565894255,user_engagement,1.1,1604193565,WEB,desktop,United States");
        var log = EventLog.Load(path);
        Assert.Equal(2, log.Events.Count);
        Assert.Equal(2, log.Report!.RowsRejected);
        Assert.Contains(log.Warnings, w => w.StartsWith("2 row(s) rejected by the loader"));
    }

    [Fact]
    public void UnsortedFileIsSortedPerUserWithAWarning()
    {
        var path = Csv(
            "20201101,1604193565894255,user_engagement,1.1,1604193565,WEB,desktop,United States",
            "20201101,1604193565694255,session_start,1.1,1604193565,WEB,desktop,United States",
            "20201101,1604193565700000,session_start,2.2,1604193565,WEB,desktop,United States");
        var log = EventLog.Load(path);
        Assert.Equal(1, log.OutOfOrder);
        Assert.Equal(["session_start", "user_engagement", "session_start"], log.Events.Select(e => e.EventName));
        Assert.Contains("re-sorted", log.ToHtml());
    }

    [Fact]
    public void MissingFileNamesThePath()
    {
        var e = Assert.ThrowsAny<WorkshopException>(() => EventLog.Load(Path.Combine(folder, "nope.csv")));
        Assert.Contains("nope.csv", e.Message);
    }

    [Fact]
    public void DataFrameWithoutAColumnSaysWhichColumnsWereExpected()
    {
        var frame = new Microsoft.Data.Analysis.DataFrame(new Microsoft.Data.Analysis.StringDataFrameColumn("user_pseudo_id", ["a"]));
        var e = Assert.Throws<ChurnDataException>(() => EventLog.FromDataFrame(frame));
        Assert.Contains("ga_session_id, event_timestamp, event_name", e.Message);
        Assert.Contains("found user_pseudo_id", e.Message);
    }

    [Fact]
    public void LoadsTheSample()
    {
        var log = EventLog.Load(ChurnTestData.SamplePath, LoadOptions.Strict);
        Assert.Equal(20_755, log.Events.Count);
        Assert.Equal(1000, log.Users);
        Assert.Empty(log.Warnings);
    }
}
