using System.Globalization;
using CustomerAnalytics.Exercises;
using CustomerAnalytics.Segmentation.Data;
using CustomerAnalytics.Segmentation.Models;
using CustomerAnalytics.Sql;

namespace CustomerAnalytics.Segmentation.Evaluation;

/// <summary>
/// The checks of workshop 02's exercises: each tests the attendee's code against properties it must have (on this
/// run's data and on made-up cases that catch the usual slips), returns a line saying what passed, and otherwise
/// throws <see cref="ExerciseCheckException"/> with one sentence saying what is wrong.
/// </summary>
public static class SegmentationChecks
{
    /// <summary>Made-up curves (smallest k first) on which a slip gives another k than the elbow: a largest-drop or
    /// largest-change-of-slope rule, a k range that does not start at 2, the distance from the line taken on either
    /// side (a k-means curve can bulge above it where a fit landed in a poor local optimum).</summary>
    internal static readonly (string Name, (int K, double AverageDistance)[] Curve)[] MadeUpCurves =
    [
        ("a made-up curve whose largest drop is not its elbow", Points(2, 10, 5, 3, 2, 1.8, 1.6, 1.5, 1.4, 1.3)),
        ("a made-up curve with distances in thousands", Points(2, 5000, 3000, 1500, 1200, 1000, 900, 850, 800, 780)),
        ("a made-up curve from k = 3 to k = 12", Points(3, 9, 7, 5.5, 3, 2.6, 2.3, 2.1, 2, 1.9, 1.85)),
        ("a made-up curve with points above the line", Points(2, 10, 9.9, 9.8, 9.7, 2, 1.9, 1.8)),
    ];

    /// <summary>
    /// Checks an elbow rule: on this run's average-distance curve and on made-up ones it must give the k of
    /// <see cref="KSelection.ElbowOf"/> (the point farthest below the chord from the first point to the last, both
    /// axes scaled to 0..1).
    /// </summary>
    /// <param name="elbowK">The attendee's rule: the curve, smallest k first, to the elbow's k.</param>
    /// <param name="selection">This run's k loop.</param>
    /// <exception cref="ExerciseCheckException">On some curve the rule gives another k, or fails.</exception>
    public static string Elbow(Func<IReadOnlyList<(int K, double AverageDistance)>, int> elbowK, KSelection selection)
    {
        ArgumentNullException.ThrowIfNull(elbowK);
        ArgumentNullException.ThrowIfNull(selection);
        foreach (var (name, curve) in MadeUpCurves.Prepend(("this run's curve", selection.Curve.ToArray())))
        {
            var expected = KSelection.ElbowOf(curve);
            var given = Run(() => elbowK(curve), name);
            if (given != expected)
                throw new ExerciseCheckException(Invariant(
                    $"On {name} (k = {curve[0].K}..{curve[^1].K}, distances {string.Join(", ", curve.Select(p => p.AverageDistance.ToString("G4", CultureInfo.InvariantCulture)))}) your function gives k = {given} where the elbow is k = {expected}: take the k whose point lies farthest below the straight line from the first point to the last, with both axes scaled to 0..1."));
        }
        return $"Correct: your elbow rule gives k = {KSelection.ElbowOf(selection.Curve)} on this run's curve and the right k on {MadeUpCurves.Length} made-up curves.";
    }

    /// <summary>
    /// Checks a naming rule on this run's clusters and on made-up ones: every name is the cluster's grid segment or
    /// its description; a grid name only when more than half of the members are in it and their mean orders reach the
    /// name's fewest; and the grid name whenever both hold.
    /// </summary>
    /// <param name="nameCluster">The attendee's rule.</param>
    /// <param name="clusters">This run's clusters (<see cref="SegmentNaming.Members"/>).</param>
    /// <exception cref="ExerciseCheckException">A name breaks one of the properties.</exception>
    public static string Naming(Func<ClusterMembers, string> nameCluster, IReadOnlyList<ClusterMembers> clusters)
    {
        ArgumentNullException.ThrowIfNull(nameCluster);
        ArgumentNullException.ThrowIfNull(clusters);
        var tried = clusters.Where(c => c.Customers > 0).Concat(MadeUpClusters).ToArray();
        foreach (var c in tried)
            if (NamingProblem(c, Run(() => nameCluster(c), Invariant($"the cluster of {c.Customers} members mostly in '{c.GridSegment}'"))) is { } problem) throw new ExerciseCheckException(problem);
        return $"Correct: your naming rule gives true names to this run's {clusters.Count(c => c.Customers > 0)} clusters and to {MadeUpClusters.Length} made-up ones.";
    }

    /// <summary>Made-up clusters at the rule's edges: mostly one-time buyers in a repeat-buyer cell, exactly half the
    /// members in a cell, a minority, a mean exactly at the fewest orders, and clusters the grid names truly.</summary>
    internal static readonly ClusterMembers[] MadeUpClusters =
    [
        new(101, 500, 1.4, 40, 300, "Potential loyalists", 0.8, "one order, in the last 2 months, mid spend"),
        new(102, 400, 1.0, 30, 90, "New customers", 0.5, "one order, in the last 2 months, low spend"),
        new(103, 300, 5.0, 60, 900, "Champions", 0.4, "3-6 orders, 1-3 months ago, high spend"),
        new(104, 200, 4.0, 50, 800, "Champions", 0.7, "4 orders, 1-2 months ago, high spend"),
        new(105, 900, 1.1, 400, 80, "Hibernating", 0.9, "one order, 11-16 months ago, low spend"),
        new(106, 250, 3.5, 300, 500, "At risk", 0.55, "3-4 orders, 8-12 months ago, high spend"),
    ];

    private static string? NamingProblem(ClusterMembers c, string? name)
    {
        var fewest = RfmGrid.Definition(c.GridSegment).MinOrders;
        var trueOfMost = c.GridShare > 0.5 && c.MeanOrders >= fewest;
        var members = Invariant($"a cluster with {c.GridShare:P0} of its members in '{c.GridSegment}' and {c.MeanOrders:0.##} orders on average");
        if (string.IsNullOrWhiteSpace(name) || (name != c.GridSegment && name != c.Description))
            return $"{Capital(members)} got '{name}', which is neither its grid segment '{c.GridSegment}' nor its description '{c.Description}': name a cluster by one of the two.";
        if (name == c.GridSegment && c.GridShare <= 0.5)
            return $"{Capital(members)} got '{name}', which is true of no more than half of them: a grid name must be true of more than half of the members (GridShare > 0.5).";
        if (name == c.GridSegment && c.MeanOrders < fewest)
            return $"{Capital(members)} got '{name}', which needs at least {fewest} orders: give a grid name only when the members' mean orders reach its fewest (RfmGrid.Definition(c.GridSegment).MinOrders).";
        if (name == c.Description && trueOfMost)
            return $"{Capital(members)} got its description '{name}', but the grid name '{c.GridSegment}' is true of most of them and their mean orders reach its fewest: use the grid name then.";
        return null;
    }

    /// <summary>
    /// Checks the model trained without spend: <paramref name="clusters"/> clusters, no spend feature, and every other
    /// feature of the three-feature model shaped as it is there (so the comparison changes one thing only).
    /// </summary>
    /// <param name="withoutSpend">The attendee's model.</param>
    /// <param name="withSpend">The three-feature model it is compared with.</param>
    /// <param name="clusters">The k it was asked for.</param>
    /// <exception cref="ExerciseCheckException">A property does not hold.</exception>
    public static string WithoutSpend(SegmentationModel withoutSpend, SegmentationModel withSpend, int clusters)
    {
        ArgumentNullException.ThrowIfNull(withoutSpend);
        ArgumentNullException.ThrowIfNull(withSpend);
        var spend = withSpend.Features.MonetaryColumn;
        var features = withoutSpend.Features.Features;
        if (withoutSpend.K != clusters)
            throw new ExerciseCheckException($"Your model has k = {withoutSpend.K} where k = {clusters} was asked: train it at the clusters you are given, so the two models differ in their features only.");
        if (features.FirstOrDefault(f => f.Column == spend) is { } kept)
            throw new ExerciseCheckException($"Your model still uses {kept.Label}: leave spend ({spend}) out, that is the question.");
        foreach (var wanted in withSpend.Features.Features.Where(f => f.Column != spend))
        {
            var mine = features.FirstOrDefault(f => f.Column == wanted.Column);
            if (mine is null)
                throw new ExerciseCheckException($"Your model leaves out {wanted.Column}: keep every feature but spend, or the comparison changes two things at once.");
            if (mine.Log != wanted.Log)
                throw new ExerciseCheckException($"Your model uses {mine.Label} where the three-feature model uses {wanted.Label}: shape each kept feature as that model does (step 2 gives the reasons), so only spend differs.");
        }
        if (features.FirstOrDefault(f => withSpend.Features.Features.All(w => w.Column != f.Column)) is { } extra)
            throw new ExerciseCheckException($"Your model adds {extra.Label}, which the three-feature model does not have: leave spend out and add nothing.");
        return $"Correct: k = {clusters} on {string.Join(" and ", features.Select(f => f.Label))}, spend left out.";
    }

    /// <summary>
    /// Checks the "same steps, second dataset" exercise: the k loop ran on <paramref name="customers"/> over the first
    /// dataset's range of k; the chosen k is <paramref name="forcedK"/> when it is set, else the elbow of that loop's
    /// curve; the model has that k and was fitted on these customers (its scaling gives each of their features mean 0
    /// and standard deviation 1, which a model fitted on other customers does not).
    /// </summary>
    /// <param name="run">The attendee's k loop, chosen k and model.</param>
    /// <param name="customers">The second dataset's customers.</param>
    /// <param name="forcedK">The parameter that sets k (0 = take the elbow).</param>
    /// <param name="firstDataset">The first dataset's k loop, whose range of k the second repeats.</param>
    /// <exception cref="ExerciseCheckException">A property does not hold.</exception>
    public static string SecondDataset(SegmentationRun run, CustomerFeatures customers, int forcedK, KSelection firstDataset)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(firstDataset);
        if (run?.Selection is null || run.Model is null)
            throw new ExerciseCheckException("Your result lacks its k loop or its model: return new SegmentationRun(the k loop, the chosen k, the model trained at it).");
        var (selection, model) = (run.Selection, run.Model);
        if (selection.Customers != customers.Count)
            throw new ExerciseCheckException(Invariant($"Your k loop clustered {selection.Customers:N0} customers where the second dataset has {customers.Count:N0}: run the k loop (ChooseK) on the customers you are given."));
        var (tried, wanted) = (Range(selection), Range(firstDataset));
        if (tried != wanted)
            throw new ExerciseCheckException($"Your k loop tries k = {tried} where the first dataset's tried k = {wanted}: the same steps mean the same range of k.");
        var elbow = KSelection.ElbowOf(selection.Curve);
        if (forcedK > 0 && run.ChosenK != forcedK)
            throw new ExerciseCheckException($"You chose k = {run.ChosenK} where the parameter sets k = {forcedK}: a k set by the parameter wins over the elbow.");
        if (forcedK <= 0 && run.ChosenK != elbow)
            throw new ExerciseCheckException($"You chose k = {run.ChosenK} where the elbow of your k loop's curve is k = {elbow}: take the elbow (your ElbowK) of the curve measured on these customers.");
        if (model.K != run.ChosenK)
            throw new ExerciseCheckException($"Your model has k = {model.K} where you chose k = {run.ChosenK}: train it at the k you chose.");
        ClusterAssignment assigned;
        try { assigned = model.Assign(customers); }
        catch (SegmentationException e)
        {
            throw new ExerciseCheckException($"Your model cannot score the second dataset's customers ({e.Message.TrimEnd('.')}): train it (TrainAt) on the customers you are given.");
        }
        for (var f = 0; f < customers.Width; f++)
        {
            var values = assigned.Points.Select(p => p[f]).ToArray();
            var (mean, sd) = (values.Average(), Math.Sqrt(values.Average(v => v * v) - values.Average() * values.Average()));
            if (Math.Abs(mean) > ScalingTolerance || Math.Abs(sd - 1) > ScalingTolerance)
                throw new ExerciseCheckException(Invariant($"Your model scales {customers.Options.Features[f].Label} of these customers to mean {mean:0.00} and standard deviation {sd:0.00}, where a model fitted on them gives 0 and 1: train it (TrainAt) on the customers you are given, not on the first dataset's."));
        }
        return Invariant($"Correct: k = {run.ChosenK} ({(forcedK > 0 ? "set by the parameter" : "the elbow")}) from k = {tried} on these {customers.Count:N0} customers, and a model fitted on them.");
    }

    // Mean 0 and standard deviation 1 hold to float precision (and 1/n for the variance's divisor) for a model
    // fitted on the customers; one fitted on another dataset's customers misses them by far more.
    private const double ScalingTolerance = 0.01;

    private static string Range(KSelection selection) => $"{selection.Rows[0].K}..{selection.Rows[^1].K}";

    // The attendee's code may throw: its TODO placeholder goes through as it is, anything else becomes the check's sentence.
    private static T Run<T>(Func<T> attendeeCode, string input)
    {
        try { return attendeeCode(); }
        catch (Exception e) when (e is not ExerciseNotDoneException)
        {
            throw new ExerciseCheckException($"On {input} your function throws {e.GetType().Name} ({e.Message.TrimEnd('.')}): it must give an answer for every such input.");
        }
    }

    private static (int K, double AverageDistance)[] Points(int firstK, params double[] distances) =>
        distances.Select((d, i) => (firstK + i, d)).ToArray();

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
