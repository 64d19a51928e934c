using CustomerAnalytics.Monitoring.Data;
using CustomerAnalytics.Monitoring.Evaluation;
using CustomerAnalytics.Propensity.Data;

namespace CustomerAnalytics.Serving;

/// <summary>
/// Model Monitor's baseline job: the statistics of the sessions the model was trained on (their 23 flags; the id and
/// the label are not features) and the constraints they suggest, written as statistics.json and constraints.json.
/// </summary>
public static class BaselineJob
{
    /// <summary>Reads the sessions file (the strict loader's rules), writes both files into <paramref name="outFolder"/>; returns what it wrote.</summary>
    public static (DatasetStatistics Statistics, BaselineConstraints Constraints) Write(string sessionsFile, string outFolder, MonitoringConfig? config = null)
    {
        var sessions = PropensityData.LoadForScoring(sessionsFile).Sessions;
        var statistics = DatasetStatistics.Of(sessions.Select(MonitoredRow.Of).ToArray());
        var constraints = BaselineConstraints.Suggest(statistics, config);
        Directory.CreateDirectory(outFolder);
        AtomicFile.WriteAllText(Path.Combine(outFolder, "statistics.json"), statistics.ToJson());
        AtomicFile.WriteAllText(Path.Combine(outFolder, "constraints.json"), constraints.ToJson());
        return (statistics, constraints);
    }
}
