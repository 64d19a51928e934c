using CustomerAnalytics.Display;

namespace CustomerAnalytics.SampleData;

/// <summary>Everything <see cref="SampleDataWriter.WriteAll"/> wrote.</summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record SampleDataResult(
    string Folder,
    OlistResult Olist,
    OnlineRetailResult OnlineRetail,
    PropensityResult Propensity,
    JourneyResult Journeys,
    Ga4Result Ga4) : IHtmlRenderable
{
    /// <summary>Every file written, public and truth.</summary>
    public IReadOnlyList<GeneratedFile> Files =>
        [.. Olist.Files, .. OnlineRetail.Files, .. Propensity.Files, .. Journeys.Files, .. Ga4.Files];

    /// <summary>Total size of all files in bytes.</summary>
    public long TotalBytes => Files.Sum(f => f.Bytes);

    /// <inheritdoc />
    public string ToHtml() => GeneratedFile.FilesTable(Files, $"Sample data in {Folder} ({TotalBytes / 1024.0 / 1024.0:F1} MB)");
}
