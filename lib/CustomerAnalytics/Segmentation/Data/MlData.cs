using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace CustomerAnalytics.Segmentation.Data;

/// <summary>Moves feature rows in and out of ML.NET data views (vector columns of a size known at run time).</summary>
internal static class MlData
{
    public const string InputColumn = "RawFeatures";
    public const string FeaturesColumn = "Features";
    public const string PredictedLabelColumn = "PredictedLabel";
    public const string ScoreColumn = "Score";

    private sealed class Row
    {
        public float[] RawFeatures { get; set; } = [];
    }

    /// <summary>One row per customer with a RawFeatures vector of <paramref name="width"/> floats.</summary>
    public static IDataView ToView(MLContext ml, IReadOnlyList<double[]> rows, int width)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        // KMeans and the normaliser need a vector of known size; the attribute cannot say it, the schema can.
        schema[InputColumn].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return ml.Data.LoadFromEnumerable(rows.Select(r => new Row { RawFeatures = Array.ConvertAll(r, v => (float)v) }).ToArray(), schema);
    }

    /// <summary>The mean-variance scaling behind <see cref="CustomerFeatures.Scaled"/> (the notebook's pipeline has its own, in view).</summary>
    public static NormalizingEstimator Scaler(MLContext ml) =>
        ml.Transforms.NormalizeMeanVariance(FeaturesColumn, InputColumn, fixZero: false);

    /// <summary>A float vector column as double rows.</summary>
    public static double[][] ReadVectors(IDataView view, string column) =>
        view.GetColumn<float[]>(column).Select(v => Array.ConvertAll(v, x => (double)x)).ToArray();

    /// <summary>The points (<paramref name="featureColumn"/>) and cluster ids (1..k) of a k-means model's output.</summary>
    /// <exception cref="SegmentationException">A column is missing.</exception>
    public static (double[][] Points, int[] Labels) ReadPredictions(IDataView predictions, string featureColumn)
    {
        RequireColumns(predictions, featureColumn, PredictedLabelColumn);
        return (ReadVectors(predictions, featureColumn), predictions.GetColumn<uint>(PredictedLabelColumn).Select(l => (int)l).ToArray());
    }

    /// <exception cref="SegmentationException">One of <paramref name="columns"/> is missing.</exception>
    public static void RequireColumns(IDataView predictions, params string[] columns)
    {
        foreach (var column in columns)
            if (predictions.Schema.GetColumnOrNull(column) is null)
                throw new SegmentationException(
                    $"The predictions have no '{column}' column (they have {string.Join(", ", predictions.Schema.Select(c => c.Name))}): " +
                    "pass what the fitted k-means pipeline's Transform returned, and the name of the column its trainer read.");
    }
}
