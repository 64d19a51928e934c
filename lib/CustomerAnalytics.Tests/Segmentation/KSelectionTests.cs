using CustomerAnalytics.Segmentation;
using Xunit.Abstractions;

namespace CustomerAnalytics.Tests.Segmentation;

public class KSelectionTests(ITestOutputHelper output)
{
    [Fact]
    public void MeasuresEveryKAndAgreesWithTheModelTrainedForThatK()
    {
        var selection = KSelection.Run(OlistSample.Features, new KSelectionOptions { MinK = 2, MaxK = 6 });
        output.WriteLine(selection.ToString());
        foreach (var r in selection.Rows) output.WriteLine($"{r.K}: inertia {r.Inertia:F1} silhouette {r.Silhouette:F4} DB {r.DaviesBouldin:F4} smallest {r.SmallestCluster}");
        Assert.Equal([2, 3, 4, 5, 6], selection.Rows.Select(r => r.K));
        Assert.All(selection.Rows.Zip(selection.Rows.Skip(1)), p => Assert.True(p.Second.Inertia < p.First.Inertia));

        var model = SegmentationModel.Train(OlistSample.Features, new KMeansOptions { Clusters = 4 });
        var assignment = model.Assign(OlistSample.Features);
        Assert.Equal(ClusterQuality.Silhouette(assignment.Points, assignment.Clusters), selection[4].Silhouette, 9);
        Assert.Equal(ClusterQuality.Inertia(assignment.Points, assignment.Clusters), selection[4].Inertia, 6);
    }

    [Fact]
    public void SamplesTheSilhouetteAboveTheSampleSize()
    {
        var selection = KSelection.Run(OlistSample.Features, new KSelectionOptions { MinK = 3, MaxK = 3, SilhouetteSampleSize = 500 });
        Assert.Equal(500, selection.SilhouetteSample);
        Assert.Equal(OlistSample.Features.Count, selection.Customers);
        Assert.Contains("a sample of 500", selection.ToString());
    }

    [Fact]
    public void AnImpossibleRangeIsAClearError()
    {
        var few = CustomerFeatures.FromDataFrame(OlistSample.Rfm.Table.Head(4));
        Assert.Contains("larger than the number of customers (4)",
            Assert.Throws<SegmentationException>(() => KSelection.Run(few, new KSelectionOptions { MaxK = 10 })).Message);
        Assert.Contains("is empty", Assert.Throws<SegmentationException>(() => KSelection.Run(few, new KSelectionOptions { MinK = 3, MaxK = 2 })).Message);
    }

    [Fact]
    public void DaviesBouldinAgreesWithMlNetsOwnEvaluation()
    {
        var model = SegmentationModel.Train(OlistSample.Features, new KMeansOptions { Clusters = 4 });
        var assignment = model.Assign(OlistSample.Features);
        var ml = new Microsoft.ML.MLContext(1);
        var data = ml.Data.LoadFromEnumerable(OlistSample.Features.Input.Select(r => new Row { RawFeatures = Array.ConvertAll(r, v => (float)v) }),
            RowSchema(OlistSample.Features.Width));
        var metrics = ml.Clustering.Evaluate(model.MlModel.Transform(data), scoreColumnName: "Score", featureColumnName: "Features");
        output.WriteLine($"ours {ClusterQuality.DaviesBouldin(assignment.Points, assignment.Clusters)}, ML.NET {metrics.DaviesBouldinIndex}");
        Assert.Equal(metrics.DaviesBouldinIndex, ClusterQuality.DaviesBouldin(assignment.Points, assignment.Clusters), 3);
    }

    private sealed class Row
    {
        public float[] RawFeatures { get; set; } = [];
    }

    private static Microsoft.ML.Data.SchemaDefinition RowSchema(int width)
    {
        var schema = Microsoft.ML.Data.SchemaDefinition.Create(typeof(Row));
        schema["RawFeatures"].ColumnType = new Microsoft.ML.Data.VectorDataViewType(Microsoft.ML.Data.NumberDataViewType.Single, width);
        return schema;
    }
}

/// <summary>The sentence workshop 02 prints about the three k-selection measures.</summary>
public class KSelectionReadingTests
{
    private static KSelectionRow Row(int k, double inertia, double silhouette, double daviesBouldin) => new(k, inertia, silhouette, daviesBouldin, 10, TimeSpan.Zero);

    private static readonly KSelection Selection = new(
        [Row(2, 100, 0.5, 0.7), Row(3, 50, 0.4, 0.9), Row(4, 40, 0.35, 0.8), Row(5, 35, 0.3, 1.1)], 100, 100);

    [Fact]
    public void NamesTheBestKOfEachMeasureAndTheIndicesAtTheChosenAndReferenceK()
    {
        Assert.Equal(3, Selection.Elbow);
        Assert.Equal("The silhouette is highest at k = 2 (0.500), the Davies-Bouldin index lowest at k = 2 (0.700), and the inertia curve bends at k = 3." +
                     " At k = 3 (the chosen k): silhouette 0.400, Davies-Bouldin 0.900. At k = 5 (the original workshop's): silhouette 0.300, Davies-Bouldin 1.100.",
            Selection.Reading(3, 5, "the original workshop's"));
    }

    [Fact]
    public void AKOutsideTheTriedRangeIsSaidSoAndAReferenceEqualToTheChosenKIsNotRepeated()
    {
        Assert.EndsWith(" k = 8 (the chosen k) was not tried (k = 2..5).", Selection.Reading(8));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(Selection.Reading(4, 4), "At k = 4"));
    }
}
