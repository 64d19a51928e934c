using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using CustomerAnalytics.Monitoring.Data;
using CustomerAnalytics.Propensity.Data;
using CustomerAnalytics.Propensity.Models;
using CustomerAnalytics.Tests.Data.Generators;

namespace CustomerAnalytics.Tests.Serving;

/// <summary>
/// The model service as workshop 06 runs it: the built model-service.dll as a child process on 127.0.0.1, driven over
/// HTTP, stopped gracefully with its capture written, never left running.
/// </summary>
public sealed class ModelServiceProcessTests(ServiceModels models) : IClassFixture<ServiceModels>
{
    private static readonly string Service = ModelServiceProcess.BuiltService(RepositoryPaths.Root);

    private static bool Running(int pid)
    {
        try { using var p = Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
    }

    [Fact]
    public async Task It_serves_on_127_0_0_1_refuses_a_bad_value_and_writes_its_capture_when_disposed()
    {
        using var temp = new TempFolder();
        var capture = Path.Combine(temp.Path, "capture");
        var sessions = models.Sessions.Take(3).Select(SessionInput.From).ToArray();
        var drifted = SessionInput.From(models.Sessions[3]);
        drifted.Features[SessionFeatures.IndexOf("loc_uk")] = 2.5f;
        int pid;
        using (var service = ModelServiceProcess.Start(Service, models.A, threshold: 0.3, captureFolder: capture))
        {
            pid = service.ProcessId;
            Assert.Equal("127.0.0.1", service.Address.Host);
            using var answer = await service.Client.PostAsync(new Uri("propensity", UriKind.Relative), new StringContent(SessionRequestJson.Batch(sessions), Encoding.UTF8, "application/json"));
            var predictions = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("predictions");
            Assert.Equal(3, predictions.GetArrayLength());
            Assert.Equal(ServiceModels.Expected(models.A, models.Sessions[0]), predictions[0].GetProperty("probability").GetDouble(), 5);

            using var refused = await service.Client.PostAsync(new Uri("propensity", UriKind.Relative), new StringContent(SessionRequestJson.One(drifted), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("\"loc_uk\":[\"expected 0 or 1, got 2.5\"]", await refused.Content.ReadAsStringAsync());
        }
        Assert.False(Running(pid));
        var records = CaptureReader.Read(capture);
        Assert.Empty(records.Torn);
        Assert.Equal(2, records.Records.Count);
        Assert.Null(records.Records[0].EventMetadata.RejectionReason);
        Assert.Equal("invalid-fields", records.Records[1].EventMetadata.RejectionReason);
        Assert.Contains("expected 0 or 1, got 2.5", records.Records[1].CaptureData.EndpointOutput.Data);
        var rows = records.Rows(new HashSet<string> { "UserID" }, DateTime.MinValue, DateTime.MaxValue);
        Assert.Equal(4, rows.Count);
        Assert.Equal(2.5, rows[3].Fields["loc_uk"].Number);
    }

    [Fact]
    public void A_model_that_does_not_load_stops_the_start_with_the_service_output_and_leaves_nothing_running()
    {
        using var temp = new TempFolder();
        var missing = Path.Combine(temp.Path, "no-model.zip");
        var e = Assert.Throws<ModelServiceException>(() => ModelServiceProcess.Start(Service, missing));
        Assert.StartsWith("The model service did not start (exit ", e.Message);
        Assert.Contains("no-model.zip", e.Message);
        var notBuilt = Assert.Throws<ModelServiceException>(() => ModelServiceProcess.Start(Path.Combine(temp.Path, "model-service.dll"), models.A));
        Assert.StartsWith("No model service at ", notBuilt.Message);
    }

    [Fact]
    public void The_service_stops_by_itself_when_its_standard_input_closes_as_when_its_parent_dies()
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { Service, "--propensity-model", models.A, "--port", "0", "--stop-when-stdin-closes" }) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        try
        {
            var lines = Enumerable.Range(0, 20).Select(_ => process.StandardOutput.ReadLine()).TakeWhile(l => l is not null);
            Assert.Contains(lines, l => l!.StartsWith("Serving ", StringComparison.Ordinal) && l.Contains(" on http://127.0.0.1:", StringComparison.Ordinal));
            process.StandardInput.Close();
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "the service still runs after its standard input closed");
            Assert.Equal(0, process.ExitCode);
        }
        finally { if (!process.HasExited) process.Kill(entireProcessTree: true); }
    }
}
