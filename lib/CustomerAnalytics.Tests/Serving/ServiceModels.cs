using CustomerAnalytics.Data;
using CustomerAnalytics.Propensity.Data;
using CustomerAnalytics.Propensity.Models;
using Microsoft.ML;

namespace CustomerAnalytics.Tests.Serving;

/// <summary>Two different logistic regressions on the propensity sample (first half, second half), saved as 03 saves its model.</summary>
public sealed class ServiceModels : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("ca-serving-").FullName;
    public string A { get; }
    public string B { get; }
    public IReadOnlyList<SessionRecord> Sessions { get; } = Propensity.PropensitySample.Sessions.Take(200).ToArray();

    public ServiceModels()
    {
        var all = Propensity.PropensitySample.Sessions;
        A = Train(all.Take(all.Count / 2).ToArray(), Path.Combine(Folder, "a.zip"), l2: 1f);
        B = Train(all.Skip(all.Count / 2).ToArray(), Path.Combine(Folder, "b.zip"), l2: 20f);
    }

    private static string Train(IReadOnlyList<SessionRecord> sessions, string path, float l2)
    {
        var ml = new MLContext(seed: 1);
        var data = SessionDataView.Load(ml, sessions);
        var model = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(l2Regularization: l2).Fit(data);
        return new PropensityClassifier(ml, model, data.Schema, Path.GetFileNameWithoutExtension(path)).Save(path);
    }

    /// <summary>The probability the model in <paramref name="path"/> gives <paramref name="session"/>, scored in process.</summary>
    public static double Expected(string path, SessionRecord session) => PropensityClassifier.Load(path).Score(session);

    /// <summary>A fresh copy of <paramref name="path"/> for one test to serve (and replace).</summary>
    public string Copy(string path)
    {
        var copy = Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".zip");
        File.Copy(path, copy);
        return copy;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
