using System.Text.Json.Nodes;
using CustomerAnalytics.Evaluation;
using CustomerAnalytics.Monitoring.Data;

namespace CustomerAnalytics.Monitoring.Evaluation;

/// <summary>A model's quality on labelled cases: how many, AUC-ROC, and precision, recall and F1 of its decisions.</summary>
public sealed record ModelQuality(int Count, double Auc, double Precision, double Recall, double F1)
{
    /// <summary>The quality of <paramref name="probabilities"/> and <paramref name="decisions"/> against <paramref name="labels"/>.</summary>
    public static ModelQuality Of(IReadOnlyList<double> probabilities, IReadOnlyList<bool> decisions, IReadOnlyList<bool> labels)
    {
        var metrics = BinaryMetrics.From(labels.Zip(decisions));
        return new ModelQuality(labels.Count, BinaryMetrics.AucRoc(probabilities, labels), metrics.Precision, metrics.Recall, metrics.F1);
    }

    /// <summary>The figures by name, in a fixed order.</summary>
    public IEnumerable<(string Name, double Value)> Figures => [("auc", Auc), ("precision", Precision), ("recall", Recall), ("f1", F1)];

    /// <summary>The JSON of the figures (the baseline file a quality run compares with).</summary>
    public string ToJson() => new JsonObject { ["count"] = Count, ["auc"] = Auc, ["precision"] = Precision, ["recall"] = Recall, ["f1"] = F1 }
        .ToJsonString(MonitoringJson.Options);

    /// <summary>Reads <see cref="ToJson"/>'s text.</summary>
    /// <exception cref="InvalidDataException">A figure is missing.</exception>
    public static ModelQuality FromJson(string json)
    {
        var root = MonitoringJson.Parse(json, "model quality");
        double Get(string name) => (double?)root[name] ?? throw new InvalidDataException($"The model quality file has no \"{name}\".");
        return new ModelQuality((int)Get("count"), Get("auc"), Get("precision"), Get("recall"), Get("f1"));
    }
}
