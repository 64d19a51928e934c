using Microsoft.FSharp.Core;
using Plotly.NET;
using Dyn = DynamicObj.DynamicObj;

namespace CustomerAnalytics.Charts;

/// <summary>
/// The look shared by every workshop chart: size, fonts, colours, made to be read on a projector. It is applied
/// as a plotly template, so anything a chart sets explicitly (a marker colour, an axis title) still wins. On screen
/// a chart is as wide as the output area (plotly's responsive config); only its height is fixed.
/// Change one thing with <c>ChartStyle.Workshop with { Height = 700 }</c>.
/// </summary>
public sealed record ChartStyle
{
    /// <summary>The workshop default: full width, 540 px high, large fonts, white background, colour-blind-safe colours.</summary>
    public static ChartStyle Workshop { get; } = new();

    /// <summary>Width in pixels of the PNG export only; in a notebook and in HTML the chart fills the output area.</summary>
    public int Width { get; init; } = 1200;

    /// <summary>Height in pixels (notebook, HTML and PNG).</summary>
    public int Height { get; init; } = 540;

    /// <summary>CSS font list; ends in fonts every Linux chromium has, so PNGs look the same in CI.</summary>
    public string FontFamily { get; init; } = "\"Segoe UI\", \"Helvetica Neue\", Arial, \"Liberation Sans\", \"DejaVu Sans\", sans-serif";

    /// <summary>Font size of tick labels, legends and other text: readable from the back of a room.</summary>
    public int FontSize { get; init; } = 17;

    /// <summary>Font size of axis titles, colour-bar titles and subplot titles.</summary>
    public int AxisTitleSize { get; init; } = 20;

    /// <summary>Font size of the chart title.</summary>
    public int TitleSize { get; init; } = 24;

    /// <summary>Text colour.</summary>
    public string TextColor { get; init; } = "#2b2f36";

    /// <summary>Background of the whole figure and of the plot area.</summary>
    public string Background { get; init; } = "#ffffff";

    /// <summary>Grid line colour.</summary>
    public string GridColor { get; init; } = "#e3e6eb";

    /// <summary>Axis line and tick colour.</summary>
    public string AxisColor { get; init; } = "#9aa1ab";

    /// <summary>Trace colours in order: the Okabe-Ito palette, readable with common colour-vision deficiencies.</summary>
    public IReadOnlyList<string> Colorway { get; init; } =
        ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"];

    /// <summary>Heatmap colours from low to high (ColorBrewer Blues), spread evenly.</summary>
    public IReadOnlyList<string> SequentialColors { get; init; } =
        ["#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"];

    /// <summary>Colours for values around a midpoint (ColorBrewer RdBu, red low, blue high).</summary>
    public IReadOnlyList<string> DivergingColors { get; init; } =
        ["#b2182b", "#ef8a62", "#fddbc7", "#f7f7f7", "#d1e5f0", "#67a9cf", "#2166ac"];

    /// <summary>
    /// A styled copy of <paramref name="chart"/>: this style's template, its height, no fixed width (autosize) and
    /// plotly's <c>responsive</c> config, so it follows the width of the output area. The input is
    /// not changed (Plotly.NET's own style functions mutate the chart's layout in place).
    /// </summary>
    public GenericChart Apply(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var layout = new Layout();
        GenericChart.getLayout(chart).DeepCopyPropertiesTo(layout, FSharpOption<bool>.Some(true), FSharpOption<bool>.Some(false));
        var copy = GenericChart.setLayout(layout, chart);
        copy = Chart.withTemplate(ToTemplate()).Invoke(copy);
        var styledLayout = GenericChart.getLayout(copy);
        styledLayout.RemoveProperty("width");
        Set(styledLayout, ("autosize", true), ("height", Height));
        var config = new Config();
        GenericChart.getConfig(copy).DeepCopyPropertiesTo(config, FSharpOption<bool>.Some(true), FSharpOption<bool>.Some(false));
        config.SetProperty("responsive", true);
        return GenericChart.setConfig(config, copy);
    }

    /// <summary>This style as a plotly template (layout defaults plus heatmap colours).</summary>
    public Template ToTemplate()
    {
        var axis = Obj(
            ("gridcolor", GridColor), ("linecolor", AxisColor), ("zerolinecolor", AxisColor), ("showline", true),
            ("ticks", "outside"), ("tickcolor", AxisColor), ("automargin", true), ("tickfont", Obj(("size", FontSize))),
            ("title", Obj(("standoff", 12), ("font", Obj(("size", AxisTitleSize))))));
        var layout = new Layout();
        Set(layout,
            ("font", Obj(("family", FontFamily), ("size", FontSize), ("color", TextColor))),
            ("title", Obj(("font", Obj(("size", TitleSize))), ("x", 0.02), ("xanchor", "left"))),
            ("paper_bgcolor", Background),
            ("plot_bgcolor", Background),
            ("colorway", Colorway.ToArray()),
            ("colorscale", Obj(("sequential", Scale(SequentialColors)), ("diverging", Scale(DivergingColors)))),
            ("margin", Obj(("l", 80), ("r", 30), ("t", 80), ("b", 70))),
            ("xaxis", axis),
            ("yaxis", axis),
            ("scene", Obj(("xaxis", axis), ("yaxis", axis), ("zaxis", axis))),
            ("legend", Obj(("bgcolor", "rgba(255,255,255,0)"), ("font", Obj(("size", FontSize))))),
            ("annotationdefaults", Obj(("font", Obj(("size", AxisTitleSize))))),
            ("hoverlabel", Obj(("font", Obj(("family", FontFamily))))));

        // Heatmaps ignore layout.colorscale unless autocolorscale is on, so they get a trace template.
        var traces = new[] { "heatmap", "contour", "histogram2d" }.Select(type =>
        {
            var trace = new Trace(type);
            trace.SetProperty("colorscale", Scale(SequentialColors));
            trace.SetProperty("colorbar", Obj(("title", Obj(("side", "right"), ("font", Obj(("size", AxisTitleSize))))),
                ("tickfont", Obj(("size", FontSize)))));
            return trace;
        });
        return Plotly.NET.Template.init(layout, FSharpOption<IEnumerable<Trace>>.Some(traces.ToArray()));
    }

    // [[0, c0], ..., [1, cn]]: plotly's colorscale format.
    private static object[][] Scale(IReadOnlyList<string> colors) =>
        colors.Select((c, i) => new object[] { colors.Count == 1 ? 0.0 : (double)i / (colors.Count - 1), c }).ToArray();

    private static Dyn Obj(params (string Name, object Value)[] properties) => Set(new Dyn(), properties);

    private static T Set<T>(T target, params (string Name, object Value)[] properties) where T : Dyn
    {
        foreach (var (name, value) in properties) target.SetProperty(name, value);
        return target;
    }
}
