namespace CustomerAnalytics.Training;

/// <summary>Where training progress is shown: a console, a notebook output, a test.</summary>
public interface IProgressSink
{
    /// <summary>Called after every epoch with the whole run so far.</summary>
    void Update(TrainingProgress progress);
}
