namespace CustomerAnalytics.Benchmarks;

/// <summary>One timed scenario. Implementations are found by reflection; add a file, nothing else.</summary>
public interface IBenchmark
{
    /// <summary>Short name used on the command line, e.g. "rfm-1m".</summary>
    string Name { get; }

    /// <summary>What is measured and the target, one line.</summary>
    string Description { get; }

    /// <summary>Untimed preparation (generating data, warming up); returns state for <see cref="Run"/>.</summary>
    object? Setup(string workFolder);

    /// <summary>The timed part. Returns a short summary of what it did (rows, accuracy...) printed with the timing.</summary>
    string Run(object? state);
}
