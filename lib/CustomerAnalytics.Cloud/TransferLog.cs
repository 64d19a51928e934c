using System.Globalization;

namespace CustomerAnalytics.Cloud;

/// <summary>
/// A progress sink that prints one line per finished transfer (direction, s3:// URI, size in bytes) and keeps them,
/// so a notebook shows exactly which objects it read and wrote. Thread-safe (multipart parts report in parallel).
/// </summary>
public sealed class TransferLog(TextWriter? writer = null) : IProgress<TransferProgress>
{
    private readonly List<TransferProgress> _done = [];

    /// <summary>The finished transfers, in the order they finished.</summary>
    public IReadOnlyList<TransferProgress> Transfers { get { lock (_done) return _done.ToArray(); } }

    /// <inheritdoc/>
    public void Report(TransferProgress value)
    {
        if (!value.IsComplete) return;
        lock (_done)
        {
            _done.Add(value);
            (writer ?? Console.Out).WriteLine(Line(value));
        }
    }

    /// <summary>For example "uploaded s3://b/k (12,345 bytes)".</summary>
    public static string Line(TransferProgress transfer) => string.Create(CultureInfo.InvariantCulture,
        $"{(transfer.Direction == TransferDirection.Upload ? "uploaded" : "downloaded")} {transfer.Uri} ({transfer.TotalBytes:N0} bytes)");

    /// <inheritdoc/>
    public override string ToString() => string.Join(Environment.NewLine, Transfers.Select(Line));
}
