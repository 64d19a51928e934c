using System.Globalization;
using CustomerAnalytics.Evaluation;
using CustomerAnalytics.Churn.Data;

namespace CustomerAnalytics.Churn.Evaluation;

/// <summary>
/// The generator's truth about the sample (data/truth/ga4_user_types.csv): each user's hidden type and churn/bounce
/// labels, and the best next-event accuracy any model could reach on the sample's sessions
/// (data/truth/ga4_best_accuracy.csv). Used to check the labelling and to put the models' accuracy next to what is achievable.
/// </summary>
/// <param name="Users">Each user's truth, by user_pseudo_id.</param>
/// <param name="BestNextEventAccuracy">The Bayes-optimal predictor's next-event accuracy over all the sample's sessions
/// (a test set of randomly chosen users lands within about 0.01 of it).</param>
public sealed record Ga4Truth(IReadOnlyDictionary<string, Ga4UserTruth> Users, double BestNextEventAccuracy)
{
    /// <summary>Reads ga4_user_types.csv (user_pseudo_id,user_type,sessions,churned,bounced) and, from the same
    /// folder, ga4_best_accuracy.csv (metric,value).</summary>
    public static Ga4Truth Load(string path)
    {
        var users = TruthFiles.Read(path, "user_pseudo_id", "user_type", "sessions", "churned", "bounced").ToDictionary(r => r.Key,
            r => new Ga4UserTruth(r.Key, r.Value[1], int.Parse(r.Value[2], CultureInfo.InvariantCulture), r.Value[3] == "1", r.Value[4] == "1"));
        var best = TruthFiles.Read(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "ga4_best_accuracy.csv"), "metric", "value");
        if (!best.TryGetValue("sample_best_next_event_accuracy", out var row))
            throw new TruthFileException($"{path}: ga4_best_accuracy.csv has no sample_best_next_event_accuracy row; regenerate the sample data.");
        return new Ga4Truth(users, double.Parse(row[1], CultureInfo.InvariantCulture));
    }

    /// <summary>How many users' churn and bounce labels agree with the truth file, out of the labelled (not censored)
    /// users in both.</summary>
    public (int Agree, int Compared) Agreement(ChurnLabels labels)
    {
        int agree = 0, compared = 0;
        foreach (var u in labels.Users.Where(u => !u.Censored))
            if (Users.TryGetValue(u.UserId, out var t)) { compared++; if (t.Churned == u.Churned && t.Bounced == u.Bounced) agree++; }
        return (agree, compared);
    }

    /// <summary>
    /// Churn accuracy on <paramref name="test"/> of an oracle that knows each user's hidden type and answers the
    /// type's majority label in <paramref name="train"/>: a reference, not a hard ceiling (timing within the first day
    /// tells a model more than the type alone).
    /// </summary>
    public double TypeOracleChurnAccuracy(SequenceDataset train, SequenceDataset test)
    {
        var majority = Enumerable.Range(0, train.Count).Where(i => Users.ContainsKey(train.UserIds[i]))
            .GroupBy(i => Users[train.UserIds[i]].UserType)
            .ToDictionary(g => g.Key, g => g.Count(i => train.Labels[i] == 1) * 2 > g.Count() ? 1 : 0);
        var known = Enumerable.Range(0, test.Count).Where(i => Users.ContainsKey(test.UserIds[i])).ToArray();
        if (known.Length == 0) return double.NaN;
        return known.Count(i => majority.GetValueOrDefault(Users[test.UserIds[i]].UserType) == test.Labels[i]) / (double)known.Length;
    }

    /// <summary>Accuracy of always answering the most frequent class of <paramref name="train"/>.</summary>
    public static double MajorityBaseline(SequenceDataset train, SequenceDataset test)
    {
        var counts = train.ClassCounts();
        int top = Array.IndexOf(counts, counts.Max());
        return test.Count == 0 ? 0 : test.Labels.Count(y => y == top) / (double)test.Count;
    }
}
