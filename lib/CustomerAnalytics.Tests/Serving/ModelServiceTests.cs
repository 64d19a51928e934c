using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerAnalytics.Data;
using CustomerAnalytics.Propensity.Data;
using CustomerAnalytics.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerAnalytics.Tests.Serving;

/// <summary>The model service on a real Kestrel on 127.0.0.1: scores, refusals, health and reloads.</summary>
public sealed class ModelServiceTests(ServiceModels models) : IClassFixture<ServiceModels>, IAsyncLifetime
{
    private readonly List<WebApplication> started = [];
    private readonly HttpClient http = new(new SocketsHttpHandler { UseProxy = false });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in started) await app.DisposeAsync();
        http.Dispose();
    }

    private async Task<(WebApplication App, Uri Address)> Start(string modelPath, double threshold = 0.5, int maxBodyBytes = 1 << 20, TimeSpan? poll = null)
    {
        var app = ModelService.Build(new ServiceOptions(modelPath, threshold, Port: 0)
        {
            MaxBodyBytes = maxBodyBytes,
            ReloadPollInterval = poll ?? TimeSpan.FromHours(1), // reloads are driven by the test unless it asks for the poll
        });
        started.Add(app);
        await app.StartAsync(CancellationToken.None);
        return (app, ModelService.Address(app));
    }

    internal static JsonObject Json(SessionRecord session)
    {
        var json = new JsonObject { ["UserID"] = session.UserId };
        for (var i = 0; i < SessionFeatures.Names.Count; i++) json[SessionFeatures.Names[i]] = session.Flags[i] ? 1 : 0;
        return json;
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private async Task<JsonElement> Post(Uri address, string body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await http.PostAsync(new Uri(address, PropensityEndpoint.Route), new StringContent(body, Encoding.UTF8, "application/json"), CancellationToken.None);
        var text = await response.Content.ReadAsStringAsync(CancellationToken.None);
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        if (expected != HttpStatusCode.OK) Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task It_listens_on_127_0_0_1_and_scores_one_session_as_the_model_does_in_process()
    {
        var (_, address) = await Start(models.A, threshold: 0.3);
        Assert.Equal("127.0.0.1", address.Host);

        foreach (var session in models.Sessions.Take(20))
        {
            var answer = await Post(address, Json(session).ToJsonString());
            var expected = ServiceModels.Expected(models.A, session);
            Assert.Equal(session.UserId, answer.GetProperty("user_id").GetString());
            Assert.Equal(expected, answer.GetProperty("probability").GetDouble(), 6);
            Assert.Equal(expected >= 0.3, answer.GetProperty("contact").GetBoolean());
            Assert.Equal(0.3, answer.GetProperty("threshold").GetDouble());
            Assert.Equal(Sha256(models.A), answer.GetProperty("model").GetString());
            Assert.True(Guid.TryParse(answer.GetProperty("event_id").GetString(), out _));
        }
    }

    [Fact]
    public async Task A_batch_is_answered_in_request_order_and_counted_in_health()
    {
        var (_, address) = await Start(models.A);
        var batch = models.Sessions.Take(50).ToArray();

        var answer = await Post(address, new JsonObject { ["sessions"] = new JsonArray(batch.Select(s => (JsonNode)Json(s)).ToArray()) }.ToJsonString());

        var predictions = answer.GetProperty("predictions").EnumerateArray().ToArray();
        Assert.Equal(batch.Select(s => s.UserId), predictions.Select(p => p.GetProperty("user_id").GetString()));
        Assert.Equal(batch.Select(s => Math.Round(ServiceModels.Expected(models.A, s), 6)), predictions.Select(p => Math.Round(p.GetProperty("probability").GetDouble(), 6)));
        var health = await http.GetFromJsonAsync<JsonElement>(new Uri(address, "/health"), CancellationToken.None);
        Assert.Equal(50, health.GetProperty("predictions").GetInt64());
        var model = health.GetProperty("models")[0];
        Assert.Equal(Path.GetFullPath(models.A), model.GetProperty("file").GetString());
        Assert.Equal(Sha256(models.A), model.GetProperty("sha256").GetString());
        Assert.Equal(File.GetLastWriteTimeUtc(models.A), model.GetProperty("trained_utc").GetDateTime());
    }

    public static TheoryData<string, string, string> BadRequests() => new()
    {
        { "missing flag", """{"UserID": "u1"}""", "loc_uk: missing: every session needs all 23 flags" },
        { "unknown field", Session(("bogus", "1")), "bogus: unknown field; a session has UserID (optional) and the flags basket_icon_click" },
        { "the label", Session(("ordered", "1")), "ordered: the label is not an input: send the session's flags only" },
        { "a string", Session(("loc_uk", "\"1\"")), "loc_uk: expected the number 0 or 1, got the string \"1\"" },
        { "out of range", Session(("basket_add_list", "0.37")), "basket_add_list: expected 0 or 1, got 0.37" },
        { "a flag twice", Session(("loc_uk", "1")).Replace("}", ", \"loc_uk\": 0}"), "loc_uk: given twice" },
        { "not an object", "[1, 2]", "$: expected a JSON object (one session) or {\"sessions\": [...]}, got an array" },
        { "empty batch", """{"sessions": []}""", "sessions: expected at least one session" },
        { "a batch with a bad session", "{\"sessions\": [" + Session() + ", {\"UserID\": 3}]}", "sessions[1].UserID: expected a string, got the number 3" },
    };

    // A valid session (all flags 0) with some fields replaced or added.
    private static string Session(params (string Name, string Value)[] fields)
    {
        var json = new JsonObject { ["UserID"] = "u1" };
        foreach (var name in SessionFeatures.Names) json[name] = 0;
        foreach (var (name, value) in fields) json[name] = JsonNode.Parse(value);
        return json.ToJsonString();
    }

    [Theory, MemberData(nameof(BadRequests))]
    public async Task A_bad_request_gets_400_naming_the_field_and_nothing_is_scored(string what, string body, string expected)
    {
        var (_, address) = await Start(models.A);

        var problem = await Post(address, body, HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => $"{e.Name}: {m.GetString()}")).ToArray();
        Assert.True(errors.Any(e => e.StartsWith(expected, StringComparison.Ordinal)), $"{what}: {string.Join(" | ", errors)}");
        var health = await http.GetFromJsonAsync<JsonElement>(new Uri(address, "/health"), CancellationToken.None);
        Assert.Equal(0, health.GetProperty("predictions").GetInt64());
        Assert.Equal(1, health.GetProperty("rejected").GetProperty("invalid-fields").GetInt64());
    }

    [Fact]
    public async Task Malformed_json_and_an_oversized_body_get_400_problems_and_are_counted_by_reason()
    {
        var (_, address) = await Start(models.A, maxBodyBytes: 4_000);

        var malformed = await Post(address, "{\"UserID\": ", HttpStatusCode.BadRequest);
        var big = new JsonObject { ["sessions"] = new JsonArray(models.Sessions.Take(20).Select(s => (JsonNode)Json(s)).ToArray()) }.ToJsonString();
        var oversized = await Post(address, big, HttpStatusCode.BadRequest);

        Assert.Equal("Malformed JSON", malformed.GetProperty("title").GetString());
        Assert.StartsWith("The body is not valid JSON:", malformed.GetProperty("detail").GetString());
        Assert.Equal("The body is larger than 4,000 bytes; send fewer sessions per request.", oversized.GetProperty("detail").GetString());
        var rejected = (await http.GetFromJsonAsync<JsonElement>(new Uri(address, "/health"), CancellationToken.None)).GetProperty("rejected");
        Assert.Equal(1, rejected.GetProperty("malformed-json").GetInt64());
        Assert.Equal(1, rejected.GetProperty("body-too-large").GetInt64());
    }

    [Fact]
    public async Task A_file_that_is_not_a_model_stops_the_start_naming_it()
    {
        var path = Path.Combine(models.Folder, "not-a-model.zip");
        File.WriteAllText(path, "not a zip");
        var error = Assert.Throws<ModelLoadException>(() => ModelService.Build(new ServiceOptions(path, Port: 0)));
        Assert.StartsWith($"{path}: not a propensity model this service can serve", error.Message);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_replaced_file_is_served_after_the_poll_sees_it_and_a_broken_one_keeps_the_last_good_model()
    {
        var path = models.Copy(models.A);
        var (app, address) = await Start(path, poll: TimeSpan.FromMilliseconds(100));
        var session = Json(models.Sessions[0]).ToJsonString();

        Replace(path, models.B);
        var answer = await Eventually(address, session, Sha256(models.B));
        Assert.Equal(ServiceModels.Expected(models.B, models.Sessions[0]), answer.GetProperty("probability").GetDouble(), 6);

        File.WriteAllText(path, "half a file");
        var holder = app.Services.GetRequiredService<ModelHolder>();
        Assert.False(holder.CheckNow());
        Assert.Equal(Sha256(models.B), (await Post(address, session)).GetProperty("model").GetString());
        Assert.StartsWith($"{Path.GetFullPath(path)}: not a propensity model", holder.LastReloadError);
        Assert.Equal(1, holder.Reloads);
    }

    [Fact]
    public async Task Fifty_reloads_under_traffic_answer_every_request_from_the_model_it_names_and_leave_no_old_model_alive()
    {
        var path = models.Copy(models.A);
        var (app, address) = await Start(path);
        var holder = app.Services.GetRequiredService<ModelHolder>();
        var sessions = models.Sessions.Take(10).ToArray();
        var expected = new Dictionary<string, double[]>
        {
            [Sha256(models.A)] = sessions.Select(s => ServiceModels.Expected(models.A, s)).ToArray(),
            [Sha256(models.B)] = sessions.Select(s => ServiceModels.Expected(models.B, s)).ToArray(),
        };
        var replaced = new List<WeakReference>();
        using var stop = new CancellationTokenSource();
        var answered = 0;
        var clients = Enumerable.Range(0, 4).Select(c => Task.Run(async () =>
        {
            for (var i = c; !stop.IsCancellationRequested; i++)
            {
                var answer = await Post(address, Json(sessions[i % sessions.Length]).ToJsonString());
                var model = answer.GetProperty("model").GetString()!;
                Assert.True(expected.ContainsKey(model), $"an answer from an unknown model {model}");
                Assert.Equal(expected[model][i % sessions.Length], answer.GetProperty("probability").GetDouble(), 6);
                Interlocked.Increment(ref answered);
            }
        })).ToArray();

        for (var reload = 1; reload <= 50; reload++)
        {
            replaced.Add(new WeakReference(holder.Current));
            var next = reload % 2 == 1 ? models.B : models.A;
            Replace(path, next);
            Assert.True(holder.CheckNow(), $"reload {reload} was not seen");
            // From the moment the swap is done, every new request is answered by the new file.
            Assert.Equal(Sha256(next), (await Post(address, Json(sessions[0]).ToJsonString())).GetProperty("model").GetString());
            await Task.Delay(20);
        }
        stop.Cancel();
        await Task.WhenAll(clients);

        Assert.Equal(50, holder.Reloads);
        Assert.True(answered > 50, $"only {answered} answers under traffic");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.Equal(0, replaced.Count(r => r.IsAlive));
    }

    // Replaces the served file in one step, as a writer should (write beside it, then rename over it).
    private static void Replace(string path, string with)
    {
        var temporary = path + ".new";
        File.Copy(with, temporary, overwrite: true);
        File.SetLastWriteTimeUtc(temporary, DateTime.UtcNow);
        File.Move(temporary, path, overwrite: true);
    }

    private async Task<JsonElement> Eventually(Uri address, string session, string sha256)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var answer = await Post(address, session);
            if (answer.GetProperty("model").GetString() == sha256) return answer;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"the service did not start serving {sha256} within 5 s");
    }
}
