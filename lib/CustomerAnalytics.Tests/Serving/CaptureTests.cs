using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerAnalytics.Monitoring.Data;
using CustomerAnalytics.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerAnalytics.Tests.Serving;

/// <summary>Data capture on a real Kestrel: every exchange recorded as sent, in SageMaker's record shape, and read back.</summary>
public sealed class CaptureTests(ServiceModels models) : IClassFixture<ServiceModels>, IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { UseProxy = false });
    private readonly string folder = Directory.CreateTempSubdirectory("ca-capture-").FullName;

    public void Dispose()
    {
        http.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private async Task<(WebApplication App, Uri Address)> Start(CaptureOptions capture)
    {
        var app = ModelService.Build(new ServiceOptions(models.A, Port: 0) { Capture = capture, MaxBodyBytes = 100_000 });
        await app.StartAsync();
        return (app, ModelService.Address(app));
    }

    private async Task<(HttpStatusCode Status, string Body)> Post(Uri address, string body)
    {
        using var response = await http.PostAsync(new Uri(address, PropensityEndpoint.Route), new StringContent(body, Encoding.UTF8, "application/json"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_request_and_answer_is_recorded_as_sent_and_refusals_with_their_reason()
    {
        var (app, address) = await Start(new CaptureOptions(folder));
        var started = DateTime.UtcNow;
        var bodies = models.Sessions.Take(5).Select(s => ModelServiceTests.Json(s).ToJsonString())
            .Append(new JsonObject { ["sessions"] = new JsonArray(models.Sessions.Skip(5).Take(3).Select(s => (JsonNode)ModelServiceTests.Json(s)).ToArray()) }.ToJsonString())
            .Append("""{"UserID": "u1", "loc_uk": 2}""")
            .Append("{not json")
            .ToArray();
        var answers = new List<(HttpStatusCode Status, string Body)>();
        foreach (var body in bodies) answers.Add(await Post(address, body));
        await app.StopAsync(); // a graceful stop writes everything accepted
        var writer = app.Services.GetRequiredService<CaptureWriter>();
        await app.DisposeAsync();

        var read = CaptureReader.Read(folder);
        Assert.Empty(read.Torn);
        Assert.Equal((8, 8, 0), (writer.Accepted, writer.Written, writer.Dropped));
        Assert.Equal(8, read.Records.Count);
        Assert.Equal(8, read.Records.Select(r => r.EventMetadata.EventId).Distinct().Count());
        for (var i = 0; i < 7; i++)
        {
            var record = read.Records[i];
            Assert.Equal(("INPUT", "JSON", bodies[i]), (record.CaptureData.EndpointInput.Mode, record.CaptureData.EndpointInput.Encoding, record.CaptureData.EndpointInput.Data));
            Assert.Equal(("OUTPUT", answers[i].Body), (record.CaptureData.EndpointOutput.Mode, record.CaptureData.EndpointOutput.Data));
            Assert.InRange(record.EventMetadata.InferenceTime, started, DateTime.UtcNow);
            Assert.Equal(JsonDocument.Parse(answers[i].Body).RootElement.GetProperty("event_id").GetString(), record.EventMetadata.EventId);
        }
        Assert.All(read.Records.Take(6), r => Assert.Null(r.EventMetadata.RejectionReason));
        Assert.Equal("invalid-fields", read.Records[6].EventMetadata.RejectionReason);
        var malformed = read.Records[7];
        Assert.Equal(("malformed-json", "BASE64", "{not json"), (malformed.EventMetadata.RejectionReason, malformed.CaptureData.EndpointInput.Encoding,
            Encoding.UTF8.GetString(Convert.FromBase64String(malformed.CaptureData.EndpointInput.Data))));
        var file = Assert.Single(Directory.GetFiles(folder, "*.jsonl", SearchOption.AllDirectories));
        var hour = read.Records[0].EventMetadata.InferenceTime;
        Assert.Equal(Path.Combine(folder, hour.ToString("yyyy"), hour.ToString("MM"), hour.ToString("dd"), hour.ToString("HH")), Path.GetDirectoryName(file));
    }

    [Fact]
    public async Task Sampling_at_zero_records_nothing_and_counts_what_it_left_out()
    {
        var (app, address) = await Start(new CaptureOptions(folder, SamplingPercentage: 0));
        foreach (var session in models.Sessions.Take(4)) Assert.Equal(HttpStatusCode.OK, (await Post(address, ModelServiceTests.Json(session).ToJsonString())).Status);

        var health = JsonDocument.Parse(await http.GetStringAsync(new Uri(address, "/health"))).RootElement.GetProperty("capture");
        await app.DisposeAsync();

        Assert.Equal((0, 4), (health.GetProperty("accepted").GetInt64(), health.GetProperty("sampled_out").GetInt64()));
        Assert.Empty(CaptureReader.Read(folder).Records);
    }

    [Fact]
    public async Task Under_a_burst_each_exchange_is_written_or_counted_as_dropped_never_lost_silently()
    {
        var (app, address) = await Start(new CaptureOptions(folder) { QueueCapacity = 1 });
        var body = ModelServiceTests.Json(models.Sessions[0]).ToJsonString();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++) Assert.Equal(HttpStatusCode.OK, (await Post(address, body)).Status);
        })));
        await app.StopAsync();
        var writer = app.Services.GetRequiredService<CaptureWriter>();
        await app.DisposeAsync();

        Assert.Equal(200, writer.Accepted + writer.Dropped);
        Assert.Equal(writer.Accepted, writer.Written);
        Assert.Equal(writer.Written, CaptureReader.Read(folder).Records.Count);
    }

    [Fact]
    public void A_torn_last_line_is_reported_and_a_damaged_line_before_it_is_an_error()
    {
        var record = JsonSerializer.Serialize(new CaptureRecord(
            new CaptureData(new CapturedBody("application/json", "INPUT", "{}"), new CapturedBody("application/json", "OUTPUT", "{}")),
            new EventMetadata("e1", new DateTime(2026, 12, 8, 1, 0, 0, DateTimeKind.Utc))));
        var hour = Path.Combine(folder, "2026", "12", "08", "01");
        Directory.CreateDirectory(hour);
        var file = Path.Combine(hour, "capture-x.jsonl");
        File.WriteAllText(file, record + "\n" + record[..40]);

        var read = CaptureReader.Read(folder);
        Assert.Equal(["e1"], read.Records.Select(r => r.EventMetadata.EventId));
        Assert.Equal([$"{file}:2"], read.Torn);

        File.WriteAllText(file, record[..40] + "\n" + record + "\n");
        var error = Assert.Throws<InvalidDataException>(() => CaptureReader.Read(folder));
        Assert.StartsWith($"{file}, line 1: not a capture record", error.Message);
    }
}
