using System.Net;

namespace CustomerAnalytics.Display;

// .NET Interactive finds formatters by convention: any attribute named TypeFormatterSourceAttribute
// with a FormatterSourceType property, whose source has CreateTypeFormatters() returning objects
// with MimeType and Format(object, TextWriter). Declaring our own copy keeps the library free of
// any kernel dependency, so the same code serves notebooks, file-based apps and tests.

/// <summary>Marks a type whose notebook formatters come from <see cref="FormatterSourceType"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Interface | AttributeTargets.Struct, Inherited = true)]
internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    public Type FormatterSourceType { get; } = formatterSourceType;
    public string[] PreferredMimeTypes { get; set; } = ["text/html"];
}

/// <summary>Supplies the notebook formatters for <see cref="IHtmlRenderable"/> values.</summary>
internal sealed class NotebookFormatters
{
    public IEnumerable<object> CreateTypeFormatters() => [new HtmlFormatter(), new PlainTextFormatter()];

    private sealed class HtmlFormatter
    {
        public string MimeType => "text/html";
        public bool Format(object instance, TextWriter writer)
        {
            if (instance is not IHtmlRenderable renderable) return false;
            writer.Write(renderable.ToHtml());
            return true;
        }
    }

    private sealed class PlainTextFormatter
    {
        public string MimeType => "text/plain";
        public bool Format(object instance, TextWriter writer)
        {
            if (instance is not IHtmlRenderable) return false;
            writer.Write(instance.ToString());
            return true;
        }
    }
}

/// <summary>Small helpers for building HTML tables from result records.</summary>
public static class Html
{
    /// <summary>HTML-encodes text for safe inclusion in a fragment.</summary>
    public static string Encode(object? value) => WebUtility.HtmlEncode(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "");

    /// <summary>A simple table with a header row; cells are encoded.</summary>
    public static string Table(IEnumerable<string> headers, IEnumerable<IEnumerable<object?>> rows, string? caption = null)
    {
        var sb = new System.Text.StringBuilder("<table>");
        if (caption is not null) sb.Append("<caption>").Append(Encode(caption)).Append("</caption>");
        sb.Append("<thead><tr>");
        foreach (var h in headers) sb.Append("<th>").Append(Encode(h)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            sb.Append("<tr>");
            foreach (var cell in row) sb.Append("<td>").Append(Encode(FormatCell(cell))).Append("</td>");
            sb.Append("</tr>");
        }
        return sb.Append("</tbody></table>").ToString();
    }

    /// <summary>The first <paramref name="maxRows"/> rows of a DataFrame as an HTML table, with a note when rows are left out.</summary>
    public static string FromDataFrame(Microsoft.Data.Analysis.DataFrame frame, long maxRows = 10)
    {
        var shown = Math.Min(maxRows, frame.Rows.Count);
        var rows = Enumerable.Range(0, (int)shown).Select(i => frame.Columns.Select(c => c[i]));
        var caption = shown < frame.Rows.Count ? $"first {shown:N0} of {frame.Rows.Count:N0} rows" : null;
        return Table(frame.Columns.Select(c => c.Name), rows, caption);
    }

    private static object? FormatCell(object? cell) => cell switch
    {
        double d => d.ToString("G6", System.Globalization.CultureInfo.InvariantCulture),
        float f => f.ToString("G6", System.Globalization.CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        _ => cell,
    };
}
