using CustomerAnalytics.Segmentation.Data;
using Microsoft.Data.Analysis;

namespace CustomerAnalytics.Tests.Segmentation;

public class CustomerFeaturesTests
{
    private static DataFrame Table(string[] frequency, double[]? monetary = null) => new(
        new StringDataFrameColumn("customer_unique_id", frequency.Select((_, i) => $"c{i}")),
        new DoubleDataFrameColumn("recency_days", frequency.Select((_, i) => (double)(10 * i))),
        new StringDataFrameColumn("frequency", frequency),
        new DoubleDataFrameColumn("monetary_total", monetary ?? frequency.Select((_, i) => 100.0 + i)));

    [Fact]
    public void ReadsNumbersFromNumericAndTextColumnsAndAppliesTheLog()
    {
        var features = CustomerFeatures.FromDataFrame(Table(["1", "3", "2"]));
        Assert.Equal(3, features.Count);
        Assert.Equal([20.0, 2, 102], features.Raw[2]);
        Assert.Equal(Math.Log(3), features.Input[2][1], 12);
        Assert.Equal(0, features.Scaled.Average(r => r[0]), 5);
        Assert.Equal(1, Math.Sqrt(features.Scaled.Sum(r => r[0] * r[0]) / 3), 2);
    }

    [Fact]
    public void AMissingColumnNamesExpectedAndFoundColumns()
    {
        var table = Table(["1", "2"]);
        table.Columns.Remove("monetary_total");
        var e = Assert.Throws<SegmentationException>(() => CustomerFeatures.FromDataFrame(table));
        Assert.Contains("lacks column(s) monetary_total", e.Message);
        Assert.Contains("Found: customer_unique_id, recency_days, frequency", e.Message);
    }

    [Fact]
    public void ANonNumericValueNamesTheColumnRowAndValue()
    {
        var e = Assert.Throws<SegmentationException>(() => CustomerFeatures.FromDataFrame(Table(["1", "lots", "2"])));
        Assert.Contains("Column 'frequency'", e.Message);
        Assert.Contains("row 2 (customer c1): 'lots' is not a number", e.Message);
    }

    [Fact]
    public void NaNAndMissingValuesAreReportedWithTheirCount()
    {
        var e = Assert.Throws<SegmentationException>(() => CustomerFeatures.FromDataFrame(Table(["1", "2", ""], [1, double.NaN, 3])));
        Assert.Contains("Column 'frequency'", e.Message);
        Assert.Contains("missing value", e.Message);
        e = Assert.Throws<SegmentationException>(() => CustomerFeatures.FromDataFrame(Table(["1", "2", "3"], [1, double.NaN, 3])));
        Assert.Contains("Column 'monetary_total'", e.Message);
        Assert.Contains("1 of 3 rows", e.Message);
        Assert.Contains("NaN", e.Message);
    }

    [Fact]
    public void AValueTheLogCannotTakeIsAnError()
    {
        var e = Assert.Throws<SegmentationException>(() => CustomerFeatures.FromDataFrame(Table(["1", "2"], [5, -3])));
        Assert.Contains("log(1 + x) needs x > -1", e.Message);
    }

    [Fact]
    public void AnEmptyTableAndAMissingFileAreErrors()
    {
        Assert.Contains("no rows", Assert.Throws<SegmentationException>(() => CustomerFeatures.FromDataFrame(Table([]))).Message);
        var e = Assert.Throws<SegmentationException>(() => CustomerFeatures.FromCsv("/nonexistent/rfm_olist.csv"));
        Assert.Contains("/nonexistent/rfm_olist.csv", e.Message);
        Assert.Contains("notebook 01", e.Message);
    }

    [Fact]
    public void ReadsTheCsvThatWorkshop01Writes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rfm-{Guid.NewGuid():N}.csv");
        try
        {
            RfmTableFile.Write(OlistSample.Rfm.Table, path);
            var fromCsv = CustomerFeatures.FromCsv(path);
            Assert.Equal(OlistSample.Features.Ids, fromCsv.Ids);
            Assert.Equal(OlistSample.Features.Raw[7], fromCsv.Raw[7]);
        }
        finally { File.Delete(path); }
    }
}
