using CustomerAnalytics.Benchmarks;
using CustomerAnalytics.Evaluation;
using CustomerAnalytics.SampleData;
using CustomerAnalytics.Segmentation.Data;
using CustomerAnalytics.Segmentation.Evaluation;
using Xunit.Abstractions;

namespace CustomerAnalytics.Tests.Segmentation;

/// <summary>Where workshop 02's RFM tables come from, and when they count as the sample the truth files describe.</summary>
public sealed class RfmInputTests(ITestOutputHelper output) : IDisposable
{
    private readonly Workshop _workshop = Workshop.Start(RepositoryPaths.Root);
    private readonly string _temp = Directory.CreateTempSubdirectory("rfm-input-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string RetailTruthPath => Path.Combine(RepositoryPaths.Data, "truth", "online_retail_customer_segments.csv");

    [Fact]
    public void TheOlistSampleIsComputedWithItsLoadReportAndCountsAsTheSample()
    {
        var rfm = OlistSample.Rfm;
        Assert.True(rfm.FromSample);
        Assert.Contains("(the bundled sample)", rfm.Source);
        Assert.Contains("rejected", rfm.ToHtml());
        var truth = TruthFiles.ReadSegments(OlistSample.TruthPath);
        Assert.All(rfm.RfmSegments().Keys, id => Assert.True(truth.ContainsKey(id), id));
    }

    [Fact]
    public void OtherOlistDataIsNotTheSampleAndItsTableHoldsOnlyItsOwnCustomers()
    {
        var (data, truthFolder) = (Path.Combine(_temp, "olist"), Path.Combine(_temp, "truth"));
        new OlistGenerator(new OlistOptions { Seed = 7, Orders = 800 }).Write(data, truthFolder);
        var rfm = RfmInput.FromOlist(data, _workshop.IsSample(data));
        output.WriteLine(rfm.ToString());
        Assert.False(rfm.FromSample);
        Assert.DoesNotContain("bundled sample", rfm.Source);
        var ownTruth = TruthFiles.ReadSegments(Path.Combine(truthFolder, "olist_customer_segments.csv"));
        var segments = rfm.RfmSegments();
        Assert.Equal(rfm.Table.Rows.Count, segments.Count);
        Assert.All(segments.Keys, id => Assert.True(ownTruth.ContainsKey(id), id));
        var sampleTruth = TruthFiles.ReadSegments(OlistSample.TruthPath);
        Assert.DoesNotContain(segments.Keys, sampleTruth.ContainsKey);
    }

    [Fact]
    public void TheOnlineRetailSampleMatchesItsTruthFileCustomerForCustomer()
    {
        var rfm = RfmInput.FromOnlineRetail(_workshop.DataPath("online-retail", "online_retail.csv"), _workshop.IsSample(""));
        output.WriteLine(rfm.ToString());
        Assert.True(rfm.FromSample);
        var features = CustomerFeatures.FromDataFrame(rfm.Table);
        var model = SegmentationPipeline.Train(features, clusters: 4);
        var truth = TruthFiles.ReadSegments(RetailTruthPath, "CustomerID");
        var comparison = SegmentAgreement.Compare(model.Score(features), truth, rfm.RfmSegments());
        output.WriteLine(comparison.ToString());
        Assert.Equal(0, comparison.Unmatched);
        Assert.Equal(features.Count, comparison.Customers);
        Assert.True(comparison.AdjustedRandIndex > 0.2, comparison.ToString());
    }

    [Fact]
    public void OtherOnlineRetailDataIsNotTheSampleThoughItsIdsOverlapTheSampleTruth()
    {
        var result = new OnlineRetailGenerator(new OnlineRetailOptions { Seed = 7, Lines = 3000 }).Write(Path.Combine(_temp, "retail"), Path.Combine(_temp, "truth"));
        var rfm = RfmInput.FromOnlineRetail(result.Path, _workshop.IsSample(result.Path));
        Assert.False(rfm.FromSample);
        // Customer ids are small numbers in both files: the sample's truth would "match" customers it never described,
        // which is why workshop 02 compares with the truth only when FromSample is true.
        var sampleTruth = TruthFiles.ReadSegments(RetailTruthPath, "CustomerID");
        Assert.Contains(rfm.RfmSegments().Keys, sampleTruth.ContainsKey);
    }

    [Fact]
    public void ASavedTableNeverCountsAsTheSample()
    {
        var path = RfmTableFile.Write(OlistSample.Rfm.Table, Path.Combine(_temp, "rfm_olist.csv"));
        var read = RfmInput.Read(path);
        Assert.False(read.FromSample);
        Assert.Null(read.Load);
        Assert.Equal(OlistSample.Rfm.Table.Rows.Count, read.Table.Rows.Count);
        Assert.Equal(OlistSample.Rfm.RfmSegments(), read.RfmSegments());
    }

    [Fact]
    public void SegmentsOfATableWithoutASegmentColumnAreAClearError()
    {
        var table = OlistSample.Rfm.Table.Clone();
        table.Columns.Remove("segment");
        var e = Assert.Throws<SegmentationException>(() => new RfmInput(table, "test", false, null).RfmSegments());
        Assert.Contains("customer_unique_id and segment", e.Message);
    }
}
