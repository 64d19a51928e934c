using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CustomerAnalytics.Serving;

/// <summary>
/// <c>POST /propensity</c>: reads the body (at most <see cref="ServiceOptions.MaxBodyBytes"/>), checks it field by field
/// and scores it with the model version current when the request arrived. Every refusal is a 400 with RFC 7807 problem
/// details naming the fields, and is counted.
/// </summary>
public static class PropensityEndpoint
{
    /// <summary>The route.</summary>
    public const string Route = "/propensity";

    /// <summary>Answers one request.</summary>
    public static async Task<IResult> Handle(HttpRequest request, ModelHolder models, ServiceOptions options, ServiceCounters counters)
    {
        var body = await ReadBody(request, options.MaxBodyBytes);
        if (body is null) return Refuse(counters, "body-too-large", "Request body too large", $"The body is larger than {options.MaxBodyBytes:N0} bytes; send fewer sessions per request.");

        JsonDocument document;
        try { document = JsonDocument.Parse(body); }
        catch (JsonException e) { return Refuse(counters, "malformed-json", "Malformed JSON", $"The body is not valid JSON: {e.Message}"); }

        using (document)
        {
            var (parsed, errors) = SessionRequest.Read(document.RootElement, options.MaxBatch);
            if (parsed is null)
            {
                counters.Reject("invalid-fields");
                return Results.ValidationProblem(errors, title: "The request's sessions are not valid", detail: $"{errors.Count} field(s) are wrong; nothing was scored.");
            }

            var model = models.Current; // one version for the whole request, even if a reload happens meanwhile
            var predictions = parsed.Sessions.Select((features, i) =>
            {
                var probability = model.Score(features);
                return new PropensityPrediction(parsed.UserIds[i], probability, probability >= options.Threshold);
            }).ToArray();
            counters.Scored(predictions.Length);
            return parsed.IsBatch
                ? Results.Ok(new PropensityBatchResponse(predictions, options.Threshold, model.Sha256))
                : Results.Ok(new PropensityResponse(predictions[0].UserId, predictions[0].Probability, predictions[0].Contact, options.Threshold, model.Sha256));
        }
    }

    private static IResult Refuse(ServiceCounters counters, string reason, string title, string detail)
    {
        counters.Reject(reason);
        return Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest);
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
