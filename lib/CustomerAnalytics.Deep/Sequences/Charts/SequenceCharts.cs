using CustomerAnalytics.Charts;
using CustomerAnalytics.Training;
using Plotly.NET.CSharp;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;
using CustomerAnalytics.Sequences.Data;
using CustomerAnalytics.Sequences.Evaluation;

namespace CustomerAnalytics.Sequences.Charts;

/// <summary>Charts for sequence workshops; publish them with <c>workshop.Publish(chart.WithTitle(...), name)</c>.</summary>
public static class SequenceCharts
{
    /// <summary>How many journeys have each input length.</summary>
    public static GenericChart InputLengths(JourneySummary summary) =>
        CSharpChart.Column<int, int, string>(summary.InputLengths.Select(l => l.Count).ToArray(), Keys: summary.InputLengths.Select(l => l.Length).ToArray(), Name: "journeys")
            .WithXAxisStyle<int, int, string>(TitleText: "input touchpoints in the journey")
            .WithYAxisStyle<int, int, string>(TitleText: "journeys");

    /// <summary>The most common paths, as horizontal bars, most common on top.</summary>
    public static GenericChart TopPaths(JourneySummary summary) =>
        CSharpChart.Bar<int, string, string>(summary.TopPaths.Select(p => p.Count).Reverse().ToArray(), Keys: summary.TopPaths.Select(p => p.Path).Reverse().ToArray(), Name: "journeys")
            .WithXAxisStyle<int, int, string>(TitleText: "journeys with this path")
            .WithYAxisStyle<string, string, string>(TitleText: "path");

    /// <summary>
    /// Training and validation loss per epoch on the left axis, validation token accuracy (0 to 1) on its own right
    /// axis (the live progress shows the same while training).
    /// </summary>
    public static GenericChart TrainingCurves(IReadOnlyList<EpochRecord> history)
    {
        var epochs = history.Select(e => e.Epoch).ToArray();
        var accuracy = CSharpChart.Line<int, double, string>(epochs, history.Select(e => e.Metric ?? double.NaN).ToArray(),
            Name: "validation token accuracy (right axis)", ShowMarkers: true, LineDash: StyleParam.DrawingStyle.Dash);
        foreach (var trace in GenericChart.getTraces(accuracy)) trace.SetProperty("yaxis", "y2");
        var chart = CSharpChart.Combine([
                CSharpChart.Line<int, double, string>(epochs, history.Select(e => e.Loss).ToArray(), Name: "training loss", ShowMarkers: true),
                CSharpChart.Line<int, double, string>(epochs, history.Select(e => e.ValidationLoss ?? double.NaN).ToArray(), Name: "validation loss", ShowMarkers: true),
                accuracy,
            ])
            .WithXAxisStyle<int, int, string>(TitleText: "epoch")
            .WithYAxisStyle<double, double, string>(TitleText: "loss (cross-entropy per token)")
            .WithYAxisStyle<double, double, string>(TitleText: "validation token accuracy (share correct)", MinMax: new Tuple<double, double>(0, 1),
                Side: StyleParam.Side.Right, Overlaying: StyleParam.LinearAxisId.NewY(1), ShowGrid: false, Id: StyleParam.SubPlotId.NewYAxis(2));
        // The right axis takes the space where Plotly puts the legend: one row above the plot instead.
        var legend = new DynamicObj.DynamicObj();
        foreach (var (key, value) in new (string, object)[] { ("orientation", "h"), ("x", 0.0), ("xanchor", "left"), ("y", 1.02), ("yanchor", "bottom") })
            legend.SetProperty(key, value);
        GenericChart.getLayout(chart).SetProperty("legend", legend);
        return chart;
    }

    /// <summary>Attention weights as a heatmap: output steps (rows, first on top) by input touchpoints (columns, oldest left).</summary>
    public static GenericChart AttentionHeatmap(AttentionMatrix matrix)
    {
        if (matrix.Weights.Length == 0)
            throw new ArgumentException("This prediction has no attention weights: train the model with AttentionKind.Luong.", nameof(matrix));
        // Plotly needs distinct category labels: number the positions.
        var x = matrix.InputTokens.Select((t, i) => $"{i + 1}. {t}").ToArray();
        var y = matrix.OutputTokens.Select((t, i) => $"{i + 1}. {t}").ToArray();
        var z = matrix.Weights.Select(r => r.Select(v => (double)v).ToArray()).ToArray();
        return CSharpChart.Heatmap<double, string, string, string>(zData: z, X: x, Y: y, ReverseYAxis: true)
            .WithColorBarTitle("attention weight (row sums to 1)")
            .WithXAxisStyle<string, string, string>(TitleText: "input touchpoint (oldest left)")
            .WithYAxisStyle<string, string, string>(TitleText: "predicted step");
    }
}
