using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using CustomerAnalytics.Monitoring.Data;

namespace CustomerAnalytics.Serving;

/// <summary>
/// <c>POST /propensity</c>: reads the body (at most <see cref="ServiceOptions.MaxBodyBytes"/>), checks it field by field
/// and scores it with the model version current when the request arrived. Every refusal is a 400 with RFC 7807 problem
/// details naming the fields, and is counted; with capture on, each request and answer (refusals with their reason) is
/// recorded exactly as sent.
/// </summary>
public static class PropensityEndpoint
{
    /// <summary>The route.</summary>
    public const string Route = "/propensity";

    // JSON bodies, never embedded in HTML: an apostrophe in a message is written as it is, not as \u0027.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Problem = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Answers one request.</summary>
    public static async Task<IResult> Handle(HttpRequest request, ModelHolder models, ServiceOptions options, ServiceCounters counters, [FromServices] CaptureWriter? capture)
    {
        var eventId = Guid.NewGuid().ToString(); // names the exchange in the answer and the capture: labels that arrive later refer to it
        var body = await ReadBody(request, options.MaxBodyBytes);
        if (body is null)
            return Refuse(counters, capture, eventId, new CapturedBody("application/json", "INPUT", "", "BASE64"), "body-too-large", new ProblemDetails { Title = "Request body too large", Detail = $"The body is larger than {options.MaxBodyBytes:N0} bytes; send fewer sessions per request." });

        JsonDocument document;
        try { document = JsonDocument.Parse(body); }
        catch (JsonException e)
        {
            return Refuse(counters, capture, eventId, new CapturedBody("application/json", "INPUT", Convert.ToBase64String(body), "BASE64"), "malformed-json", new ProblemDetails { Title = "Malformed JSON", Detail = $"The body is not valid JSON: {e.Message}" });
        }

        var text = Encoding.UTF8.GetString(body);
        using (document)
        {
            var (parsed, errors) = SessionRequest.Read(document.RootElement, options.MaxBatch);
            if (parsed is null)
                return Refuse(counters, capture, eventId, new CapturedBody("application/json", "INPUT", text), "invalid-fields", new HttpValidationProblemDetails(errors) { Title = "The request's sessions are not valid", Detail = $"{errors.Count} field(s) are wrong; nothing was scored." });

            var model = models.Current; // one version for the whole request, even if a reload happens meanwhile
            var predictions = parsed.Sessions.Select((features, i) =>
            {
                var probability = model.Score(features);
                return new PropensityPrediction(parsed.UserIds[i], probability, probability >= options.Threshold);
            }).ToArray();
            counters.Scored(predictions.Length);
            var answer = parsed.IsBatch
                ? JsonSerializer.Serialize(new PropensityBatchResponse(eventId, predictions, options.Threshold, model.Sha256), Json)
                : JsonSerializer.Serialize(new PropensityResponse(eventId, predictions[0].UserId, predictions[0].Probability, predictions[0].Contact, options.Threshold, model.Sha256), Json);
            capture?.Capture(eventId, new CapturedBody("application/json", "INPUT", text), answer, null);
            return Results.Content(answer, "application/json", Encoding.UTF8, StatusCodes.Status200OK);
        }
    }

    // A body that is not JSON is captured as its bytes (BASE64, as SageMaker captures binary); one too large was not read.
    private static IResult Refuse(ServiceCounters counters, CaptureWriter? capture, string eventId, CapturedBody input, string reason, ProblemDetails problem)
    {
        counters.Reject(reason);
        problem.Status = StatusCodes.Status400BadRequest;
        problem.Extensions["event_id"] = eventId;
        problem.Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1";
        var answer = JsonSerializer.Serialize(problem, problem.GetType(), Problem);
        capture?.Capture(eventId, input, answer, reason);
        return Results.Content(answer, "application/problem+json", Encoding.UTF8, StatusCodes.Status400BadRequest);
    }

    // Reads at most max bytes; null when the body is longer (the rest is not read).
    private static async Task<byte[]?> ReadBody(HttpRequest request, int max)
    {
        if (request.ContentLength > max) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > max) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
