using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerAnalytics.Benchmarks;

namespace CustomerAnalytics.Tests.Segmentation;

/// <summary>
/// Workshop 02 writes its ML.NET pipeline in a cell; <see cref="SegmentationPipeline"/> is the copy the tests and
/// the benchmark use. The two must build the same model.
/// </summary>
public partial class NotebookPipelineTests
{
    private static string PipelineCell()
    {
        var notebook = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Notebooks, "02-kmeans-segmentation.ipynb")));
        var cells = notebook.RootElement.GetProperty("cells").EnumerateArray()
            .Select(c => string.Concat(c.GetProperty("source").EnumerateArray().Select(s => s.GetString())))
            .Where(s => s.Contains("IEstimator<ITransformer> KMeansPipeline(", StringComparison.Ordinal)).ToArray();
        return Assert.Single(cells);
    }

    private static string BenchmarkCopy() =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "lib", "CustomerAnalytics.Benchmarks", "SegmentationPipeline.cs"));

    [Fact]
    public void TheNotebooksPipelineSetsWhatTheBenchmarksCopySets()
    {
        var cell = Collapse(PipelineCell());
        var copy = Collapse(BenchmarkCopy());
        string[] steps =
        [
            "NormalizeMeanVariance(outputColumnName: \"Features\", inputColumnName: \"RawFeatures\", fixZero: false)",
            ".Append(mlContext.Clustering.Trainers.KMeans(new KMeansTrainer.Options",
        ];
        foreach (var step in steps)
        {
            Assert.Contains(step, cell);
            Assert.Contains(step, copy);
        }
        // Every option the benchmark's copy sets, the notebook's cell sets to the same value, and no other.
        var options = Options(copy);
        Assert.Equal(6, options.Count);
        Assert.Equal(options, Options(cell));
    }

    private static Dictionary<string, string> Options(string code)
    {
        var start = code.IndexOf("new KMeansTrainer.Options", StringComparison.Ordinal);
        var body = code[(code.IndexOf('{', start) + 1)..code.IndexOf('}', start)];
        return OptionLine().Matches(body).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value.Trim());
    }

    private static string Collapse(string code) => Whitespace().Replace(code, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?<name>\w+)\s*=\s*(?<value>[^,]+),")]
    private static partial Regex OptionLine();
}
