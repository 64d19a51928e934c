using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerAnalytics.Monitoring.Data;
using CustomerAnalytics.Serving;

namespace CustomerAnalytics.Tests.Serving;

/// <summary>The model-service process as the README starts it: on 127.0.0.1, and what its capture keeps after kill -9.</summary>
public sealed partial class ServiceProcessTests(ServiceModels models) : IClassFixture<ServiceModels>, IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { UseProxy = false });
    private readonly string capture = Directory.CreateTempSubdirectory("ca-kill-").FullName;

    public void Dispose()
    {
        http.Dispose();
        Directory.Delete(capture, recursive: true);
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "model-service.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return Process.Start(start)!;
    }

    // The address from the service's first line: "Serving FILE on http://127.0.0.1:PORT/ (...)".
    private static Uri Address(Process service)
    {
        var reading = Task.Run(() =>
        {
            for (string? line; (line = service.StandardOutput.ReadLine()) is not null;)
                if (ServingLine().Match(line) is { Success: true } m)
                {
                    _ = service.StandardOutput.ReadToEndAsync(); // keep the pipe drained: a full pipe would stall the service
                    _ = service.StandardError.ReadToEndAsync();
                    return new Uri(m.Groups["address"].Value);
                }
            throw new InvalidOperationException("the service ended without saying where it listens: " + service.StandardError.ReadToEnd());
        });
        Assert.True(reading.Wait(TimeSpan.FromSeconds(60)), "the service did not start within 60 s");
        return reading.Result;
    }

    [Fact]
    public async Task Killed_with_sigkill_under_traffic_the_capture_keeps_every_answer_older_than_the_flush_interval()
    {
        using var service = Start("--propensity-model", models.A, "--port", "0", "--capture", capture);
        var address = Address(service);
        Assert.Equal("127.0.0.1", address.Host);
        var answered = new List<(string EventId, DateTime At)>();
        var body = ModelServiceTests.Json(models.Sessions[0]).ToJsonString();
        var until = DateTime.UtcNow.AddSeconds(4);
        while (DateTime.UtcNow < until)
        {
            using var response = await http.PostAsync(new Uri(address, PropensityEndpoint.Route), new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answered.Add((JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("event_id").GetString()!, DateTime.UtcNow));
        }
        var killedAt = DateTime.UtcNow;
        service.Kill(); // SIGKILL: no stop, no last flush
        await service.WaitForExitAsync();

        var read = CaptureReader.Read(capture);
        var kept = read.Records.Select(r => r.EventMetadata.EventId).ToHashSet();
        // The README's bound: lines are flushed every second, so only the last second (plus a margin for a loaded machine) may be lost.
        var older = answered.Where(a => a.At < killedAt.AddSeconds(-2.5)).ToArray();
        Assert.NotEmpty(older);
        Assert.All(older, a => Assert.Contains(a.EventId, kept));
        Assert.True(read.Records.Count <= answered.Count);
        Assert.True(read.Torn.Count <= 1, string.Join(", ", read.Torn));
    }

    [Fact]
    public void A_bad_command_line_exits_2_with_the_usage_and_a_bad_model_exits_1_naming_the_file()
    {
        using var usage = Start("--propensity-model", models.A, "--address", "localhost");
        usage.WaitForExit(60_000);
        Assert.Equal(2, usage.ExitCode);
        Assert.StartsWith("--address localhost: not an IP address.", usage.StandardError.ReadToEnd());

        var broken = Path.Combine(capture, "broken.zip");
        File.WriteAllText(broken, "no model");
        using var bad = Start("--propensity-model", broken, "--port", "0");
        bad.WaitForExit(60_000);
        Assert.Equal(1, bad.ExitCode);
        Assert.StartsWith($"{broken}: not a propensity model this service can serve", bad.StandardError.ReadToEnd());
    }

    [GeneratedRegex(@"^Serving .* on (?<address>http://[^ ]+) \(")]
    private static partial Regex ServingLine();
}
