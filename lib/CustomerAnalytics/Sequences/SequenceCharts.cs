using CustomerAnalytics.Training;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace CustomerAnalytics.Sequences;

/// <summary>Charts for sequence workshops; publish them with <c>Charts.Publish(chart.WithTitle(...), name)</c>.</summary>
public static class SequenceCharts
{
    /// <summary>How many journeys have each input length.</summary>
    public static GenericChart InputLengths(JourneySummary summary) =>
        CSharpChart.Column<int, int, string>(summary.InputLengths.Select(l => l.Count).ToArray(), Keys: summary.InputLengths.Select(l => l.Length).ToArray());

    /// <summary>The most common paths, as horizontal bars, most common on top.</summary>
    public static GenericChart TopPaths(JourneySummary summary) =>
        CSharpChart.Bar<int, string, string>(summary.TopPaths.Select(p => p.Count).Reverse().ToArray(), Keys: summary.TopPaths.Select(p => p.Path).Reverse().ToArray());

    /// <summary>Training loss and validation loss per epoch (the live progress shows the same while training).</summary>
    public static GenericChart TrainingCurves(IReadOnlyList<EpochRecord> history) =>
        CSharpChart.Combine([
            CSharpChart.Line<int, double, string>(history.Select(e => e.Epoch).ToArray(), history.Select(e => e.Loss).ToArray(), Name: "training loss"),
            CSharpChart.Line<int, double, string>(history.Select(e => e.Epoch).ToArray(), history.Select(e => e.ValidationLoss ?? double.NaN).ToArray(), Name: "validation loss"),
            CSharpChart.Line<int, double, string>(history.Select(e => e.Epoch).ToArray(), history.Select(e => e.Metric ?? double.NaN).ToArray(), Name: "validation token accuracy"),
        ]);

    /// <summary>Attention weights as a heatmap: output steps (rows, first on top) by input touchpoints (columns, oldest left).</summary>
    public static GenericChart AttentionHeatmap(AttentionMatrix matrix)
    {
        if (matrix.Weights.Length == 0)
            throw new ArgumentException("This prediction has no attention weights: train the model with AttentionKind.Luong.", nameof(matrix));
        // Plotly needs distinct category labels: number the positions.
        var x = matrix.InputTokens.Select((t, i) => $"{i + 1}. {t}").ToArray();
        var y = matrix.OutputTokens.Select((t, i) => $"{i + 1}. {t}").ToArray();
        var z = matrix.Weights.Select(r => r.Select(v => (double)v).ToArray()).ToArray();
        return CSharpChart.Heatmap<double, string, string, string>(zData: z, X: x, Y: y, ReverseYAxis: true);
    }
}
