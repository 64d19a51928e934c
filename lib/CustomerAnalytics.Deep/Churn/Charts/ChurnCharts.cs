using CustomerAnalytics.Evaluation;
using System.Globalization;
using CustomerAnalytics.Charts;
using Plotly.NET;
using CsChart = Plotly.NET.CSharp.Chart;
using CustomerAnalytics.Churn.Data;
using CustomerAnalytics.Churn.Training;
using CustomerAnalytics.Churn.Evaluation;

namespace CustomerAnalytics.Churn.Charts;

/// <summary>The charts of workshop 05; each returns a chart for <c>workshop.Publish(chart.WithTitle(...), name)</c>.</summary>
public static class ChurnCharts
{
    /// <summary>Users per group: retained, churned, bounced.</summary>
    public static GenericChart GroupCounts(ChurnLabels labels) =>
        CsChart.Column<int, string, string>(labels.Counts.Select(c => c.Users).ToArray(), Keys: labels.Counts.Select(c => c.Group).ToArray(), Name: "users")
            .WithAxisTitles("group", "users");

    /// <summary>True versus predicted class counts, side by side (the <paramref name="top"/> most frequent classes).</summary>
    public static GenericChart TrueVsPredicted(Predictions predictions, int top = 12)
    {
        var counts = predictions.ClassCounts().OrderByDescending(c => c.True + c.Predicted).Take(top).ToArray();
        var keys = counts.Select(c => c.Class).ToArray();
        return CsChart.Combine(
        [
            CsChart.Column<int, string, string>(counts.Select(c => c.True).ToArray(), Keys: keys, Name: "true"),
            CsChart.Column<int, string, string>(counts.Select(c => c.Predicted).ToArray(), Keys: keys, Name: "predicted"),
        ]).WithAxisTitles("class", "test examples");
    }

    /// <summary>Distribution of the predicted churn probability, one histogram per true class.</summary>
    public static GenericChart ProbabilityHistogram(Predictions predictions, int bins = 20)
    {
        var p = predictions.PositiveProbabilities;
        return CsChart.Combine(Enumerable.Range(0, predictions.ClassNames.Count).Select(c =>
            CsChart.Histogram<double, double, string>(
                X: Enumerable.Range(0, p.Count).Where(i => predictions.Truth[i] == c).Select(i => p[i]).ToArray(),
                Name: $"truly {predictions.ClassNames[c]}", Opacity: 0.7, NBinsX: bins)))
            .WithAxisTitles("predicted churn probability", "test examples");
    }

    /// <summary>
    /// One head's attention matrix of one sequence: rows are the queries (the pooled summary for global attention,
    /// each event for self-attention), columns the events it attends to, labelled "position·event".
    /// </summary>
    public static GenericChart AttentionHeatmap(AttentionMap map, int layer = 0, int head = 0)
    {
        var x = Labels(map.Events);
        var z = map.Layers[layer][head];
        var y = z.Length == 1 ? ["summary"] : x;
        return CsChart.Heatmap<double, string, string, string>(z, X: x, Y: y, ReverseYAxis: true, ColorScale: StyleParam.Colorscale.Viridis)
            .WithColorBarTitle("attention weight (row sums to 1)")
            .WithAxisTitles("event attended to (position·event)", z.Length == 1 ? "query" : "query event (position·event)");
    }

    /// <summary>What the prediction position attends to, one row per layer and head (Transformer: every head of every layer).</summary>
    public static GenericChart HeadsHeatmap(AttentionMap map)
    {
        var rows = new List<double[]>(); var names = new List<string>();
        for (int l = 0; l < map.Layers.Length; l++)
            for (int h = 0; h < map.Layers[l].Length; h++) { rows.Add(map.FinalRow(l, h)); names.Add($"layer {l + 1} head {h + 1}"); }
        return CsChart.Heatmap<double, string, string, string>(rows, X: Labels(map.Events), Y: names, ReverseYAxis: true, ColorScale: StyleParam.Colorscale.Viridis)
            .WithColorBarTitle("attention weight (row sums to 1)")
            .WithAxisTitles("event attended to (position·event)", "layer and head");
    }

    /// <summary>
    /// A batch of sequences at once (as in the original workshop): one row per sequence (true → predicted class),
    /// one column per position, the prediction position's attention (last layer, heads averaged); padding shows as 0.
    /// </summary>
    public static GenericChart BatchHeatmap(IReadOnlyList<AttentionMap> maps)
    {
        int width = maps.Max(m => m.Events.Count);
        var z = maps.Select(m =>
        {
            var last = m.Layers[^1];
            var row = new double[width];
            for (int t = 0; t < m.Events.Count; t++) row[t] = last.Average(head => head[^1][t]);
            return row;
        }).ToArray();
        var y = maps.Select((m, i) => $"#{i + 1} {m.Label} → {m.Predicted}").ToArray();
        var x = Enumerable.Range(1, width).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        return CsChart.Heatmap<double, string, string, string>(z, X: x, Y: y, ReverseYAxis: true, ColorScale: StyleParam.Colorscale.Viridis)
            .WithColorBarTitle("attention weight (heads averaged)")
            .WithAxisTitles("position in the sequence", "sequence (true → predicted)");
    }

    /// <summary>Attention lift of the most attended events, one bar group per true class (e.g. churned vs retained).</summary>
    public static GenericChart AttentionLift(AttentionSummary summary, int top = 8)
    {
        var events = summary.Rows.GroupBy(r => r.Event).OrderByDescending(g => g.Max(r => r.Lift)).Take(top).Select(g => g.Key).ToArray();
        return CsChart.Combine(summary.Rows.Select(r => r.Group).Distinct().Select(group =>
            CsChart.Column<double, string, string>(
                events.Select(e => summary.Rows.FirstOrDefault(r => r.Event == e && r.Group == group)?.Lift ?? 0).ToArray(),
                Keys: events, Name: group)))
            .WithAxisTitles("event", "attention lift (1 = uniform attention)");
    }

    /// <summary>Validation metric per epoch of each run, one line per run; <paramref name="metric"/> names it on the y axis.</summary>
    public static GenericChart RunCurves(RunTable runs, string metric = "metric") =>
        CsChart.Combine(runs.Runs.Select(r => CsChart.Line<int, double, string>(
            r.Epochs.Select(e => e.Epoch).ToArray(), r.Epochs.Select(e => e.Metric ?? double.NaN).ToArray(),
            Name: $"{r.Model} {string.Join(" ", r.Parameters.Values)}".Trim(), ShowMarkers: true)))
            .WithAxisTitles("epoch", $"validation {metric} (0 to 1)");

    /// <summary>Test accuracy of each model (and of the majority class) next to its reference accuracy from the truth.</summary>
    public static GenericChart AgainstTruth(TruthComparison comparison)
    {
        var keys = comparison.Rows.Select(r => r.Model).ToArray();
        return CsChart.Combine(
        [
            CsChart.Column<double, string, string>(comparison.Rows.Select(r => r.Value).ToArray(), Keys: keys, Name: "test accuracy"),
            CsChart.Column<double, string, string>(comparison.Rows.Select(r => double.IsNaN(r.Truth) ? 0 : r.Truth).ToArray(), Keys: keys, Name: "best achievable / type oracle"),
        ]).WithAxisTitles("model", "accuracy (share of test examples)");
    }

    private static string[] Labels(IReadOnlyList<string> events) =>
        events.Select((e, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}·{e}")).ToArray();
}
