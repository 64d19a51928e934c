using System.IO.Compression;
using System.Text.Json.Nodes;
using CustomerAnalytics.Display;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using CustomerAnalytics.Segmentation.Data;

namespace CustomerAnalytics.Segmentation.Models;

/// <summary>
/// A fitted k-means pipeline (the ML.NET transformer the notebook's <c>Fit</c> returned) with what it takes to use it
/// on customers: the feature recipe, the centroids, a readable name per cluster, scoring, and saving it all in one
/// .zip. Cluster ids are ML.NET's, 1 to k.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed class SegmentationModel : IHtmlRenderable
{
    // Our recipe travels inside ML.NET's zip as one extra entry; ML.NET ignores entries it does not know.
    private const string RecipeEntry = "CustomerAnalytics/segmentation.json";

    // Scoring and saving use no randomness; any context will do.
    private readonly MLContext ml = new(0);
    private readonly ITransformer model;

    private SegmentationModel(ITransformer model, FeatureOptions features, int width, IReadOnlyList<string> names)
    {
        this.model = model;
        Features = features;
        var (kmeans, featureColumn) = FindKMeans(model);
        FeatureColumn = featureColumn;
        VBuffer<float>[] centroids = default!;
        kmeans.GetClusterCentroids(ref centroids, out var k);
        Centroids = centroids.Take(k).Select(c => c.DenseValues().Select(v => (double)v).ToArray()).ToArray();
        if (Centroids[0].Length != width)
            throw new SegmentationException(
                $"The k-means step has centroids of {Centroids[0].Length} values, but the customers have {width} features: fit the pipeline on these customers' ToDataView.");
        SegmentNames = names.Count == k ? names : Enumerable.Range(1, k).Select(i => $"Cluster {i}").ToArray();
    }

    /// <summary>The feature recipe (columns, logs) the model expects.</summary>
    public FeatureOptions Features { get; }

    /// <summary>The column the k-means trainer read (the scaled features in the workshop's pipeline).</summary>
    public string FeatureColumn { get; }

    /// <summary>Number of clusters.</summary>
    public int K => Centroids.Count;

    /// <summary>Centroids in the space k-means worked in (the scaled features); index 0 is cluster 1.</summary>
    public IReadOnlyList<double[]> Centroids { get; }

    /// <summary>A name per cluster (index 0 is cluster 1), true of its members (see <see cref="SegmentNaming"/>).</summary>
    public IReadOnlyList<string> SegmentNames { get; private set; }

    /// <summary>The ML.NET model (the fitted pipeline), for anything not wrapped here.</summary>
    public ITransformer MlModel => model;

    /// <summary>
    /// Wraps <paramref name="trained"/>, a k-means pipeline fitted on <c>features.ToDataView(...)</c> (any transforms,
    /// ending in ML.NET's KMeans trainer), and names its clusters from their members in <paramref name="features"/> by
    /// <paramref name="rule"/> (default <see cref="SegmentNaming.GridOrDescription"/>).
    /// </summary>
    /// <exception cref="SegmentationException">The pipeline has no k-means step or was fitted on other features.</exception>
    public static SegmentationModel From(ITransformer trained, CustomerFeatures features, Func<ClusterMembers, string>? rule = null)
    {
        ArgumentNullException.ThrowIfNull(trained);
        ArgumentNullException.ThrowIfNull(features);
        var wrapped = new SegmentationModel(trained, features.Options, features.Width, []);
        wrapped.SegmentNames = SegmentNaming.Name(SegmentNaming.Members(features, wrapped.Assign(features).Clusters, wrapped.K), rule);
        return wrapped;
    }

    /// <summary>The cluster of every customer and the distance (scaled space) to every centroid.</summary>
    public ClusterAssignment Assign(CustomerFeatures features)
    {
        CheckRecipe(features);
        var (scaled, clusters) = MlData.ReadPredictions(model.Transform(MlData.ToView(ml, features.Input, features.Width)), FeatureColumn);
        var distances = scaled.Select(p => Centroids.Select(c => Math.Sqrt(Stats.SquaredDistance(p, c))).ToArray()).ToArray();
        return new ClusterAssignment(clusters, distances, scaled);
    }

    /// <summary>Scores every customer: cluster, segment name and distance to each centroid (the batch-transform output).</summary>
    public SegmentScores Score(CustomerFeatures features)
    {
        var assignment = Assign(features);
        return new SegmentScores(features.Ids, assignment.Clusters, assignment.Distances, SegmentNames);
    }

    /// <summary>
    /// Scores one new customer from their table values, e.g.
    /// <c>model.ScoreCustomer(new() { ["recency_days"] = 12, ["frequency"] = 3, ["monetary_total"] = 420 })</c>.
    /// </summary>
    public CustomerScore ScoreCustomer(IReadOnlyDictionary<string, double> values, string id = "new customer")
    {
        var scores = Score(CustomerFeatures.FromValues(Features, id, values));
        return new CustomerScore(id, scores.Clusters[0], SegmentNames[scores.Clusters[0] - 1], scores.Distances[0]);
    }

    /// <summary>Saves the ML.NET model with the feature recipe and segment names in one .zip; returns the full path.</summary>
    public string Save(string path)
    {
        // ML.NET's zip and the recipe entry are written to a temporary file, which replaces the model only when whole.
        return AtomicFile.WriteFile(path, temporary =>
        {
            ml.Model.Save(model, null, temporary);
            using var zip = ZipFile.Open(temporary, ZipArchiveMode.Update);
            using var writer = new StreamWriter(zip.CreateEntry(RecipeEntry).Open());
            writer.Write(Recipe().ToJsonString());
        });
    }

    /// <summary>Loads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="SegmentationException">The file is missing or is not a segmentation model.</exception>
    public static SegmentationModel Load(string path)
    {
        if (!File.Exists(path))
            throw new SegmentationException($"No model at {Path.GetFullPath(path)}: fit the k-means pipeline, wrap it with SegmentationModel.From(...) and Save it first.");
        JsonNode recipe;
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var entry = zip.GetEntry(RecipeEntry)
                ?? throw new SegmentationException($"{path} is an ML.NET model without the segmentation recipe ({RecipeEntry}); save it with SegmentationModel.Save.");
            using var reader = new StreamReader(entry.Open());
            recipe = JsonNode.Parse(reader.ReadToEnd())!;
        }
        catch (InvalidDataException e)
        {
            throw new SegmentationException($"{path} is not a model .zip file ({e.Message}).", e);
        }
        var loaded = new MLContext(0).Model.Load(path, out _);
        var options = new FeatureOptions
        {
            IdColumn = (string)recipe["idColumn"]!,
            RecencyColumn = (string)recipe["recencyColumn"]!,
            FrequencyColumn = (string)recipe["frequencyColumn"]!,
            MonetaryColumn = (string)recipe["monetaryColumn"]!,
            Features = recipe["features"]!.AsArray().Select(f => new SegmentFeature((string)f!["column"]!, (bool)f["log"]!)).ToArray(),
        };
        return new SegmentationModel(loaded, options, options.Features.Count, recipe["segmentNames"]!.AsArray().Select(n => (string)n!).ToArray());
    }

    private JsonObject Recipe() => new()
    {
        ["idColumn"] = Features.IdColumn,
        ["recencyColumn"] = Features.RecencyColumn,
        ["frequencyColumn"] = Features.FrequencyColumn,
        ["monetaryColumn"] = Features.MonetaryColumn,
        ["features"] = new JsonArray(Features.Features.Select(f => (JsonNode)new JsonObject { ["column"] = f.Column, ["log"] = f.Log }).ToArray()),
        ["segmentNames"] = new JsonArray(SegmentNames.Select(n => (JsonNode)JsonValue.Create(n)!).ToArray()),
    };

    private void CheckRecipe(CustomerFeatures features)
    {
        if (!features.Options.Features.SequenceEqual(Features.Features))
            throw new SegmentationException(
                $"The model was trained on [{string.Join(", ", Features.Features)}] but these customers have [{string.Join(", ", features.Options.Features)}]. " +
                "Build the features with model.Features: CustomerFeatures.FromDataFrame(table, model.Features).");
    }

    // A loaded model types its k-means step by interface, not as ClusteringPredictionTransformer<KMeansModelParameters>.
    private static (KMeansModelParameters Model, string FeatureColumn) FindKMeans(ITransformer model)
    {
        var steps = model is IEnumerable<ITransformer> chain ? chain.ToArray() : [model];
        var step = steps.OfType<ISingleFeaturePredictionTransformer<object>>().LastOrDefault(t => t.Model is KMeansModelParameters)
            ?? throw new SegmentationException($"The ML.NET model has no k-means step (steps: {string.Join(", ", steps.Select(t => t.GetType().Name))}): " +
                "end the pipeline with mlContext.Clustering.Trainers.KMeans(...), or load a model saved by SegmentationModel.Save.");
        return ((KMeansModelParameters)step.Model, step.FeatureColumnName);
    }

    /// <inheritdoc />
    public override string ToString() => $"k-means with k = {K} on {string.Join(", ", Features.Features)}: {string.Join(", ", SegmentNames)}";

    /// <inheritdoc />
    public string ToHtml() => Html.Table(["cluster", "segment", .. Features.Features.Select(f => $"centroid: {f.Label} (scaled)")],
        Centroids.Select((c, i) => (object?[])[i + 1, SegmentNames[i], .. c.Select(v => (object?)v)]), ToString());
}
