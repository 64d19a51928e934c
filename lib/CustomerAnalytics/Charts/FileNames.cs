using System.Text;

namespace CustomerAnalytics.Charts;

/// <summary>Turns a chart name into a safe file name stem ("RFM heatmap / 2024" -> "RFM-heatmap-2024").</summary>
internal static class FileNames
{
    public static string Sanitize(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var sb = new StringBuilder(name.Length);
        foreach (var c in name.Trim())
        {
            var ok = char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
            if (ok) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var stem = sb.ToString().Trim('-', '.');
        if (stem.Length == 0)
            throw new ArgumentException($"The chart name '{name}' has no letters or digits to make a file name from; use something like \"rfm-heatmap\".", nameof(name));
        return stem.Length > 100 ? stem[..100] : stem;
    }
}
