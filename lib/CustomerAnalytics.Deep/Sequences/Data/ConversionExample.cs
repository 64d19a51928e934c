using CustomerAnalytics.Torch;

namespace CustomerAnalytics.Sequences.Data;

/// <summary>One journey as a row for an ML.NET conversion classifier (see <see cref="ConversionFeatures"/>).</summary>
public sealed class ConversionExample
{
    /// <summary>The journey's id (customer id).</summary>
    public string Id { get; set; } = "";
    /// <summary>True when the journey's target contains the conversion token.</summary>
    public bool Label { get; set; }
    /// <summary>How often each touchpoint occurs in the input: slot 0 counts unknown touchpoints, slot i (i &gt; 0) counts
    /// <see cref="Vocabulary.DataTokens"/>[i - 1]; see <see cref="ConversionFeatures.SlotNames"/>.</summary>
    public float[] Counts { get; set; } = [];
    /// <summary>The input's last touchpoint, or &lt;unk&gt; when the vocabulary does not know it.</summary>
    public string LastTouchpoint { get; set; } = "";
    /// <summary>Number of input touchpoints.</summary>
    public float Length { get; set; }
}
