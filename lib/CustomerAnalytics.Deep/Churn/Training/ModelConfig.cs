using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using CustomerAnalytics.Display;
using CustomerAnalytics.Evaluation;
using CustomerAnalytics.Torch;
using CustomerAnalytics.Churn.Data;
using CustomerAnalytics.Churn.Models;

namespace CustomerAnalytics.Churn.Training;

/// <summary>
/// One model's configuration file (notebooks/config/*.json), as in the original workshop: "init" (the network),
/// "training" (optimiser, L2, early stopping, metric) and "grid_search" (the values to try). Parsed with
/// JsonDocument against a fixed list of keys: an unknown key or a value of the wrong type is reported with its
/// path (e.g. <c>$.training.learning_rate</c>), all problems at once.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record ModelConfig : IHtmlRenderable
{
    /// <summary>Name of the model, used as the run store's folder (e.g. "rnn-churn").</summary>
    public required string Name { get; init; }
    /// <summary>The task: next-event or churn.</summary>
    public required SequenceTask Task { get; init; }
    /// <summary>The network.</summary>
    public ModelSettings Init { get; init; } = new();
    /// <summary>The training loop.</summary>
    public TrainingOptions Training { get; init; } = new();
    /// <summary>Whether the grid search tries the grid (false: one run with Init and Training).</summary>
    public bool GridSearchEnabled { get; init; } = true;
    /// <summary>Use <see cref="FullGrid"/> (the larger grid, slow) instead of <see cref="Grid"/>.</summary>
    public bool UseFullGrid { get; init; }
    /// <summary>The small default grid: parameter name -> values (activation, attention, l2, learning_rate, ...).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Grid { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    /// <summary>The larger grid of the configuration file (<c>full_grid</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FullGrid { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    private enum Kind { Int, Number, Text, Bool, Object, Grid }

    private static readonly FrozenDictionary<string, Kind> Top = new Dictionary<string, Kind>
    {
        ["name"] = Kind.Text, ["task"] = Kind.Text, ["description"] = Kind.Text,
        ["init"] = Kind.Object, ["training"] = Kind.Object, ["grid_search"] = Kind.Object,
    }.ToFrozenDictionary();
    private static readonly FrozenDictionary<string, Kind> InitKeys = new Dictionary<string, Kind>
    {
        ["architecture"] = Kind.Text, ["cell"] = Kind.Text, ["embedding_dim"] = Kind.Int, ["hidden_size"] = Kind.Int,
        ["attention"] = Kind.Text, ["heads"] = Kind.Int, ["layers"] = Kind.Int, ["dropout"] = Kind.Number,
        ["activation"] = Kind.Text, ["feed_forward"] = Kind.Int, ["max_positions"] = Kind.Int,
    }.ToFrozenDictionary();
    private static readonly FrozenDictionary<string, Kind> TrainingKeys = new Dictionary<string, Kind>
    {
        ["epochs"] = Kind.Int, ["batch_size"] = Kind.Int, ["learning_rate"] = Kind.Number, ["l2"] = Kind.Number,
        ["patience"] = Kind.Int, ["clip_norm"] = Kind.Number, ["metric"] = Kind.Text, ["seed"] = Kind.Int, ["max_train_examples"] = Kind.Int,
    }.ToFrozenDictionary();
    private static readonly FrozenDictionary<string, Kind> GridKeys = new Dictionary<string, Kind>
    {
        ["enabled"] = Kind.Bool, ["use_full_grid"] = Kind.Bool, ["grid"] = Kind.Grid, ["full_grid"] = Kind.Grid,
    }.ToFrozenDictionary();

    /// <summary>Parameters a grid may vary (each takes the type of its init/training key).</summary>
    public static readonly IReadOnlyList<string> GridParameters =
        ["activation", "attention", "cell", "hidden_size", "heads", "layers", "feed_forward", "dropout", "l2", "learning_rate", "batch_size", "epochs", "patience"];

    /// <summary>Reads and validates a configuration file.</summary>
    public static ModelConfig Load(string path)
    {
        if (!File.Exists(path))
            throw new ChurnConfigException($"No model configuration at {path}. The workshop's files are in notebooks/config/ (rnn-churn.json, ...).", [$"{path}: file not found"]);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses and validates configuration JSON; <paramref name="source"/> names it in messages.</summary>
    public static ModelConfig Parse(string json, string source = "config")
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }); }
        catch (JsonException e) { throw new ChurnConfigException($"{source} is not valid JSON: {e.Message}", [$"$: {e.Message}"], e); }
        using (doc)
        {
            var problems = new List<string>();
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Fail(source, ["$: expected an object with name, task, init, training, grid_search"]);
            Check(root, "$", Top, problems);
            foreach (var (key, keys) in new[] { ("init", InitKeys), ("training", TrainingKeys), ("grid_search", GridKeys) })
                if (root.TryGetProperty(key, out var section) && section.ValueKind == JsonValueKind.Object) Check(section, "$." + key, keys, problems);
            if (Section(root, "grid_search") is { } gs)
                foreach (var g in new[] { "grid", "full_grid" })
                    if (gs.TryGetProperty(g, out var grid) && grid.ValueKind == JsonValueKind.Object) CheckGrid(grid, $"$.grid_search.{g}", problems);
            var config = problems.Count == 0 ? Build(root, problems) : null;
            if (problems.Count > 0 || config is null) throw Fail(source, problems);
            return config;
        }
    }

    private static ChurnConfigException Fail(string source, IReadOnlyList<string> problems) =>
        new($"{source} has {problems.Count} problem(s):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems) +
            $"{Environment.NewLine}Fix the keys named (known keys are listed in ModelConfig's documentation and the workshop's config files).", problems);

    private static void Check(JsonElement obj, string path, IReadOnlyDictionary<string, Kind> known, List<string> problems)
    {
        foreach (var p in obj.EnumerateObject())
        {
            if (!known.TryGetValue(p.Name, out var kind))
                problems.Add($"{path}.{p.Name}: unknown key (known: {string.Join(", ", known.Keys)})");
            else if (!Matches(p.Value, kind))
                problems.Add($"{path}.{p.Name}: expected {Describe(kind)}, found {Found(p.Value)}");
        }
    }

    private static void CheckGrid(JsonElement grid, string path, List<string> problems)
    {
        foreach (var p in grid.EnumerateObject())
        {
            if (!GridParameters.Contains(p.Name)) { problems.Add($"{path}.{p.Name}: unknown grid parameter (known: {string.Join(", ", GridParameters)})"); continue; }
            var kind = InitKeys.TryGetValue(p.Name, out var k) ? k : TrainingKeys[p.Name];
            if (p.Value.ValueKind != JsonValueKind.Array || p.Value.GetArrayLength() == 0) { problems.Add($"{path}.{p.Name}: expected a non-empty array of {Describe(kind)}, found {Found(p.Value)}"); continue; }
            int i = 0;
            foreach (var v in p.Value.EnumerateArray())
            {
                if (!Matches(v, kind)) problems.Add($"{path}.{p.Name}[{i}]: expected {Describe(kind)}, found {Found(v)}");
                i++;
            }
        }
    }

    private static bool Matches(JsonElement v, Kind kind) => kind switch
    {
        Kind.Int => v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out _),
        Kind.Number => v.ValueKind == JsonValueKind.Number,
        Kind.Text => v.ValueKind == JsonValueKind.String,
        Kind.Bool => v.ValueKind is JsonValueKind.True or JsonValueKind.False,
        _ => v.ValueKind == JsonValueKind.Object,
    };

    private static string Describe(Kind kind) => kind switch
    {
        Kind.Int => "an integer", Kind.Number => "a number", Kind.Text => "a string", Kind.Bool => "true or false", _ => "an object",
    };

    private static string Found(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => $"a string \"{v.GetString()}\"",
        JsonValueKind.Number => $"the number {v.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
        JsonValueKind.Array => "an array", JsonValueKind.Object => "an object", JsonValueKind.Null => "null", _ => v.ValueKind.ToString(),
    };

    private static JsonElement? Section(JsonElement root, string name) =>
        root.TryGetProperty(name, out var s) && s.ValueKind == JsonValueKind.Object ? s : null;

    private static ModelConfig? Build(JsonElement root, List<string> problems)
    {
        string? Text(JsonElement? o, string key) => o is { } e && e.TryGetProperty(key, out var v) ? v.GetString() : null;
        int? Int(JsonElement? o, string key) => o is { } e && e.TryGetProperty(key, out var v) ? v.GetInt32() : null;
        double? Num(JsonElement? o, string key) => o is { } e && e.TryGetProperty(key, out var v) ? v.GetDouble() : null;
        bool? Bool(JsonElement? o, string key) => o is { } e && e.TryGetProperty(key, out var v) ? v.GetBoolean() : null;
        JsonElement? r = root, init = Section(root, "init"), training = Section(root, "training"), gs = Section(root, "grid_search");

        var name = Text(r, "name");
        if (string.IsNullOrWhiteSpace(name)) problems.Add("$.name: required (a short name such as \"rnn-churn\")");
        SequenceTask task = SequenceTask.Churn;
        switch (Text(r, "task"))
        {
            case "churn": task = SequenceTask.Churn; break;
            case "next-event" or "next_event": task = SequenceTask.NextEvent; break;
            case var t: problems.Add($"$.task: expected \"churn\" or \"next-event\", found {(t is null ? "nothing" : $"\"{t}\"")}"); break;
        }
        var d = new ModelSettings();
        var s = new ModelSettings
        {
            Architecture = Text(init, "architecture") ?? d.Architecture,
            Cell = Text(init, "cell") ?? d.Cell,
            EmbeddingDim = Int(init, "embedding_dim") ?? d.EmbeddingDim,
            HiddenSize = Int(init, "hidden_size") ?? d.HiddenSize,
            Heads = Int(init, "heads") ?? d.Heads,
            Layers = Int(init, "layers") ?? d.Layers,
            Dropout = Num(init, "dropout") ?? d.Dropout,
            Activation = Text(init, "activation") ?? d.Activation,
            FeedForward = Int(init, "feed_forward") ?? d.FeedForward,
            MaxPositions = Int(init, "max_positions") ?? d.MaxPositions,
        };
        if (Text(init, "attention") is { } att)
        {
            try { s = s with { Attention = ModelSettings.ParseAttention(att) }; }
            catch (ArgumentException e) { problems.Add("$.init.attention: " + e.Message); }
        }
        if (s.Architecture is not ("rnn" or "transformer")) problems.Add($"$.init.architecture: expected \"rnn\" or \"transformer\", found \"{s.Architecture}\"");
        if (s.Cell is not ("gru" or "lstm")) problems.Add($"$.init.cell: expected \"gru\" or \"lstm\", found \"{s.Cell}\"");
        if (!ModelSettings.Activations.Contains(s.Activation)) problems.Add($"$.init.activation: expected one of {string.Join(", ", ModelSettings.Activations)}, found \"{s.Activation}\"");
        if (s.Dropout is < 0 or >= 1) problems.Add($"$.init.dropout: expected 0 <= dropout < 1, found {s.Dropout.ToString(CultureInfo.InvariantCulture)}");
        var td = new TrainingOptions();
        var t2 = new TrainingOptions
        {
            Epochs = Int(training, "epochs") ?? td.Epochs,
            BatchSize = Int(training, "batch_size") ?? td.BatchSize,
            LearningRate = Num(training, "learning_rate") ?? td.LearningRate,
            L2 = Num(training, "l2") ?? td.L2,
            Patience = Int(training, "patience") ?? td.Patience,
            ClipNorm = Num(training, "clip_norm") ?? td.ClipNorm,
            Metric = Text(training, "metric") ?? td.Metric,
            Seed = Int(training, "seed") ?? td.Seed,
            MaxTrainExamples = Int(training, "max_train_examples") ?? td.MaxTrainExamples,
        };
        if (!ClassificationReport.MetricNames.Contains(t2.Metric)) problems.Add($"$.training.metric: expected one of {string.Join(", ", ClassificationReport.MetricNames)}, found \"{t2.Metric}\"");
        if (t2.Epochs < 1) problems.Add("$.training.epochs: expected at least 1");
        if (t2.BatchSize < 1) problems.Add("$.training.batch_size: expected at least 1");
        if (t2.LearningRate <= 0) problems.Add("$.training.learning_rate: expected a positive number");
        if (t2.L2 < 0) problems.Add("$.training.l2: expected 0 or more");
        if (t2.ClipNorm < 0) problems.Add("$.training.clip_norm: expected 0 (no clipping) or more");
        if (problems.Count > 0) return null;
        return new ModelConfig
        {
            Name = name!, Task = task, Init = s, Training = t2,
            GridSearchEnabled = Bool(gs, "enabled") ?? true,
            UseFullGrid = Bool(gs, "use_full_grid") ?? false,
            Grid = ReadGrid(gs, "grid"), FullGrid = ReadGrid(gs, "full_grid"),
        };
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadGrid(JsonElement? gs, string key)
    {
        var grid = new Dictionary<string, IReadOnlyList<string>>();
        if (gs is { } g && g.TryGetProperty(key, out var obj))
            foreach (var p in obj.EnumerateObject())
                grid[p.Name] = p.Value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()).ToArray();
        return grid;
    }

    /// <summary>The grid the search will try: <see cref="FullGrid"/> when <see cref="UseFullGrid"/>, else <see cref="Grid"/>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ActiveGrid => GridSearchEnabled ? (UseFullGrid ? FullGrid : Grid) : new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Every combination of the active grid (one empty combination when there is no grid).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Combinations()
    {
        IEnumerable<Dictionary<string, string>> combos = [new()];
        foreach (var (key, values) in ActiveGrid.OrderBy(kv => GridParameters.ToList().IndexOf(kv.Key)))
            combos = combos.SelectMany(c => values.Select(v => new Dictionary<string, string>(c) { [key] = v }));
        return combos.ToArray();
    }

    /// <summary>This configuration with one grid combination applied.</summary>
    public (ModelSettings Init, TrainingOptions Training) Apply(IReadOnlyDictionary<string, string> combination)
    {
        var (s, t) = (Init, Training);
        var c = CultureInfo.InvariantCulture;
        foreach (var (key, v) in combination)
            (s, t) = key switch
            {
                "activation" => (s with { Activation = v }, t),
                "attention" => (s with { Attention = ModelSettings.ParseAttention(v) }, t),
                "cell" => (s with { Cell = v }, t),
                "hidden_size" => (s with { HiddenSize = int.Parse(v, c) }, t),
                "heads" => (s with { Heads = int.Parse(v, c) }, t),
                "layers" => (s with { Layers = int.Parse(v, c) }, t),
                "feed_forward" => (s with { FeedForward = int.Parse(v, c) }, t),
                "dropout" => (s with { Dropout = double.Parse(v, c) }, t),
                "l2" => (s, t with { L2 = double.Parse(v, c) }),
                "learning_rate" => (s, t with { LearningRate = double.Parse(v, c) }),
                "batch_size" => (s, t with { BatchSize = int.Parse(v, c) }),
                "epochs" => (s, t with { Epochs = int.Parse(v, c) }),
                "patience" => (s, t with { Patience = int.Parse(v, c) }),
                _ => throw new ArgumentException($"Unknown grid parameter '{key}'."),
            };
        return (s, t);
    }

    /// <summary>The configuration as JSON in the file format (what a run's params.json holds); parses back with <see cref="Parse"/>.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("name", Name);
            w.WriteString("task", Task == SequenceTask.Churn ? "churn" : "next-event");
            w.WriteStartObject("init");
            w.WriteString("architecture", Init.Architecture); w.WriteString("cell", Init.Cell);
            w.WriteNumber("embedding_dim", Init.EmbeddingDim); w.WriteNumber("hidden_size", Init.HiddenSize);
            w.WriteString("attention", ModelSettings.AttentionName(Init.Attention)); w.WriteNumber("heads", Init.Heads);
            w.WriteNumber("layers", Init.Layers); w.WriteNumber("dropout", Init.Dropout); w.WriteString("activation", Init.Activation);
            w.WriteNumber("feed_forward", Init.FeedForward); w.WriteNumber("max_positions", Init.MaxPositions);
            w.WriteEndObject();
            w.WriteStartObject("training");
            w.WriteNumber("epochs", Training.Epochs); w.WriteNumber("batch_size", Training.BatchSize);
            w.WriteNumber("learning_rate", Training.LearningRate); w.WriteNumber("l2", Training.L2);
            w.WriteNumber("patience", Training.Patience); w.WriteNumber("clip_norm", Training.ClipNorm); w.WriteString("metric", Training.Metric);
            w.WriteNumber("seed", Training.Seed); w.WriteNumber("max_train_examples", Training.MaxTrainExamples);
            w.WriteEndObject();
            w.WriteStartObject("grid_search");
            w.WriteBoolean("enabled", GridSearchEnabled); w.WriteBoolean("use_full_grid", UseFullGrid);
            foreach (var (key, grid) in new[] { ("grid", Grid), ("full_grid", FullGrid) })
            {
                w.WriteStartObject(key);
                foreach (var (p, values) in grid)
                {
                    w.WriteStartArray(p);
                    foreach (var v in values)
                        if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) w.WriteNumberValue(number); else w.WriteStringValue(v);
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Task}, {Init.Architecture}): {Combinations().Count} grid combination(s)";

    /// <inheritdoc />
    public string ToHtml() =>
        Html.Table(["name", "task", "architecture", "epochs", "batch", "lr", "l2", "clip norm", "patience", "metric", "grid", "combinations"],
            [[Name, Task, Init.Architecture, Training.Epochs, Training.BatchSize, Training.LearningRate, Training.L2, Training.ClipNorm, Training.Patience, Training.Metric,
              string.Join("; ", ActiveGrid.Select(kv => $"{kv.Key}: {string.Join(", ", kv.Value)}")), Combinations().Count]], $"Model configuration {Name}");
}
