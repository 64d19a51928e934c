using System.Text.Json;
using CustomerAnalytics.Runner;
using CustomerAnalytics.Training;
using static CustomerAnalytics.Tests.Runner.RunnerTestSupport;

namespace CustomerAnalytics.Tests.Training;

/// <summary>Inside a real C# kernel, training progress is one output updated in place, not one output per epoch.</summary>
[Collection(Runner.RunnerCollection.Name)]
public sealed class NotebookProgressTests : IDisposable
{
    private readonly string folder = NewTempDirectory();

    public void Dispose() => DeleteQuietly(folder);

    [Fact]
    public async Task ProgressIsOneDisplayUpdatedAfterEveryEpoch()
    {
        var library = typeof(TrainingProgress).Assembly.Location;
        string[] source =
        [
            $"#r \"{library}\"",
            "using CustomerAnalytics.Training;",
            "var progress = new TrainingProgress(\"tiny\", 3);",
            "for (var epoch = 1; epoch <= 3; epoch++) progress.Report(epoch, 1.0 / epoch, metric: 0.5 + epoch / 10.0);",
            "progress.History.Count",
        ];
        var notebook = new
        {
            cells = new[] { new { cell_type = "code", execution_count = (int?)null, id = "c1", metadata = new { }, outputs = Array.Empty<object>(), source = string.Join("\n", source) } },
            metadata = new { kernelspec = new { display_name = ".NET (C#)", language = "C#", name = ".net-csharp" } },
            nbformat = 4,
            nbformat_minor = 5,
        };
        var path = Path.Combine(folder, "progress.ipynb");
        File.WriteAllText(path, JsonSerializer.Serialize(notebook));

        var result = await new NotebookRunner(new NotebookRunOptions { OutputDirectory = folder }, TextWriter.Null).RunAsync(path);

        Assert.True(result.Succeeded, result.Error);
        var outputs = ReadJson(result.ExecutedPath!).GetProperty("cells")[0].GetProperty("outputs").EnumerateArray().ToArray();
        var displays = outputs.Where(o => o.GetProperty("output_type").GetString() == "display_data").ToArray();
        var display = Assert.Single(displays);
        var html = Text(display.GetProperty("data").GetProperty("text/html"));
        Assert.Contains("tiny: epoch 3/3, loss 0.3333", html); // the last update replaced the first display
        Assert.Contains("<svg", html);
        Assert.DoesNotContain(outputs, o => o.GetProperty("output_type").GetString() == "stream"); // no console lines in a notebook
    }
}
