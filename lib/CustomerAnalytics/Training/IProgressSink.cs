namespace CustomerAnalytics.Training;

/// <summary>Where training progress is shown: a console, a notebook output, a test.</summary>
public interface IProgressSink
{
    /// <summary>Called after every epoch with the whole run so far.</summary>
    void Update(TrainingProgress progress);

    /// <summary>Called once when training ends (<see cref="TrainingProgress.Finish"/>), with every epoch run.</summary>
    void Finish(TrainingProgress progress) { }
}
