using CustomerAnalytics.Monitoring.Evaluation;
using CustomerAnalytics.Propensity.Data;

namespace CustomerAnalytics.Serving;

/// <summary>The quality a model has on labelled sessions (its test set), scored as the service scores: what a quality run compares with.</summary>
public static class QualityBaseline
{
    /// <summary>Scores <paramref name="labelledSessions"/> with the model file, writes the figures to <paramref name="outFile"/>.</summary>
    public static ModelQuality Write(string modelFile, string labelledSessions, double threshold, string outFile)
    {
        var model = ServedModel.Load(modelFile);
        var sessions = PropensityData.LoadForTraining(labelledSessions).Sessions;
        var probabilities = sessions.Select(s => model.Score(s.ToFeatureVector())).ToArray();
        var quality = ModelQuality.Of(probabilities, probabilities.Select(p => p >= threshold).ToArray(), sessions.Select(s => s.Ordered!.Value).ToArray());
        AtomicFile.WriteAllText(outFile, quality.ToJson());
        return quality;
    }
}
