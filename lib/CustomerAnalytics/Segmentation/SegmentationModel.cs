using System.IO.Compression;
using System.Text.Json.Nodes;
using CustomerAnalytics.Display;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;

namespace CustomerAnalytics.Segmentation;

/// <summary>
/// A trained segmentation: an ML.NET model (mean-variance scaling, then k-means) plus the feature recipe and the
/// segment names, saved together in one .zip. Cluster ids are ML.NET's, 1 to k.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed class SegmentationModel : IHtmlRenderable
{
    // Our recipe travels inside ML.NET's zip as one extra entry; ML.NET ignores entries it does not know.
    private const string RecipeEntry = "CustomerAnalytics/segmentation.json";

    private readonly MLContext ml;
    private readonly ITransformer model;

    private SegmentationModel(MLContext ml, ITransformer model, FeatureOptions features, IReadOnlyList<string> names)
    {
        this.ml = ml;
        this.model = model;
        Features = features;
        var kmeans = FindKMeans(model);
        VBuffer<float>[] centroids = default!;
        kmeans.GetClusterCentroids(ref centroids, out var k);
        Centroids = centroids.Take(k).Select(c => c.DenseValues().Select(v => (double)v).ToArray()).ToArray();
        SegmentNames = names.Count == k ? names : Enumerable.Range(1, k).Select(i => $"Cluster {i}").ToArray();
    }

    /// <summary>The feature recipe (columns, logs) the model expects.</summary>
    public FeatureOptions Features { get; }

    /// <summary>Number of clusters.</summary>
    public int K => Centroids.Count;

    /// <summary>Centroids in the scaled feature space; index 0 is cluster 1.</summary>
    public IReadOnlyList<double[]> Centroids { get; }

    /// <summary>A readable name per cluster (index 0 is cluster 1), derived from the profiles by <see cref="ClusterProfiles"/>.</summary>
    public IReadOnlyList<string> SegmentNames { get; private set; }

    /// <summary>The ML.NET model (scaling and k-means), for anything not wrapped here.</summary>
    public ITransformer MlModel => model;

    /// <summary>The scaling step shared by training and <see cref="CustomerFeatures.Scaled"/>.</summary>
    internal static NormalizingEstimator Scaler(MLContext ml) =>
        ml.Transforms.NormalizeMeanVariance(MlData.FeaturesColumn, MlData.InputColumn, fixZero: false);

    /// <summary>
    /// Trains ML.NET k-means on <paramref name="features"/> with a fixed seed; the same inputs give the same model.
    /// Clusters are then profiled and named from the training customers.
    /// </summary>
    /// <exception cref="SegmentationException">k is below 2 or above the number of customers.</exception>
    public static SegmentationModel Train(CustomerFeatures features, KMeansOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        options ??= new KMeansOptions();
        CheckK(options.Clusters, features.Count);
        var ml = new MLContext(options.Seed);
        var input = MlData.ToView(ml, features.CanonicalInput, features.Width);
        var scaler = Scaler(ml).Fit(input);
        // k-means gets a fresh context with the seed, exactly as KSelection trains each k, so both give the same clusters.
        var kmeans = new MLContext(options.Seed).Clustering.Trainers.KMeans(options.ToTrainerOptions(options.Clusters)).Fit(scaler.Transform(input));
        var trained = new SegmentationModel(ml, scaler.Append(kmeans), features.Options, []);
        trained.SegmentNames = ClusterProfiles.Build(features, trained.Assign(features).Clusters, trained.K).Select(p => p.Name).ToArray();
        return trained;
    }

    internal static void CheckK(int k, int customers)
    {
        if (k < 2)
            throw new SegmentationException($"k = {k}: segmentation needs at least 2 clusters.");
        if (k > customers)
            throw new SegmentationException($"k = {k} is larger than the number of customers ({customers:N0}): each cluster needs at least one customer. Choose k ≤ {customers:N0} (and in practice far fewer).");
    }

    /// <summary>The cluster of every customer and the distance (scaled space) to every centroid.</summary>
    public ClusterAssignment Assign(CustomerFeatures features)
    {
        CheckRecipe(features);
        var output = model.Transform(MlData.ToView(ml, features.Input, features.Width));
        var clusters = output.GetColumn<uint>("PredictedLabel").Select(l => (int)l).ToArray();
        var scaled = MlData.ReadVectors(output, MlData.FeaturesColumn);
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
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        ml.Model.Save(model, null, full);
        using var zip = ZipFile.Open(full, ZipArchiveMode.Update);
        using var writer = new StreamWriter(zip.CreateEntry(RecipeEntry).Open());
        writer.Write(Recipe().ToJsonString());
        return full;
    }

    /// <summary>Loads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="SegmentationException">The file is missing or is not a segmentation model.</exception>
    public static SegmentationModel Load(string path)
    {
        if (!File.Exists(path))
            throw new SegmentationException($"No model at {Path.GetFullPath(path)}: train one with SegmentationModel.Train(...) and Save it first.");
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
        var ml = new MLContext();
        var loaded = ml.Model.Load(path, out _);
        var options = new FeatureOptions
        {
            IdColumn = (string)recipe["idColumn"]!,
            RecencyColumn = (string)recipe["recencyColumn"]!,
            FrequencyColumn = (string)recipe["frequencyColumn"]!,
            MonetaryColumn = (string)recipe["monetaryColumn"]!,
            Features = recipe["features"]!.AsArray().Select(f => new SegmentFeature((string)f!["column"]!, (bool)f["log"]!)).ToArray(),
        };
        return new SegmentationModel(ml, loaded, options, recipe["segmentNames"]!.AsArray().Select(n => (string)n!).ToArray());
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
    private static KMeansModelParameters FindKMeans(ITransformer model)
    {
        var steps = model is IEnumerable<ITransformer> chain ? chain.ToArray() : [model];
        return steps.OfType<ISingleFeaturePredictionTransformer<object>>().Select(t => t.Model).OfType<KMeansModelParameters>().LastOrDefault()
            ?? throw new SegmentationException($"The ML.NET model has no k-means step (steps: {string.Join(", ", steps.Select(t => t.GetType().Name))}); load a model saved by SegmentationModel.Save.");
    }

    /// <inheritdoc />
    public override string ToString() => $"k-means with k = {K} on {string.Join(", ", Features.Features)}: {string.Join(", ", SegmentNames)}";

    /// <inheritdoc />
    public string ToHtml() => Html.Table(["cluster", "segment", .. Features.Features.Select(f => $"centroid: {f.Label} (scaled)")],
        Centroids.Select((c, i) => (object?[])[i + 1, SegmentNames[i], .. c.Select(v => (object?)v)]), ToString());
}
