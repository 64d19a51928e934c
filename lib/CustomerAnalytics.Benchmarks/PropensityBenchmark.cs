using System.Globalization;
using CustomerAnalytics.Data;
using CustomerAnalytics.Propensity.Data;
using Microsoft.ML;

namespace CustomerAnalytics.Benchmarks;

/// <summary>Workshop 03: training time of the three propensity models on the sample's training split (7,200 sessions).</summary>
public sealed class PropensityBenchmark : IBenchmark
{
    public string Name => "propensity-train";
    public string Description => "train L-BFGS logistic regression, FastTree and LightGBM (100 rounds) on the sample's 60% training split; target < 10 s in all";

    public object? Setup(string workFolder)
    {
        var data = Workshop.Start(AppContext.BaseDirectory).DataPath("propensity", "training_sample.csv");
        var sessions = PropensityData.LoadForTraining(data).Sessions;
        var split = PropensityData.Split(sessions, seed: 42);
        // Untimed: load ML.NET and LightGBM's native library once.
        PropensityTrainer.TrainAll(split.Train.Take(1000).ToArray(), new PropensityTrainingOptions { Rounds = 5 });
        return split;
    }

    public string Run(object? state)
    {
        var split = (SessionSplit)state!;
        var parts = new List<string>();
        var ml = new MLContext(seed: 0);
        foreach (var kind in Enum.GetValues<ModelKind>())
        {
            var model = PropensityTrainer.Train(kind, split.Train);
            var auc = ml.BinaryClassification.Evaluate(model.Model.Transform(SessionDataView.Load(ml, split.Test))).AreaUnderRocCurve;
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{kind} {model.TrainingTime.TotalSeconds:F2} s (test AUC {auc:F3})"));
        }
        return string.Join("; ", parts);
    }

}
