using CustomerAnalytics.Display;
namespace CustomerAnalytics.Data;

/// <summary>One customer's touchpoint journey: the touchpoints seen so far (model input) and the ones
/// that followed (the target sequence to predict).</summary>
/// <param name="CustomerId">Customer identifier.</param>
/// <param name="Input">Input touchpoints, in order.</param>
/// <param name="Target">Target touchpoints, in order.</param>
public sealed record JourneyRecord(string CustomerId, IReadOnlyList<string> Input, IReadOnlyList<string> Target)
{
    /// <summary>For example "c42: email web web -> purchase".</summary>
    public override string ToString() => $"{CustomerId}: {string.Join(' ', Input)} -> {string.Join(' ', Target)}";
}

/// <summary>Journeys read from a file, with the report of that file.</summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record JourneyLoadResult(IReadOnlyList<JourneyRecord> Records, LoadReport Report) : Display.IHtmlRenderable
{
    /// <inheritdoc/>
    public override string ToString() => Report.ToString();

    /// <inheritdoc/>
    public string ToHtml() => Report.ToHtml();
}
