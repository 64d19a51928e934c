namespace CustomerAnalytics.SampleData;

/// <summary>
/// Writes a sample in the schema of the Kaggle "customer propensity to purchase" training_sample.csv:
/// UserID, 23 binary session features and the label <c>ordered</c> (about 4% positive).
/// Features are drawn by <see cref="PropensityOptions.FeatureRules"/> (a hidden shopping intent plus funnel
/// dependencies), then <c>ordered ~ Bernoulli(sigmoid(w·x + b))</c> with the explicit
/// <see cref="PropensityModel"/>; each session's true probability goes to a truth file.
/// </summary>
public sealed class PropensityGenerator(PropensityOptions? options = null)
{
    /// <summary>File name of the real dataset.</summary>
    public const string FileName = "training_sample.csv";
    /// <summary>Truth file name: UserID,p.</summary>
    public const string TrueProbabilityFileName = "propensity_true_probability.csv";
    /// <summary>Truth file name: feature,weight.</summary>
    public const string WeightsFileName = "propensity_model_weights.csv";

    /// <summary>Columns of training_sample.csv, in order.</summary>
    public static readonly IReadOnlyList<string> Columns = ["UserID", .. PropensityModel.FeatureNames, "ordered"];

    /// <summary>The default feature process, in drawing order. Rates come out close to the public data:
    /// for example saw_homepage ~29%, list_size_dropdown ~23%, basket_add_detail ~11%, saw_checkout ~8%,
    /// returning_user ~53%, loc_uk ~93%.</summary>
    public static readonly IReadOnlyList<PropensityFeatureRule> DefaultFeatureRules =
    [
        new("returning_user", 0.12, 0.5, []),
        new("loc_uk", 2.6, 0.0, []),
        new("saw_homepage", -0.95, -0.3, []),
        new("list_size_dropdown", -1.4, 0.5, [("device_computer", 0.3)]),
        new("sort_by", -3.4, 0.4, [("device_computer", 0.5)]),
        new("image_picker", -3.7, 0.5, []),
        new("promo_banner_click", -4.3, 0.3, [("saw_homepage", 0.5)]),
        new("detail_wishlist_add", -6.1, 0.6, []),
        new("saw_sizecharts", -8.2, 0.4, []),
        new("basket_add_list", -3.3, 1.0, [("list_size_dropdown", 0.9)]),
        new("basket_add_detail", -2.5, 1.1, [("image_picker", 0.9)]),
        new("basket_icon_click", -3.1, 0.6, [("basket_add_list", 1.8), ("basket_add_detail", 1.8)]),
        new("closed_minibasket_click", -4.5, 0.3, [("basket_add_list", 1.2), ("basket_add_detail", 1.2)]),
        new("saw_checkout", -3.7, 0.8, [("basket_add_list", 1.6), ("basket_add_detail", 1.6), ("basket_icon_click", 0.8)]),
        new("sign_in", -3.4, 0.4, [("returning_user", 0.7), ("saw_checkout", 2.6)]),
        new("checked_delivery_detail", -3.6, 0.4, [("saw_checkout", 3.0)]),
        new("checked_returns_detail", -5.0, 0.3, [("saw_checkout", 1.6)]),
        new("saw_delivery", -5.6, 0.3, [("checked_delivery_detail", 2.0)]),
        new("account_page_click", -5.6, 0.0, [("sign_in", 2.0)]),
        new("saw_account_upgrade", -6.6, 0.0, [("sign_in", 1.8)]),
    ];

    private static readonly string[] DeviceColumns = ["device_mobile", "device_computer", "device_tablet"];

    /// <summary>The settings in use.</summary>
    public PropensityOptions Options { get; } = options ?? new PropensityOptions();

    /// <summary>Writes training_sample.csv to <paramref name="folder"/> and the truth files to
    /// <paramref name="truthFolder"/> (default: <c>folder/truth</c>).</summary>
    public PropensityResult Write(string folder, string? truthFolder = null)
    {
        truthFolder ??= Path.Combine(folder, "truth");
        var model = Options.Model;
        var index = model.Features.Select((f, i) => (f, i)).ToDictionary(p => p.f, p => p.i);
        var rules = CompileRules(index);
        var random = SeededRandom.ForStream(Options.Seed, 1);

        var path = Path.Combine(folder, FileName);
        var userIds = new List<string>(Options.Sessions);
        var probabilities = new List<double>(Options.Sessions);
        var labels = new List<bool>(Options.Sessions);
        var ones = new long[model.Features.Count];
        var seen = new HashSet<string>();
        var x = new int[model.Features.Count];
        using (var w = new GeneratedFileWriter(path))
        {
            w.Header(Columns);
            for (int s = 0; s < Options.Sessions; s++)
            {
                string userId;
                do userId = NewUserId(random); while (!seen.Add(userId));
                DrawFeatures(random, rules, index, x);
                double p = model.Probability(x);
                bool ordered = random.Bernoulli(p);
                w.Field(userId);
                for (int i = 0; i < x.Length; i++)
                {
                    w.Field(x[i]);
                    ones[i] += x[i];
                }
                w.Field(ordered ? 1 : 0);
                w.EndRow();
                userIds.Add(userId);
                probabilities.Add(p);
                labels.Add(ordered);
            }
        }

        var truthPath = Path.Combine(truthFolder, TrueProbabilityFileName);
        using (var w = new GeneratedFileWriter(truthPath))
        {
            w.Header(["UserID", "p"]);
            for (int s = 0; s < userIds.Count; s++)
            {
                w.Field(userIds[s]).Field(probabilities[s], "0.000000");
                w.EndRow();
            }
        }

        var weightsPath = Path.Combine(truthFolder, WeightsFileName);
        using (var w = new GeneratedFileWriter(weightsPath))
        {
            w.Header(["feature", "weight"]);
            w.Field("(intercept)").Field(model.Intercept, "R");
            w.EndRow();
            for (int i = 0; i < model.Features.Count; i++)
            {
                w.Field(model.Features[i]).Field(model.Weights[i], "R");
                w.EndRow();
            }
        }

        int n = Math.Max(1, Options.Sessions);
        return new PropensityResult(path, truthPath, weightsPath, Options.Sessions, labels.Count(l => l), model,
            userIds, probabilities, ones.Select(c => (double)c / n).ToArray(), CustomerAnalytics.Evaluation.BinaryMetrics.AucRoc(probabilities, labels));
    }

    // The real UserIDs look like "a720-6b732349-a720-4862-bd21-644732": the first group repeats as the third.
    private static string NewUserId(SeededRandom random)
    {
        string head = random.Hex(4);
        return $"{head}-{random.Hex(8)}-{head}-{random.Hex(4)}-{random.Hex(4)}-{random.Hex(6)}";
    }

    private void DrawFeatures(SeededRandom random, (int Feature, double Intercept, double Loading, (int Parent, double Weight)[] Parents)[] rules,
        Dictionary<string, int> index, int[] x)
    {
        Array.Clear(x);
        int device = random.Categorical(Options.DeviceShares);
        x[index[DeviceColumns[device]]] = 1;
        double intent = random.Normal();
        foreach (var (feature, intercept, loading, parents) in rules)
        {
            double z = intercept + loading * intent;
            foreach (var (parent, weight) in parents) z += weight * x[parent];
            x[feature] = random.Bernoulli(DeterministicMath.Sigmoid(z)) ? 1 : 0;
        }
    }

    private (int, double, double, (int, double)[])[] CompileRules(Dictionary<string, int> index)
    {
        var drawn = new HashSet<string>(DeviceColumns);
        var compiled = new List<(int, double, double, (int, double)[])>();
        foreach (var rule in Options.FeatureRules)
        {
            if (!index.TryGetValue(rule.Feature, out int feature))
                throw new ArgumentException($"Feature rule for unknown feature '{rule.Feature}'; expected one of: {string.Join(", ", index.Keys)}.");
            foreach (var (parent, _) in rule.Parents)
                if (!drawn.Contains(parent))
                    throw new ArgumentException($"Feature '{rule.Feature}' depends on '{parent}', which is not drawn before it.");
            drawn.Add(rule.Feature);
            compiled.Add((feature, rule.Intercept, rule.IntentLoading, rule.Parents.Select(p => (index[p.Parent], p.Weight)).ToArray()));
        }
        var missing = index.Keys.Where(f => !drawn.Contains(f)).ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"No feature rule for: {string.Join(", ", missing)}.");
        return compiled.ToArray();
    }
}
