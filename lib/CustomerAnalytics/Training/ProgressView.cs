using System.Globalization;
using System.Text;
using CustomerAnalytics.Display;

namespace CustomerAnalytics.Training;

/// <summary>A training run as HTML, shown once when it ends: a status line, a small loss/metric chart and the epoch table.</summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed class ProgressView(TrainingProgress progress) : IHtmlRenderable
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private readonly EpochRecord[] epochs = [.. progress.History];

    /// <inheritdoc />
    public string ToHtml()
    {
        var last = epochs.LastOrDefault();
        var status = last is null
            ? $"{Html.Encode(progress.Title)}: starting"
            : progress.Finished ? Html.Encode(ProgressText.EndLine(progress))
            : string.Create(C, $"{Html.Encode(progress.Title)}: epoch {last.Epoch}/{progress.TotalEpochs}, loss {last.Loss:F4}, {last.Elapsed.TotalSeconds:F1}s");
        var sb = new StringBuilder("<div class=\"training-progress\"><b>").Append(status).Append("</b><br/>");
        sb.Append(Svg());
        sb.Append(Html.Table(
            ["epoch", "loss", "val loss", ProgressText.MetricLabel(progress), "elapsed (s)", "new best"],
            epochs.Select(e => new object?[] { e.Epoch, e.Loss, e.ValidationLoss, e.Metric, Math.Round(e.Elapsed.TotalSeconds, 1), e.IsBest ? "*" : "" })));
        return sb.Append("</div>").ToString();
    }

    /// <inheritdoc />
    public override string ToString() => progress.Latest is { } e ? ProgressText.EpochLine(progress, e) : $"{progress.Title}  starting";

    // Inline SVG needs no JavaScript, so it draws in every notebook front end, trusted or not.
    private string Svg()
    {
        if (epochs.Length < 2) return "";
        const int w = 360, h = 120, pad = 6;
        var sb = new StringBuilder($"<svg width=\"{w}\" height=\"{h}\" style=\"border:1px solid #ddd\">");
        Line(epochs.Select(e => (double?)e.Loss), "#1f77b4");
        Line(epochs.Select(e => e.ValidationLoss), "#ff7f0e");
        Line(epochs.Select(e => e.Metric), "#2ca02c");
        sb.Append("<text x=\"8\" y=\"14\" font-size=\"11\" fill=\"#1f77b4\">loss</text>")
          .Append("<text x=\"40\" y=\"14\" font-size=\"11\" fill=\"#ff7f0e\">val_loss</text>")
          .Append($"<text x=\"95\" y=\"14\" font-size=\"11\" fill=\"#2ca02c\">{Html.Encode(progress.MetricName)}</text>");
        return sb.Append("</svg>").ToString();

        // Each series is scaled to its own range: the shape matters here, the table holds the values.
        void Line(IEnumerable<double?> values, string colour)
        {
            var v = values.ToArray();
            var present = v.Where(x => x is { } d && double.IsFinite(d)).Select(x => x!.Value).ToArray();
            if (present.Length < 2) return;
            double min = present.Min(), max = present.Max(), span = max - min == 0 ? 1 : max - min;
            var points = v.Select((x, i) => (x, i)).Where(p => p.x is { } d && double.IsFinite(d)).Select(p =>
                string.Create(C, $"{pad + p.i * (w - 2 * pad) / (double)(v.Length - 1):F1},{h - pad - (p.x!.Value - min) / span * (h - 2 * pad - 14):F1}"));
            sb.Append($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{string.Join(' ', points)}\"/>");
        }
    }
}
