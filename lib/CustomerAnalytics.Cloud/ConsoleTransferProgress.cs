namespace CustomerAnalytics.Cloud;

/// <summary>
/// Prints transfer progress as plain lines (which notebooks show as cell output): one line when a transfer
/// passes each <see cref="StepPercent"/> step and one when it completes. Thread-safe: parts of a multipart
/// upload report from several threads.
/// </summary>
public sealed class ConsoleTransferProgress(TextWriter? writer = null, int stepPercent = 25) : IProgress<TransferProgress>
{
    private readonly Dictionary<string, int> _lastStep = [];

    /// <summary>Percent between printed lines.</summary>
    public int StepPercent { get; } = Math.Clamp(stepPercent, 1, 100);

    /// <inheritdoc/>
    public void Report(TransferProgress value)
    {
        int step = (int)(value.Fraction * 100) / StepPercent;
        var key = value.Direction + " " + value.Uri;
        lock (_lastStep)
        {
            if (_lastStep.TryGetValue(key, out var last) && step <= last) return;
            _lastStep[key] = step;
            if (value.IsComplete) _lastStep.Remove(key); // the same object may be transferred again later
            (writer ?? Console.Out).WriteLine(value);
        }
    }
}
