using Microsoft.ML;
using Microsoft.ML.Data;

namespace CustomerAnalytics.Segmentation;

/// <summary>Moves feature rows in and out of ML.NET data views (vector columns of a size known at run time).</summary>
internal static class MlData
{
    public const string InputColumn = "RawFeatures";
    public const string FeaturesColumn = "Features";

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
        return ml.Data.LoadFromEnumerable(rows.Select(r => new Row { RawFeatures = Array.ConvertAll(r, v => (float)v) }), schema);
    }

    /// <summary>A float vector column as double rows.</summary>
    public static double[][] ReadVectors(IDataView view, string column) =>
        view.GetColumn<float[]>(column).Select(v => Array.ConvertAll(v, x => (double)x)).ToArray();
}
