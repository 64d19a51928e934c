using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerAnalytics.Benchmarks;

namespace CustomerAnalytics.Tests.Notebooks;

/// <summary>
/// Workshops 02-05 write their pipelines and training loops in cells, where the attendee reads and changes them; the
/// benchmarks and the tests need the same code as a library call, so CustomerAnalytics.Benchmarks holds a copy of each
/// (<see cref="SegmentationPipeline"/>, <see cref="PropensityTrainer"/>, <see cref="Seq2SeqTraining"/>,
/// <see cref="ChurnTraining"/>). Every copy is checked here against the instructor's notebook: a copied function has
/// the body of the notebook's function of the same name (comments and whitespace aside), trainer options are the same
/// names with the same values, and the statements of a loop the notebook writes at the top level appear in the copy.
/// Each difference the copy needs (a caller's argument, a timer for the benchmark) is listed here with its reason.
/// </summary>
public sealed partial class NotebookCopyTests
{
    [Fact]
    public void Workshop02_pipeline_is_the_notebooks_KMeansPipeline()
    {
        var (notebook, copy) = (NotebookCode("02-kmeans-segmentation"), CopyCode("SegmentationPipeline"));
        Assert.Equal(Body(notebook, "KMeansPipeline"), Body(copy, "Build"));
        Assert.Equal(Parameter(notebook, "starts"), SegmentationPipeline.Starts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The notebook's FitBest: a fresh MLContext per start from seed + start; the lowest average distance wins, the first on a tie.
        Assert.Contains("new MLContext(seed + start)", notebook);
        Assert.Contains("measures.AverageDistance < best.Measures.AverageDistance", notebook);
        Assert.Contains("FitOnce(features, clusters, seed + start)", copy);
        Assert.Contains("next.Measures.AverageDistance < best.Measures.AverageDistance ? next : best", copy);
    }

    [Theory]
    [InlineData("var logisticRegression =", "ModelKind.LogisticRegression =>")]
    [InlineData("var lightGbm =", "ModelKind.LightGbm =>")]
    [InlineData("var fastTree =", "ModelKind.FastTree =>")]
    public void Workshop03_trainers_set_the_notebooks_options(string notebookAnchor, string copyAnchor)
    {
        var notebook = Options(NotebookCode("03-propensity-modelling"), notebookAnchor);
        var copy = Options(CopyCode("PropensityTrainer"), copyAnchor);
        // Stated difference: the benchmark times every trainer on one thread; the notebook leaves L-BFGS's threads to ML.NET.
        if (copyAnchor == "ModelKind.LogisticRegression =>") Assert.Equal("1", Assert.Contains("NumberOfThreads", copy));
        if (copyAnchor == "ModelKind.LogisticRegression =>") copy.Remove("NumberOfThreads");
        Assert.True(notebook.Count >= 3, $"no options found after '{notebookAnchor}'");
        Assert.Equal(notebook.OrderBy(o => o.Key), copy.OrderBy(o => o.Key));
    }

    [Theory]
    [InlineData("SequenceLoss")]
    [InlineData("TrainStep")]
    [InlineData("TrainEpoch")]
    [InlineData("Validate")]
    public void Workshop04_training_functions_are_the_notebooks(string function) =>
        Assert.Equal(Body(NotebookCode("04-lstm-touchpoint-prediction"), function), Body(CopyCode("Seq2SeqTraining"), function));

    [Fact]
    public void Workshop04_epoch_loop_has_the_notebooks_statements()
    {
        // Stated differences: the copy is given the model, the training pairs (the notebook's train.Pairs) and the
        // checkpoint path; its functions sit in a class (cells.TrainEpoch); it times the epochs for the benchmark.
        var notebook = Collapse(StripComments(NotebookCode("04-lstm-touchpoint-prediction"))).Replace("train.Pairs", "train", StringComparison.Ordinal);
        var copy = Collapse(StripComments(CopyCode("Seq2SeqTraining")));
        string[] statements =
        [
            "torch.optim.Adam(model.parameters(), learningRate);",
            "epochs, \"val token accuracy\");",
            "(new EarlyStopping(patience), new ModelCheckpoint(",
            "for (int epoch = 1; epoch <= epochs && !stopping.ShouldStop; epoch++)",
            "TrainEpoch(model, optimizer, train, seed + epoch);",
            "Validate(model, validation);",
            "progress.Report(epoch, loss, accuracy, validationLoss, isBest: stopping.Update(epoch, validationLoss));",
            "if (stopping.BestEpoch == epoch) checkpoint.Save(model);",
            "checkpoint.Restore(model); model.eval();",
        ];
        foreach (var statement in statements)
        {
            Assert.Contains(statement, notebook);
            Assert.Contains(statement, copy);
        }
    }

    [Theory]
    [InlineData("NewModel")]
    [InlineData("PenalisedLoss")]
    [InlineData("TrainEpoch")]
    [InlineData("RunEpochs")]
    [InlineData("Train")]
    public void Workshop05_training_functions_are_the_notebooks(string function)
    {
        var code = CopyCode("ChurnTraining");
        var copy = Body(code[code.IndexOf("class Cells", StringComparison.Ordinal)..], function);   // the public Train calls Cells.Train
        // Stated difference: the benchmark and the tests send the progress to their own sinks (quiet, or the console).
        if (function == "Train") copy = copy.Replace("config.Training.Metric, sinks);", "config.Training.Metric);", StringComparison.Ordinal);
        Assert.Equal(Body(NotebookCode("05-churn-attention"), function), copy);
    }

    [Fact]
    public void The_checks_see_a_changed_body()
    {
        const string code = "double F(int x)\n{\n    return x + 1; // one more\n}\nvar y = F(2);\nint G() => 3;";
        Assert.Equal("{ return x + 1; }", Body(code, "F"));
        Assert.Equal("=> 3;", Body(code, "G"));
        Assert.NotEqual(Body(code, "F"), Body(code.Replace("x + 1", "x + 2", StringComparison.Ordinal), "F"));
        Assert.Equal(new Dictionary<string, string> { ["A"] = "1", ["B.C"] = "f(2, 3)", ["B.D"] = "4" },
            Options("var t = new T.Options { A = 1, // one\n B = new B.Options { C = f(2, 3), D = 4 }, };", "var t ="));
    }

    // The code cells of the instructor's notebook, exercise placeholders left out (their solutions hold the code).
    private static string NotebookCode(string name)
    {
        var notebook = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Notebooks, name + ".ipynb")));
        return string.Join("\n", notebook.RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "code" && !Tagged(c, "exercise"))
            .Select(c => string.Concat(c.GetProperty("source").EnumerateArray().Select(s => s.GetString()))));
    }

    private static bool Tagged(JsonElement cell, string tag) =>
        cell.TryGetProperty("metadata", out var m) && m.TryGetProperty("tags", out var tags) && tags.EnumerateArray().Any(t => t.GetString() == tag);

    private static string CopyCode(string type) =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "lib", "CustomerAnalytics.Benchmarks", type + ".cs"));

    /// <summary>The value a parameters cell gives <paramref name="name"/> (<c>var name = value;</c>).</summary>
    private static string Parameter(string code, string name) =>
        Regex.Match(code, @"\bvar " + Regex.Escape(name) + @"\s*=\s*([^;]+);").Groups[1].Value.Trim();

    /// <summary>
    /// The body of the one function declared as <paramref name="name"/>(...) followed by a block or <c>=&gt;</c>
    /// (calls are followed by neither), comments dropped and whitespace collapsed.
    /// </summary>
    private static string Body(string code, string name)
    {
        code = StripComments(code);
        var bodies = new List<string>();
        foreach (Match m in Regex.Matches(code, @"(?<![\w.])" + Regex.Escape(name) + @"\s*\("))
        {
            var close = Matching(code, m.Index + m.Length - 1, '(', ')');
            var rest = code[(close + 1)..].TrimStart();
            var start = code.Length - rest.Length;
            if (rest.StartsWith('{')) bodies.Add(code[start..(Matching(code, start, '{', '}') + 1)]);
            else if (rest.StartsWith("=>", StringComparison.Ordinal)) bodies.Add(code[start..(EndOfStatement(code, start) + 1)]);
        }
        Assert.True(bodies.Count == 1, $"{bodies.Count} declarations of {name}(...) found, expected one");
        return Collapse(bodies[0]);
    }

    /// <summary>The name = value pairs of the first object initializer after <paramref name="anchor"/>; a nested
    /// <c>new X { ... }</c> value gives its pairs as Outer.Inner.</summary>
    private static Dictionary<string, string> Options(string code, string anchor)
    {
        code = StripComments(code);
        var at = code.IndexOf(anchor, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{anchor}' not found");
        var open = code.IndexOf('{', at);
        var result = new Dictionary<string, string>();
        AddOptions(code[(open + 1)..Matching(code, open, '{', '}')], "", result);
        return result;
    }

    private static void AddOptions(string body, string prefix, Dictionary<string, string> into)
    {
        foreach (var entry in TopLevel(body).Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            var eq = entry.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = (entry[..eq].Trim(), Collapse(entry[(eq + 1)..]));
            var brace = value.IndexOf('{', StringComparison.Ordinal);
            if (value.StartsWith("new ", StringComparison.Ordinal) && brace > 0)
                AddOptions(value[(brace + 1)..value.LastIndexOf('}')], prefix + name + ".", into);
            else into.Add(prefix + name, value);
        }
    }

    // The initializer's entries: split at commas outside brackets.
    private static IEnumerable<string> TopLevel(string body)
    {
        int depth = 0, start = 0;
        for (int i = 0; i < body.Length; i++)
        {
            if (body[i] is '(' or '{' or '[') depth++;
            else if (body[i] is ')' or '}' or ']') depth--;
            else if (body[i] == ',' && depth == 0) { yield return body[start..i]; start = i + 1; }
        }
        yield return body[start..];
    }

    private static int Matching(string code, int open, char opening, char closing)
    {
        for (int i = open, depth = 0; i < code.Length; i++)
        {
            if (code[i] == opening) depth++;
            else if (code[i] == closing && --depth == 0) return i;
        }
        throw new InvalidOperationException($"No matching '{closing}' for the '{opening}' at {open}.");
    }

    private static int EndOfStatement(string code, int start)
    {
        for (int i = start, depth = 0; i < code.Length; i++)
        {
            if (code[i] is '(' or '{' or '[') depth++;
            else if (code[i] is ')' or '}' or ']') depth--;
            else if (code[i] == ';' && depth == 0) return i;
        }
        throw new InvalidOperationException($"No ';' after {start}.");
    }

    private static string StripComments(string code) => LineComment().Replace(code, "");

    private static string Collapse(string code) => Whitespace().Replace(code, " ").Trim();

    [GeneratedRegex(@"(?<![:""])//[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
