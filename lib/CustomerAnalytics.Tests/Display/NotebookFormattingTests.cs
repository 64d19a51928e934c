using System.Reflection;
using CustomerAnalytics.Display;

namespace CustomerAnalytics.Tests.Display;

public class NotebookFormattingTests
{
    // .NET Interactive only looks for TypeFormatterSourceAttribute on the class hierarchy, not on interfaces.
    [Fact]
    public void EveryHtmlRenderableTypeCarriesTheFormatterAttribute()
    {
        var missing = typeof(IHtmlRenderable).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IHtmlRenderable).IsAssignableFrom(t))
            .Where(t => !t.GetCustomAttributes(inherit: true).Any(a => a.GetType().Name == "TypeFormatterSourceAttribute"))
            .Select(t => t.FullName)
            .ToArray();
        Assert.True(missing.Length == 0, "Add [TypeFormatterSource(typeof(NotebookFormatters))] to: " + string.Join(", ", missing));
    }

    [Fact]
    public void FormatterSourceRendersHtmlOnlyForRenderables()
    {
        // Call the convention exactly as the kernel does: by reflection.
        var attribute = typeof(CustomerAnalytics.Setup.SetupReport).GetCustomAttributes(true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        var formatters = ((IEnumerable<object>)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(Activator.CreateInstance(sourceType), null)!).ToArray();
        var html = formatters.Single(f => (string)f.GetType().GetProperty("MimeType")!.GetValue(f)! == "text/html");
        var format = html.GetType().GetMethod("Format", BindingFlags.Public | BindingFlags.Instance)!;

        var report = new CustomerAnalytics.Setup.SetupReport([new("DuckDB", CustomerAnalytics.Setup.CheckStatus.Ok, "v1.5 <in-process>")]);
        var writer = new StringWriter();
        Assert.True((bool)format.Invoke(html, [report, writer])!);
        Assert.Contains("<td>v1.5 &lt;in-process&gt;</td>", writer.ToString());
        Assert.False((bool)format.Invoke(html, ["plain string", new StringWriter()])!);
    }

    [Fact]
    public void TablesEncodeCellsAndFormatNumbersInvariantly()
    {
        var html = Html.Table(["a", "b"], [[1.23456789, "<x>"], [new DateTime(2018, 1, 2, 3, 4, 5), null]], "cap & co");
        Assert.Equal("<table><caption>cap &amp; co</caption><thead><tr><th>a</th><th>b</th></tr></thead><tbody>" +
                     "<tr><td>1.23457</td><td>&lt;x&gt;</td></tr><tr><td>2018-01-02 03:04:05</td><td></td></tr></tbody></table>", html);
    }
}
