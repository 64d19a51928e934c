using CustomerAnalytics.Charts;
using CustomerAnalytics.Evaluation;
using System.Globalization;
using Microsoft.ML.Data;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;
using Plotly.NET.CSharp;
using CustomerAnalytics.Propensity.Data;
using CustomerAnalytics.Propensity.Evaluation;

namespace CustomerAnalytics.Propensity.Charts;

/// <summary>The charts of workshop 03, one method a chart; pass the result to <c>Charts.Publish</c>.</summary>
public static class PropensityCharts
{
    /// <summary>Sessions that ordered and did not, as two bars.</summary>
    public static GenericChart ClassBalance(ClassBalance balance) =>
        CSharpChart.Column<int, string, string>([balance.NonOrders, balance.Orders], Keys: new[] { "did not order (0)", "ordered (1)" },
                MultiText: new[] { balance.NonOrders.ToString("N0", CultureInfo.InvariantCulture), balance.Orders.ToString("N0", CultureInfo.InvariantCulture) })
            .WithXAxisStyle<string, string, string>(TitleText: "outcome of the session")
            .WithYAxisStyle<int, int, string>(TitleText: "sessions");

    /// <summary>Each feature's rate among orders and non-orders, side by side.</summary>
    public static GenericChart FeatureRatesByOutcome(FeatureRates rates)
    {
        var names = rates.Rates.Select(r => r.Feature).ToArray();
        return CSharpChart.Combine(
        [
            CSharpChart.Column<double, string, string>(rates.Rates.Select(r => r.RateOrdered), Keys: names, Name: "ordered"),
            CSharpChart.Column<double, string, string>(rates.Rates.Select(r => r.RateNotOrdered), Keys: names, Name: "did not order"),
        ])
        .WithXAxisStyle<string, string, string>(TitleText: "feature")
        .WithYAxisStyle<double, double, string>(TitleText: "share of sessions with the flag");
    }

    /// <summary>Correlations between all features and the label, red positive, blue negative, annotated.</summary>
    public static GenericChart CorrelationHeatmap(CorrelationMatrix matrix)
    {
        var chart = CSharpChart.Heatmap<double, string, string, string>(matrix.Values.Select(r => r.AsEnumerable()),
            X: matrix.Names.ToArray(), Y: matrix.Names.ToArray(), ColorScale: StyleParam.Colorscale.RdBu, ReverseScale: true, ReverseYAxis: true);
        return WithRange(chart, -1, 1).WithColorBarTitle("correlation (-1 to 1)")
            .WithXAxisStyle<string, string, string>(TitleText: "feature")
            .WithYAxisStyle<string, string, string>(TitleText: "feature");
    }

    /// <summary>Each feature's correlation with <c>ordered</c>, strongest first.</summary>
    public static GenericChart CorrelationWithLabel(FeatureRates rates)
    {
        var sorted = rates.Rates.OrderBy(r => r.CorrelationWithOrdered).ToArray();
        return CSharpChart.Bar<double, string, string>(sorted.Select(r => r.CorrelationWithOrdered), Keys: sorted.Select(r => r.Feature).ToArray())
            .WithXAxisStyle<double, double, string>(TitleText: "correlation with ordered (-1 to 1)")
            .WithYAxisStyle<string, string, string>(TitleText: "feature");
    }

    /// <summary>ROC curves of several models on the same sessions, with the diagonal of a random model.</summary>
    public static GenericChart Roc(IEnumerable<ModelScores> models) => CSharpChart.Combine(
            models.Select(e => CSharpChart.Line<double, double, string>(e.Roc.FalsePositiveRate, e.Roc.TruePositiveRate, Name: e.Model))
            .Append(Diagonal("random")))
        .WithXAxisStyle<double, double, string>(TitleText: "false positive rate")
        .WithYAxisStyle<double, double, string>(TitleText: "true positive rate (orders found)");

    /// <summary>Precision-recall curves, with the order rate a random ranking would give.</summary>
    public static GenericChart PrecisionRecall(IEnumerable<ModelScores> models)
    {
        var list = models.ToArray();
        var rate = list[0].PrecisionRecall.OrderRate;
        return CSharpChart.Combine(
                list.Select(e => CSharpChart.Line<double, double, string>(e.PrecisionRecall.Recall, e.PrecisionRecall.Precision, Name: e.Model))
                .Append(CSharpChart.Line<double, double, string>([0.0, 1.0], [rate, rate], Name: "random", LineDash: StyleParam.DrawingStyle.Dash)))
            .WithXAxisStyle<double, double, string>(TitleText: "recall (share of orders found)")
            .WithYAxisStyle<double, double, string>(TitleText: "precision (share of contacts that order)");
    }

    /// <summary>Reliability plot: mean predicted probability against observed order rate per bin.</summary>
    public static GenericChart Calibration(CalibrationCurve curve, string model)
    {
        double max = Math.Max(curve.Bins.Max(b => b.MeanPredicted), curve.Bins.Max(b => b.ObservedRate));
        return CSharpChart.Combine(
            [
                CSharpChart.Line<double, double, string>(curve.Bins.Select(b => b.MeanPredicted), curve.Bins.Select(b => b.ObservedRate),
                    Name: model, ShowMarkers: true, MultiText: curve.Bins.Select(b => $"{b.Orders}/{b.Sessions}").ToArray()),
                CSharpChart.Line<double, double, string>([0.0, max], [0.0, max], Name: "perfectly calibrated", LineDash: StyleParam.DrawingStyle.Dash),
            ])
            .WithXAxisStyle<double, double, string>(TitleText: "mean predicted probability")
            .WithYAxisStyle<double, double, string>(TitleText: "observed order rate");
    }

    /// <summary>ML.NET's confusion matrix as a heatmap with the count in every cell: rows what happened (did not
    /// order, ordered), columns what the model said.</summary>
    public static GenericChart ConfusionHeatmap(BinaryClassificationMetrics metrics)
    {
        var counts = BinaryMetrics.Of(metrics);
        int[][] grid = [[counts.TrueNegatives, counts.FalsePositives], [counts.FalseNegatives, counts.TruePositives]];
        string[] predicted = ["predicted: no order", "predicted: order"], actual = ["actual: did not order", "actual: ordered"];
        var chart = CSharpChart.Heatmap<int, string, string, string>(grid.Select(r => r.AsEnumerable()), X: predicted, Y: actual,
            ReverseYAxis: true);
        foreach (var trace in GenericChart.getTraces(chart))
        {
            // Plotly.NET.CSharp takes heatmap text as a flat list; plotly.js wants it in the grid's shape.
            trace.SetProperty("text", grid.Select(r => r.Select(v => v.ToString("N0", CultureInfo.InvariantCulture)).ToArray()).ToArray());
            trace.SetProperty("texttemplate", "%{text}");
            trace.SetProperty("colorscale", "Blues");
            trace.SetProperty("reversescale", true); // plotly's Blues runs dark to light: make the big counts dark
            trace.SetProperty("textfont", new Dictionary<string, object> { ["size"] = 22 });
        }
        return chart.WithColorBarTitle("sessions")
            .WithXAxisStyle<string, string, string>(TitleText: "what the model said")
            .WithYAxisStyle<string, string, string>(TitleText: "what happened");
    }

    /// <summary>Profit against the share of sessions contacted, with the best threshold marked.</summary>
    public static GenericChart Profit(ProfitCurve curve)
    {
        int n = curve.ContactEveryone.Contacted;
        var x = curve.Curve.Select(p => (double)p.Contacted / n).ToArray();
        return CSharpChart.Combine(
            [
                CSharpChart.Line<double, double, string>(x, curve.Curve.Select(p => p.Profit), Name: "profit",
                    MultiText: curve.Curve.Select(p => "threshold " + p.Threshold.ToString("F4", CultureInfo.InvariantCulture)).ToArray()),
                CSharpChart.Point<double, double, string>([(double)curve.Best.Contacted / n], [curve.Best.Profit],
                    Name: "best: threshold " + curve.Best.Threshold.ToString("F3", CultureInfo.InvariantCulture)),
            ])
            .WithXAxisStyle<double, double, string>(TitleText: "share of sessions contacted (highest probability first)")
            .WithYAxisStyle<double, double, string>(TitleText: "profit");
    }

    /// <summary>Cumulative gains: share of orders found against share of sessions contacted, with the random line.</summary>
    public static GenericChart Gains(GainsTable gains, string model) => CSharpChart.Combine(
            [
                CSharpChart.Line<double, double, string>(gains.Rows.Select(r => r.CumulativeShareContacted).Prepend(0), gains.Rows.Select(r => r.CumulativeGain).Prepend(0),
                    Name: model, ShowMarkers: true),
                Diagonal("random"),
            ])
        .WithXAxisStyle<double, double, string>(TitleText: "share of sessions contacted")
        .WithYAxisStyle<double, double, string>(TitleText: "share of all orders found");

    /// <summary>Lift of each group (decile) over random.</summary>
    public static GenericChart Lift(GainsTable gains) =>
        CSharpChart.Column<double, string, string>(gains.Rows.Select(r => r.Lift), Keys: gains.Rows.Select(r => r.Group.ToString(CultureInfo.InvariantCulture)).ToArray(),
                MultiText: gains.Rows.Select(r => r.Lift.ToString("F1", CultureInfo.InvariantCulture)).ToArray())
            .WithXAxisStyle<string, string, string>(TitleText: "group (1 = highest probabilities)")
            .WithYAxisStyle<double, double, string>(TitleText: "lift over random");

    /// <summary>Permutation importance as horizontal bars, most important at the top.</summary>
    public static GenericChart FeatureImportance(FeatureImportanceTable importance)
    {
        var sorted = importance.Features.Reverse().ToArray();
        return CSharpChart.Bar<double, string, string>(sorted.Select(f => f.AucDrop), Keys: sorted.Select(f => f.Feature).ToArray())
            .WithXAxisStyle<double, double, string>(TitleText: "AUC lost when the feature is shuffled")
            .WithYAxisStyle<string, string, string>(TitleText: "feature");
    }

    /// <summary>PSI of every feature, violations in red, with the threshold as a dashed line.</summary>
    public static GenericChart Drift(DriftReport report)
    {
        var names = report.Features.Select(f => f.Feature).ToArray();
        var colors = report.Features.Select(f => f.Violation ? Color.fromString("crimson") : Color.fromString("steelblue"));
        return CSharpChart.Combine(
            [
                CSharpChart.Column<double, string, string>(report.Features.Select(f => f.Psi), Keys: names, Name: "PSI",
                    MarkerColor: Color.fromColors(colors)),
                CSharpChart.Line<string, double, string>([names[0], names[^1]], [report.Thresholds.Psi, report.Thresholds.Psi],
                    Name: "threshold", LineDash: StyleParam.DrawingStyle.Dash),
            ])
            .WithXAxisStyle<string, string, string>(TitleText: "feature")
            .WithYAxisStyle<double, double, string>(TitleText: "population stability index (PSI)");
    }

    /// <summary>Histogram of scores in the baseline and in a batch (shares of sessions).</summary>
    public static GenericChart ScoreDistributions(IReadOnlyList<double> baseline, IReadOnlyList<double> batch, string batchName) =>
        CSharpChart.Combine(
            [
                CSharpChart.Histogram<double, double, string>(X: baseline.ToArray(), Name: "baseline", HistNorm: StyleParam.HistNorm.Probability, Opacity: 0.6),
                CSharpChart.Histogram<double, double, string>(X: batch.ToArray(), Name: batchName, HistNorm: StyleParam.HistNorm.Probability, Opacity: 0.6),
            ])
        .WithXAxisStyle<double, double, string>(TitleText: "predicted probability")
        .WithYAxisStyle<double, double, string>(TitleText: "share of sessions");

    private static GenericChart Diagonal(string name) =>
        CSharpChart.Line<double, double, string>([0.0, 1.0], [0.0, 1.0], Name: name, LineDash: StyleParam.DrawingStyle.Dash);

    private static GenericChart WithRange(GenericChart chart, double min, double max)
    {
        foreach (var trace in GenericChart.getTraces(chart))
        {
            trace.SetProperty("zmin", min);
            trace.SetProperty("zmax", max);
        }
        return chart;
    }
}
