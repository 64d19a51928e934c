using CustomerAnalytics.Evaluation;
using CustomerAnalytics.Torch;
using CustomerAnalytics.Churn.Data;
using CustomerAnalytics.Churn.Training;

namespace CustomerAnalytics.Churn.Evaluation;

/// <summary>
/// Workshop 05's churn models compared with their uncertainty, on the test users: accuracy with a Wilson interval
/// (a share of users), F1 of "churned" with a bootstrap over the users (keyed by user id, so the file's order does not
/// matter). A reference known exactly (the type oracle of the sample's generator) joins as an exact candidate.
/// </summary>
public static class ChurnVerdicts
{
    /// <summary>What no learning gives: the most frequent class of the training users, predicted for every test user.</summary>
    public static Predictions Majority(DataSplit<SequenceDataset> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var counts = data.Train.ClassCounts();
        int top = Array.IndexOf(counts, counts.Max());
        var oneHot = Enumerable.Range(0, data.Test.Classes).Select(c => c == top ? 1f : 0f).ToArray();
        return new Predictions(data.Test.Labels, Enumerable.Repeat(top, data.Test.Count).ToArray(),
            Enumerable.Repeat(oneHot, data.Test.Count).ToArray(), data.Test.ClassNames);
    }

    /// <summary>Test accuracy of each model with its Wilson interval, and any exact <paramref name="references"/>.</summary>
    public static Verdict Accuracy(SequenceDataset test, IReadOnlyList<(string Name, Predictions Predictions)> models,
        IReadOnlyList<Candidate>? references = null, double level = 0.95)
    {
        Check(test, models);
        var candidates = models.Select(m => new Candidate(m.Name,
            Interval.Wilson(Enumerable.Range(0, test.Count).Count(i => m.Predictions.Predicted[i] == test.Labels[i]), test.Count, level)));
        return Verdict.Compare("churn test accuracy", [.. candidates, .. references ?? []]);
    }

    /// <summary>Test F1 of "churned" of each model with a bootstrap interval over the test users.</summary>
    public static Verdict F1(SequenceDataset test, IReadOnlyList<(string Name, Predictions Predictions)> models, BootstrapOptions? options = null)
    {
        Check(test, models);
        var users = Enumerable.Range(0, test.Count).ToArray();
        var candidates = models.Select(m => new Candidate(m.Name, Bootstrap.Interval(users, i => test.UserIds[i], draw =>
            ClassificationReport.Compute(draw.Select(i => test.Labels[i]).ToArray(), draw.Select(i => m.Predictions.Predicted[i]).ToArray(), test.ClassNames).F1,
            options)));
        return Verdict.Compare("churn test F1 (churned)", candidates.ToArray());
    }

    private static void Check(SequenceDataset test, IReadOnlyList<(string Name, Predictions Predictions)> models)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(models);
        if (test.Count == 0) throw new ArgumentException("There are no test users to compare the models on.", nameof(test));
        foreach (var (name, predictions) in models)
            if (!predictions.Truth.SequenceEqual(test.Labels))
                throw new ArgumentException($"{name}'s predictions are not of these test users (their labels differ): predict churn.Test with each model.", nameof(models));
    }
}
