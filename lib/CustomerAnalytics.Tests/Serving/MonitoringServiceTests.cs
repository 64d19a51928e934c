using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerAnalytics.Monitoring.Evaluation;
using CustomerAnalytics.Propensity.Data;
using CustomerAnalytics.Monitoring.Data;
using CustomerAnalytics.Serving;

namespace CustomerAnalytics.Tests.Serving;

/// <summary>
/// Model Monitor's loop through the real service: a baseline from the training sessions, captured clean traffic with no
/// violation, the original workshop's drift (refused by the service, captured with its reason) found by the monitor.
/// </summary>
public sealed class MonitoringServiceTests(ServiceModels models) : IClassFixture<ServiceModels>, IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { UseProxy = false });
    private readonly string folder = Directory.CreateTempSubdirectory("ca-monitor-").FullName;

    public void Dispose()
    {
        http.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private string Baseline()
    {
        var all = Propensity.PropensitySample.Sessions;
        var training = PropensityData.WriteSessions(Path.Combine(folder, "training.csv"), all.Take(all.Count / 2).ToArray());
        var baseline = Path.Combine(folder, "baseline");
        var output = new StringWriter();
        Assert.Equal(0, JobCommand.Run(["baseline", "--sessions", training, "--out", baseline], output));
        Assert.Equal($"Baseline of {all.Count / 2:N0} sessions, 23 features: {Path.Combine(baseline, "statistics.json")}, {Path.Combine(baseline, "constraints.json")}", output.ToString().Trim());
        return baseline;
    }

    private async Task Send(Uri address, IEnumerable<JsonObject> sessions, HttpStatusCode expected)
    {
        foreach (var batch in sessions.Chunk(100))
        {
            using var response = await http.PostAsync(new Uri(address, PropensityEndpoint.Route),
                new StringContent(new JsonObject { ["sessions"] = new JsonArray(batch.Select(s => (JsonNode)s).ToArray()) }.ToJsonString(), Encoding.UTF8, "application/json"));
            Assert.Equal(expected, response.StatusCode);
        }
    }

    [Fact]
    public async Task Clean_traffic_passes_and_the_original_drift_is_found_in_its_window()
    {
        var baseline = Baseline();
        var capture = Path.Combine(folder, "capture");
        var app = ModelService.Build(new ServiceOptions(models.A, Port: 0) { Capture = new CaptureOptions(capture) });
        await app.StartAsync();
        var address = ModelService.Address(app);
        var heldOut = Propensity.PropensitySample.Sessions.Skip(Propensity.PropensitySample.Sessions.Count / 2).Take(300).ToArray();
        var random = new Random(11);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

        var t0 = DateTime.UtcNow;
        await Send(address, heldOut.Select(ModelServiceTests.Json), HttpStatusCode.OK);
        var t1 = DateTime.UtcNow;
        await Send(address, heldOut.Select(s =>
        {
            var json = ModelServiceTests.Json(s);
            json["basket_add_list"] = Normal();
            json["loc_uk"] = 3 * Normal();
            return json;
        }), HttpStatusCode.BadRequest); // the service refuses them, the capture keeps them with the reason
        var t2 = DateTime.UtcNow;
        await app.StopAsync();
        await app.DisposeAsync();

        var monitor = Path.Combine(folder, "monitor");
        string Run(DateTime from, DateTime to)
        {
            var output = new StringWriter();
            Assert.Equal(0, JobCommand.Run(["monitor", "--baseline", baseline, "--capture", capture, "--out", monitor,
                "--from", from.ToString("O", CultureInfo.InvariantCulture), "--to", to.ToString("O", CultureInfo.InvariantCulture)], output));
            return output.ToString();
        }
        var clean = Run(t0, t1);
        var drifted = Run(t1, t2);

        Assert.StartsWith("300 captured sessions, 0 violation(s)", clean);
        Assert.StartsWith("300 captured sessions, 4 violation(s)", drifted);
        var windowFolder = Path.Combine(monitor, t1.ToString("yyyy-MM-dd'T'HH-mm-ss'Z'", CultureInfo.InvariantCulture));
        var violations = JsonDocument.Parse(File.ReadAllText(Path.Combine(windowFolder, "constraint_violations.json"))).RootElement.GetProperty("violations")
            .EnumerateArray().Select(v => $"{v.GetProperty("feature_name").GetString()} {v.GetProperty("constraint_check_type").GetString()}").Order(StringComparer.Ordinal);
        Assert.Equal(["basket_add_list baseline_drift_check", "basket_add_list data_type_check", "loc_uk baseline_drift_check", "loc_uk data_type_check"], violations);
        var history = File.ReadAllLines(Path.Combine(monitor, "distances.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal([0, 4], history.Select(h => h.GetProperty("violations").GetInt32()));
        Assert.True(history[1].GetProperty("distances").GetProperty("loc_uk").GetProperty("robust").GetDouble()
                    > history[0].GetProperty("distances").GetProperty("loc_uk").GetProperty("robust").GetDouble() + 0.2);
    }

    [Fact]
    public async Task The_service_monitors_each_window_on_its_schedule_and_says_so_in_health()
    {
        var baseline = Baseline();
        var monitor = Path.Combine(folder, "scheduled");
        var app = ModelService.Build(new ServiceOptions(models.A, Port: 0)
        {
            Capture = new CaptureOptions(Path.Combine(folder, "capture")) { FlushInterval = TimeSpan.FromMilliseconds(100) },
            Monitoring = new MonitoringOptions(baseline, monitor) { Every = TimeSpan.FromSeconds(1) },
        });
        await app.StartAsync();
        var address = ModelService.Address(app);
        await Send(address, Propensity.PropensitySample.Sessions.Take(10).Select(ModelServiceTests.Json), HttpStatusCode.OK);

        JsonElement health = default;
        for (var i = 0; i < 100 && (health.ValueKind == JsonValueKind.Undefined || health.GetProperty("runs").GetInt32() == 0); i++)
        {
            await Task.Delay(100);
            health = JsonDocument.Parse(await http.GetStringAsync(new Uri(address, "/health"))).RootElement.GetProperty("monitoring");
        }
        await app.DisposeAsync();

        Assert.True(health.GetProperty("runs").GetInt32() >= 1, "no monitoring run within 10 s");
        Assert.StartsWith("0 violation(s) in ", health.GetProperty("last_run").GetString());
        Assert.NotEmpty(Directory.GetFiles(monitor, "constraint_violations.json", SearchOption.AllDirectories));
        Assert.NotEmpty(File.ReadAllLines(Path.Combine(monitor, "distances.jsonl")));
    }

    [Fact]
    public async Task Model_quality_joins_the_arrived_labels_to_the_captured_predictions_and_flags_a_drop()
    {
        var all = Propensity.PropensitySample.Sessions;
        var test = all.Skip(all.Count / 2).Take(600).ToArray();
        var testFile = PropensityData.WriteSessions(Path.Combine(folder, "test.csv"), test);
        var reference = Path.Combine(folder, "quality-baseline.json");
        var output = new StringWriter();
        Assert.Equal(0, JobCommand.Run(["quality-baseline", "--propensity-model", models.A, "--sessions", testFile, "--out", reference, "--threshold", "0.3"], output));
        Assert.StartsWith($"Quality of {models.A} on 600 labelled sessions at threshold 0.3: AUC 0.", output.ToString());

        var capture = Path.Combine(folder, "capture");
        var app = ModelService.Build(new ServiceOptions(models.A, Threshold: 0.3, Port: 0) { Capture = new CaptureOptions(capture) });
        await app.StartAsync();
        await Send(ModelService.Address(app), test.Select(ModelServiceTests.Json), HttpStatusCode.OK);
        await app.StopAsync(); // a graceful stop: every captured answer is written
        await app.DisposeAsync();

        // The outcomes arrive: each captured session's true label, found by its UserID in the request.
        var ordered = test.ToDictionary(s => s.UserId, s => s.Ordered!.Value);
        var records = CaptureReader.Read(capture).Records;
        string Labels(string name, Func<bool, int, bool> label)
        {
            var path = Path.Combine(folder, name);
            File.WriteAllLines(path, records.SelectMany(r => JsonDocument.Parse(r.CaptureData.EndpointInput.Data).RootElement.GetProperty("sessions").EnumerateArray()
                .Select((s, i) => new JsonObject { ["eventId"] = r.EventMetadata.EventId, ["position"] = i, ["ordered"] = label(ordered[s.GetProperty("UserID").GetString()!], i) ? 1 : 0 }.ToJsonString())));
            return path;
        }
        string Quality(string labels, string outFolder)
        {
            var text = new StringWriter();
            Assert.Equal(0, JobCommand.Run(["quality", "--capture", capture, "--labels", labels, "--baseline-quality", reference, "--out", Path.Combine(folder, outFolder)], text));
            return text.ToString();
        }

        var same = Quality(Labels("labels.jsonl", (truth, _) => truth), "monitor");
        var flipped = Quality(Labels("flipped.jsonl", (truth, i) => i % 2 == 0 ? !truth : truth), "monitor-flipped"); // the world changed for half of them

        Assert.Contains("600 labelled predictions (0 labels matched no captured prediction)", same);
        Assert.Contains("; 0 violation(s)", same);
        Assert.Contains("auc  model_quality_check  auc 0.", flipped);
        // The same sessions and labels as the baseline's, scored through the service: the same AUC.
        Assert.Equal(ModelQuality.FromJson(File.ReadAllText(reference)).Auc,
            ModelQuality.FromJson(File.ReadAllText(Directory.GetFiles(Path.Combine(folder, "monitor", "quality"), "model_quality.json", SearchOption.AllDirectories).Single())).Auc, 3);
    }

    [Fact]
    public void A_monitor_without_a_baseline_says_which_command_makes_one()
    {
        var output = new StringWriter();
        Assert.Equal(1, JobCommand.Run(["monitor", "--baseline", Path.Combine(folder, "none"), "--capture", folder, "--out", folder], output));
        Assert.Equal($"error: No statistics.json in {Path.Combine(folder, "none")}: run `model-service baseline` first.", output.ToString().Trim());
    }
}
