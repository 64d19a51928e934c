using System.Text.Json;
using CustomerAnalytics.Runner;
using CustomerAnalytics.Training;
using static CustomerAnalytics.Tests.Runner.RunnerTestSupport;

namespace CustomerAnalytics.Tests.Training;

/// <summary>
/// Inside a real C# kernel, training progress is one line per epoch on standard output (which every front end streams
/// live) and one HTML view once training ends; no display is updated in place (JupyterLab ignores such updates).
/// </summary>
[Collection(Runner.RunnerCollection.Name)]
public sealed class NotebookProgressTests : IDisposable
{
    private readonly string folder = NewTempDirectory();

    public void Dispose() => DeleteQuietly(folder);

    [Fact]
    public async Task ProgressIsOneStdoutLinePerEpochThenOneViewAtTheEnd()
    {
        var library = typeof(TrainingProgress).Assembly.Location;
        string[] source =
        [
            $"#r \"{library}\"",
            "using CustomerAnalytics.Training;",
            "var progress = new TrainingProgress(\"tiny\", 3);",
            "for (var epoch = 1; epoch <= 3; epoch++) progress.Report(epoch, 1.0 / epoch, metric: 0.5 + epoch / 10.0, isBest: epoch < 3);",
            "progress.Finish();",
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
        Assert.Equal(["stream", "display_data", "execute_result"], outputs.Select(o => o.GetProperty("output_type").GetString()).ToArray());
        var lines = Text(outputs[0].GetProperty("text")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Matches(@"^tiny  epoch 1/3  loss 1\.0000  val accuracy 0\.6000  \d+\.\d s  \* new best$", lines[0]);
        Assert.Matches(@"^tiny  epoch 2/3  loss 0\.5000  val accuracy 0\.7000  \d+\.\d s  \* new best$", lines[1]);
        Assert.Matches(@"^tiny  epoch 3/3  loss 0\.3333  val accuracy 0\.8000  \d+\.\d s$", lines[2]);
        Assert.Equal("tiny  finished 3/3 epochs; best epoch 2", lines[3]);
        var html = Text(outputs[1].GetProperty("data").GetProperty("text/html"));
        Assert.Contains("tiny  finished 3/3 epochs; best epoch 2", html);
        Assert.Contains("<svg", html);
        Assert.Equal(1 + 3, html.Split("<tr>").Length - 1); // header + three epochs
    }
}
