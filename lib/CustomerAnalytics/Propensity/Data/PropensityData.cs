using CustomerAnalytics.Data;

namespace CustomerAnalytics.Propensity.Data;

/// <summary>
/// Loading and splitting the propensity sessions for modelling. Loading goes through
/// <see cref="DatasetLoader.LoadPropensity(string, LoadOptions?)"/> (header and 0/1 checks live there); this class
/// adds what a model needs on top: strict loads by default, a label at training time, and a stratified split.
/// </summary>
public static class PropensityData
{
    /// <summary>The label column of the sessions file.</summary>
    public const string LabelColumn = "ordered";

    /// <summary>
    /// Loads sessions for training or evaluation: every row must carry the label <c>ordered</c>. The default options are
    /// <see cref="LoadOptions.Strict"/>, since a model should not silently train on a file with damaged rows: the first
    /// non-binary value fails the load, naming its line and column.
    /// </summary>
    /// <exception cref="SchemaMismatchException">A feature column is missing, or the file has unexpected columns.</exception>
    /// <exception cref="DataValidationException">A value is not 0/1 (the message names the column and line).</exception>
    /// <exception cref="PropensityInputException">The label column <c>ordered</c> is absent or empty.</exception>
    public static PropensityLoadResult LoadForTraining(string path, LoadOptions? options = null)
    {
        var loaded = DatasetLoader.LoadPropensity(path, options ?? LoadOptions.Strict);
        RequireLabels(loaded.Sessions, path);
        return loaded;
    }

    /// <summary>Loads sessions to score: the label may be absent (it is ignored when present). Strict by default;
    /// extra or missing columns fail with <see cref="SchemaMismatchException"/> naming them.</summary>
    public static PropensityLoadResult LoadForScoring(string path, LoadOptions? options = null) =>
        DatasetLoader.LoadPropensity(path, options ?? LoadOptions.Strict);

    /// <summary>Throws when any session has no label, or when one class is missing (nothing to learn from).</summary>
    /// <exception cref="PropensityInputException">Labels absent, or all sessions in one class.</exception>
    public static void RequireLabels(IReadOnlyList<SessionRecord> sessions, string source = "the sessions")
    {
        if (sessions.Count == 0)
            throw new PropensityInputException($"{source} has no sessions to train on.");
        int unlabelled = sessions.Count(s => s.Ordered is null);
        if (unlabelled == sessions.Count)
            throw new PropensityInputException(
                $"{source} has no label column '{LabelColumn}': training needs it (1 = the session ended in an order, 0 = not)." +
                " Use the training file (training_sample.csv), or score this file instead of training on it.", LabelColumn);
        if (unlabelled > 0)
            throw new PropensityInputException(
                $"{unlabelled:N0} of {sessions.Count:N0} sessions in {source} have an empty '{LabelColumn}' value: training needs a 0 or 1 in every row.", LabelColumn);
        int positives = sessions.Count(s => s.Ordered == true);
        if (positives == 0 || positives == sessions.Count)
            throw new PropensityInputException(
                $"Every session in {source} has {LabelColumn} = {(positives == 0 ? 0 : 1)}: a classifier needs both orders and non-orders.", LabelColumn);
    }

    /// <summary>
    /// At most <paramref name="count"/> sessions drawn at random with <paramref name="seed"/> (all of them when
    /// <paramref name="count"/> is 0 or more than there are). The draw does not depend on the file's row order:
    /// the same sessions in any order give the same sample, in the same order.
    /// </summary>
    /// <exception cref="PropensityInputException"><paramref name="count"/> is negative (it never means "all").</exception>
    public static IReadOnlyList<SessionRecord> Sample(IReadOnlyList<SessionRecord> sessions, int count, int seed)
    {
        if (count < 0)
            throw new PropensityInputException($"A sample of {count} sessions was asked for: give 0 for every session or a positive number (maxSessions in workshop 03).");
        var canonical = Canonical(sessions);
        if (count <= 0 || count >= canonical.Length) return canonical;
        new Random(seed).Shuffle(canonical);
        return canonical[..count];
    }

    /// <summary>
    /// Splits labelled sessions into train, validation and test sets with the same share of orders in each
    /// (stratified): each class is put in a canonical order (by user id, then the flags), shuffled with
    /// <paramref name="seed"/> and cut by the fractions. So the split does not depend on the file's row order.
    /// </summary>
    public static SessionSplit Split(IReadOnlyList<SessionRecord> sessions, double trainFraction = 0.6, double validationFraction = 0.2, int seed = 42)
    {
        RequireLabels(sessions);
        if (trainFraction <= 0 || validationFraction < 0 || trainFraction + validationFraction >= 1)
            throw new ArgumentOutOfRangeException(nameof(trainFraction), "Need train > 0, validation >= 0 and train + validation < 1 (the rest is the test set).");
        var random = new Random(seed);
        List<SessionRecord> train = [], validation = [], test = [];
        foreach (var cls in new[] { true, false })
        {
            var members = Canonical(sessions.Where(s => s.Ordered == cls).ToArray());
            random.Shuffle(members);
            int nTrain = (int)Math.Round(members.Length * trainFraction);
            int nValidation = (int)Math.Round(members.Length * validationFraction);
            train.AddRange(members.Take(nTrain));
            validation.AddRange(members.Skip(nTrain).Take(nValidation));
            test.AddRange(members.Skip(nTrain + nValidation));
        }
        // Shuffle again so the classes are interleaved (some trainers read rows in order).
        return new SessionSplit(Shuffled(train, random), Shuffled(validation, random), Shuffled(test, random), seed);
    }

    /// <summary>How many sessions ordered and how many did not.</summary>
    public static ClassBalance Balance(IReadOnlyList<SessionRecord> sessions) =>
        new(sessions.Count, sessions.Count(s => s.Ordered == true), sessions.Count(s => s.Ordered is null));

    /// <summary>The 0/1 labels of labelled sessions, in order.</summary>
    public static bool[] Labels(IReadOnlyList<SessionRecord> sessions)
    {
        RequireLabels(sessions);
        return sessions.Select(s => s.Ordered!.Value).ToArray();
    }

    /// <summary>Writes sessions in the training_sample.csv format (UTF-8, LF), with or without the label column, for
    /// example as a file of new sessions to score. Returns the full path.</summary>
    public static string WriteSessions(string path, IReadOnlyList<SessionRecord> sessions, bool includeLabel = true)
    {
        return AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 65536, leaveOpen: true) { NewLine = "\n" };
            WriteSessions(writer, sessions, includeLabel);
        });
    }

    private static void WriteSessions(StreamWriter writer, IReadOnlyList<SessionRecord> sessions, bool includeLabel)
    {
        var header = new List<string> { "UserID" };
        header.AddRange(SessionFeatures.Names);
        if (includeLabel) header.Add(LabelColumn);
        writer.WriteLine(string.Join(",", header));
        foreach (var s in sessions)
        {
            var fields = s.ToFeatureVector().Select(v => v == 1f ? "1" : "0").Prepend(s.UserId);
            if (includeLabel) fields = fields.Append(s.Ordered switch { true => "1", false => "0", null => "" });
            writer.WriteLine(string.Join(",", fields));
        }
    }

    // Sessions sorted by user id, then by their flags and label: equal rows are interchangeable, so any input order
    // gives the same array.
    private static SessionRecord[] Canonical(IReadOnlyList<SessionRecord> sessions) => sessions
        .OrderBy(s => s.UserId, StringComparer.Ordinal)
        .ThenBy(s => string.Concat(s.ToFeatureVector().Select(v => v == 1f ? '1' : '0')), StringComparer.Ordinal)
        .ThenBy(s => s.Ordered)
        .ToArray();

    private static SessionRecord[] Shuffled(List<SessionRecord> list, Random random)
    {
        var array = list.ToArray();
        random.Shuffle(array);
        return array;
    }
}
