using System.Reflection;

namespace CustomerAnalytics.Charts;

/// <summary>
/// The plotly.js bundle that ships inside Plotly.NET.dll as an embedded resource
/// ("Plotly.NET.plotly-&lt;version&gt;.min.js", about 3.6 MB). Reading it from there keeps every
/// chart working offline with exactly the plotly.js version Plotly.NET was built against.
/// </summary>
public static class PlotlyJs
{
    private const string ResourcePrefix = "Plotly.NET.plotly-";
    private const string ResourceSuffix = ".min.js";

    private static readonly Lazy<(string Version, string Source)> Bundle = new(Load);

    /// <summary>
    /// Text inside every <see cref="ScriptElement"/>, so a page built from chart outputs (the runner's HTML
    /// reports) can find the inline copies and keep exactly one.
    /// </summary>
    public const string Marker = "embedded by CustomerAnalytics.Charts";

    /// <summary>plotly.js version, for example "2.28.0".</summary>
    public static string Version => Bundle.Value.Version;

    /// <summary>The minified plotly.js source.</summary>
    public static string Source => Bundle.Value.Source;

    /// <summary>
    /// A script element defining <c>window.Plotly</c>. The bundle is UMD: where require.js or a
    /// CommonJS shim is present (classic Jupyter, some VS Code renderers) it would register a
    /// module instead of the global, and later outputs would find no <c>Plotly</c>. Shadowing
    /// define/module/exports forces the global.
    /// </summary>
    public static string ScriptElement() =>
        $"<script type=\"text/javascript\">/* plotly.js {Version}, {Marker} */\n" +
        "(function (define, module, exports) {\n" + Source + "\n}).call(window);\n</script>";

    private static (string, string) Load()
    {
        var assembly = typeof(Plotly.NET.GenericChart).Assembly;
        var name = assembly.GetManifestResourceNames()
            .FirstOrDefault(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException(
                $"plotly.js is not embedded in {assembly.GetName().Name} {assembly.GetName().Version}; " +
                "the chart helpers expect the Plotly.NET version pinned in Directory.Packages.props.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        var version = name[ResourcePrefix.Length..^ResourceSuffix.Length];
        return (version, reader.ReadToEnd());
    }
}
