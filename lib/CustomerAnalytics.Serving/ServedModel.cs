using System.Collections.Concurrent;
using System.Security.Cryptography;
using CustomerAnalytics.Propensity.Data;
using Microsoft.ML;

namespace CustomerAnalytics.Serving;

/// <summary>
/// One version of the propensity model, loaded from the bytes whose hash it reports, with its own pool of prediction
/// engines (an engine serves one request at a time). A reload makes a new <see cref="ServedModel"/>: a request keeps
/// the version it started with, engines go back to the pool they came from, and an old version with its pool is
/// collected once its last request is done.
/// </summary>
public sealed class ServedModel
{
    private readonly MLContext ml = new(seed: 0);
    private readonly ITransformer model;
    private readonly DataViewSchema schema;
    private readonly ConcurrentBag<PredictionEngine<SessionInput, SessionPrediction>> engines = [];

    private ServedModel(string path, byte[] bytes, DateTime writtenUtc)
    {
        Path = path;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        WrittenUtc = writtenUtc;
        using var stream = new MemoryStream(bytes, writable: false);
        model = ml.Model.Load(stream, out schema);
        // A model that does not take the 23-flag vector fails here, at load, not on the first request.
        using var engine = ml.Model.CreatePredictionEngine<SessionInput, SessionPrediction>(model, schema);
        engine.Predict(new SessionInput());
    }

    /// <summary>The file it was loaded from (full path).</summary>
    public string Path { get; }

    /// <summary>SHA-256 of the bytes loaded, lower-case hex: the version every prediction names.</summary>
    public string Sha256 { get; }

    /// <summary>When the file was written (UTC): when 03 trained and saved the model.</summary>
    public DateTime WrittenUtc { get; }

    /// <summary>When this version was loaded (UTC).</summary>
    public DateTime LoadedUtc { get; } = DateTime.UtcNow;

    /// <summary>Reads <paramref name="path"/> once and loads the model from exactly those bytes.</summary>
    /// <exception cref="ModelLoadException">The file is missing or is not an ML.NET model over the session flags.</exception>
    public static ServedModel Load(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        try
        {
            var written = File.GetLastWriteTimeUtc(full);
            return new ServedModel(full, File.ReadAllBytes(full), written);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException or ArgumentException)
        {
            throw new ModelLoadException($"{full}: not a propensity model this service can serve ({e.Message}).", e);
        }
    }

    /// <summary>The probability that a session with these flags ends in an order.</summary>
    public double Score(float[] features)
    {
        if (!engines.TryTake(out var engine)) engine = ml.Model.CreatePredictionEngine<SessionInput, SessionPrediction>(model, schema);
        try { return engine.Predict(new SessionInput { Features = features }).Probability; }
        finally { engines.Add(engine); }
    }
}
