namespace CustomerAnalytics.SampleData;

/// <summary>How much data <see cref="SampleDataWriter.WriteAll"/> writes.</summary>
public enum SampleSize
{
    /// <summary>The small sample committed under data/ (a few MB in all).</summary>
    Sample,
    /// <summary>Benchmark sizes (about a million Olist orders and Online Retail lines, the real propensity
    /// file's 455,401 sessions, ...) written to data/large/, which git ignores.</summary>
    Large,
}
