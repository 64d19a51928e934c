namespace CustomerAnalytics.Training;

/// <summary>
/// Writes one line per epoch, then the line that ends the run and the epoch table, as text: for the headless runner,
/// file-based apps and CI logs. Nothing else is written.
/// </summary>
/// <param name="writer">Where to write; by default the console's standard output at the time of each write.</param>
public sealed class ConsoleProgressSink(TextWriter? writer = null) : IProgressSink
{
    private TextWriter Writer => writer ?? Console.Out;

    /// <inheritdoc />
    public void Update(TrainingProgress progress)
    {
        if (progress.Latest is { } e) { Writer.WriteLine(ProgressText.EpochLine(progress, e)); Writer.Flush(); }
    }

    /// <inheritdoc />
    public void Finish(TrainingProgress progress)
    {
        Writer.WriteLine(ProgressText.EndLine(progress));
        if (progress.History.Count > 0) Writer.Write(ProgressText.Table(progress));
        Writer.Flush();
    }
}
