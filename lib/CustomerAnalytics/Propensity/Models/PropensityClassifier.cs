using System.Globalization;
using CustomerAnalytics.Data;
using CustomerAnalytics.Display;
using Microsoft.ML;
using Microsoft.ML.Data;
using CustomerAnalytics.Propensity.Data;

namespace CustomerAnalytics.Propensity.Models;

/// <summary>
/// A trained (or loaded) ML.NET propensity model: scores sessions one by one or in batch, ranks them, and saves
/// to / loads from a .zip file.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed class PropensityClassifier : IHtmlRenderable
{
    private readonly MLContext ml;
    private readonly DataViewSchema inputSchema;
    private PredictionEngine<SessionInput, SessionPrediction>? engine;

    /// <summary>Wraps a model trained or loaded with ML.NET directly (for example <c>trainer.Fit(data)</c> or
    /// <c>mlContext.Model.Load(path, out var schema)</c>), to score, rank and monitor sessions with it.</summary>
    /// <param name="ml">The context the model was trained or loaded with.</param>
    /// <param name="model">A binary classifier over a <see cref="SessionInput"/> <c>Features</c> vector.</param>
    /// <param name="inputSchema">The schema of the data it reads (the training data view's, or the one Load returned).</param>
    /// <param name="name">The model's name.</param>
    public PropensityClassifier(MLContext ml, ITransformer model, DataViewSchema inputSchema, string name)
    {
        this.ml = ml;
        Model = model;
        this.inputSchema = inputSchema;
        Name = name;
    }

    /// <summary>The model's name (the trainer's, or the file name when loaded).</summary>
    public string Name { get; }

    /// <summary>Wall time of <c>Fit</c>, when the caller measured it (zero for a loaded model).</summary>
    public TimeSpan TrainingTime { get; init; }

    /// <summary>The ML.NET transformer, for anything this class does not wrap.</summary>
    public ITransformer Model { get; }

    /// <summary>The probability that one session ends in an order (a PredictionEngine: fast for one row at a time).</summary>
    public double Score(SessionRecord session)
    {
        engine ??= ml.Model.CreatePredictionEngine<SessionInput, SessionPrediction>(Model, inputSchema);
        return engine.Predict(SessionInput.From(session)).Probability;
    }

    /// <summary>Probabilities of many sessions in one pass (the model's Transform over a data view), in input order.</summary>
    public double[] Score(IReadOnlyList<SessionRecord> sessions) => Score(sessions.Select(SessionInput.From));

    /// <summary>Probabilities of model inputs as they arrive (flags or not), in input order.</summary>
    public double[] Score(IEnumerable<SessionInput> rows)
    {
        var data = ml.Data.LoadFromEnumerable(rows, SchemaDefinitionFor());
        var scored = Model.Transform(data);
        return scored.GetColumn<float>("Probability").Select(p => (double)p).ToArray();
    }

    /// <summary>Loads a sessions file (label optional, strict by default) and scores it.</summary>
    /// <exception cref="SchemaMismatchException">The file has missing or extra columns (named in the message).</exception>
    /// <exception cref="DataValidationException">A value is not 0/1.</exception>
    public RankedSessions ScoreFile(string path, LoadOptions? options = null) =>
        Rank(PropensityData.LoadForScoring(path, options).Sessions);

    /// <summary>Scores the sessions and sorts them by probability, highest first: who to contact first.</summary>
    public RankedSessions Rank(IReadOnlyList<SessionRecord> sessions)
    {
        var p = Score(sessions);
        var ranked = Enumerable.Range(0, sessions.Count).OrderByDescending(i => p[i]).ThenBy(i => i)
            .Select((i, r) => new RankedSession(r + 1, sessions[i].UserId, p[i], sessions[i].Ordered))
            .ToArray();
        return new RankedSessions(Name, ranked);
    }

    /// <summary>Saves the model (with its input schema) as an ML.NET .zip file; returns the full path.</summary>
    public string Save(string path)
    {
        return AtomicFile.Write(path, stream => ml.Model.Save(Model, inputSchema, stream));
    }

    /// <summary>Loads a model saved by <see cref="Save"/> (or any ML.NET binary classifier over a 23-float
    /// <c>Features</c> vector).</summary>
    /// <exception cref="ModelFileException">The file is missing or is not an ML.NET model.</exception>
    public static PropensityClassifier Load(string path, string? name = null, int seed = 42)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new ModelFileException($"No model file at {full}. Train a model and call Save(path) first (notebook 03, section 7).", full);
        var ml = new MLContext(seed);
        try
        {
            var model = ml.Model.Load(full, out var schema);
            return new PropensityClassifier(ml, model, schema, name ?? System.IO.Path.GetFileNameWithoutExtension(full));
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or InvalidDataException or IOException)
        {
            throw new ModelFileException($"{full} is not a readable ML.NET model ({e.Message}). Save it again with PropensityClassifier.Save.", full, e);
        }
    }

    private static SchemaDefinition SchemaDefinitionFor() =>
        SchemaDefinition.Create(typeof(SessionInput));

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} (trained in {TrainingTime.TotalSeconds:F2} s)");

    /// <inheritdoc/>
    public string ToHtml() => Html.Table(["model", "training time (s)"], [[Name, TrainingTime.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)]]);
}
