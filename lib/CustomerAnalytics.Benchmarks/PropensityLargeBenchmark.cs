using System.Globalization;
using CustomerAnalytics.Data;
using CustomerAnalytics.Propensity.Data;
using CustomerAnalytics.SampleData;
using Microsoft.ML;

namespace CustomerAnalytics.Benchmarks;

/// <summary>Workshop 03 at the real dataset's size: the three propensity models on 455,401 generated sessions
/// (the <c>--generate-data DIR --large</c> file), the notebook's settings and 60% training split.</summary>
public sealed class PropensityLargeBenchmark : IBenchmark
{
    /// <summary>Sessions in the original workshop's training file.</summary>
    public const int Sessions = 455_401;

    public string Name => "propensity-455k";
    public string Description => "train logistic regression, FastTree and LightGBM with the notebook's settings on the 60% training split of 455,401 generated sessions; time and test AUC of each";

    public object? Setup(string workFolder)
    {
        // The same generator and options as --generate-data DIR --large, so the file is that one.
        var folder = Path.Combine(workFolder, "propensity-455k");
        var path = Path.Combine(folder, PropensityGenerator.FileName);
        if (!File.Exists(path)) new PropensityGenerator(new PropensityOptions { Sessions = Sessions }).Write(folder, Path.Combine(folder, "truth"));
        var split = PropensityData.Split(PropensityData.LoadForTraining(path).Sessions, trainFraction: 0.6, validationFraction: 0.2, seed: 42);
        // Untimed: load ML.NET and LightGBM's native library once.
        PropensityTrainer.TrainAll(split.Train.Take(2000).ToArray(), new PropensityTrainingOptions { Rounds = 5 });
        return split;
    }

    public string Run(object? state)
    {
        var split = (SessionSplit)state!;
        var ml = new MLContext(seed: 0);
        var test = ml.Data.Cache(SessionDataView.Load(ml, split.Test));
        var parts = new List<string> { string.Create(CultureInfo.InvariantCulture, $"{split.Train.Count:N0} train, {split.Test.Count:N0} test") };
        foreach (var kind in Enum.GetValues<ModelKind>())
        {
            var model = PropensityTrainer.Train(kind, split.Train);
            var auc = ml.BinaryClassification.Evaluate(model.Model.Transform(test)).AreaUnderRocCurve;
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{kind} {model.TrainingTime.TotalSeconds:F2} s (test AUC {auc:F4})"));
        }
        return string.Join("; ", parts);
    }
}
