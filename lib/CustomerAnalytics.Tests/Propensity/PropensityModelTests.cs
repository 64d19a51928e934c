using CustomerAnalytics.Benchmarks;
using CustomerAnalytics.Data;
using CustomerAnalytics.Evaluation;
using CustomerAnalytics.Propensity.Data;
using CustomerAnalytics.Propensity.Models;
using CustomerAnalytics.Propensity.Evaluation;
using Microsoft.ML.Data;
using Microsoft.ML;

namespace CustomerAnalytics.Tests.Propensity;

/// <summary>The three models trained once on a split of the sample.</summary>
public sealed class TrainedModels
{
    public SessionSplit Split { get; } = PropensityData.Split(PropensitySample.Sessions, seed: 7);
    public IReadOnlyList<PropensityClassifier> Models { get; }

    public TrainedModels() => Models = PropensityTrainer.TrainAll(Split.Train);
}

public sealed class PropensityModelTests(TrainedModels trained) : IClassFixture<TrainedModels>
{
    [Fact]
    public void TrainsTheThreeModels()
    {
        Assert.Equal(["LogisticRegression", "FastTree", "LightGbm"], trained.Models.Select(m => m.Name));
        Assert.All(trained.Models, m => Assert.True(m.TrainingTime > TimeSpan.Zero));
    }

    [Fact]
    public void EveryModelRanksWellButNotAboveTheTruth()
    {
        var test = trained.Split.Test;
        var ml = new MLContext(1);
        var labels = PropensityData.Labels(test);
        double trueAuc = ScoreEvaluation.Probabilities(ml, test.Select(PropensitySample.TrueProbability).ToArray(), labels).AreaUnderRocCurve;
        foreach (var model in trained.Models)
        {
            var metrics = ml.BinaryClassification.Evaluate(model.Model.Transform(SessionDataView.Load(ml, test)));
            Assert.InRange(metrics.AreaUnderRocCurve, 0.85, trueAuc + 0.02);
            Assert.InRange(metrics.LogLoss, 0.01, 0.4);
        }
    }

    [Fact]
    public void ModelScoresReadTheScoredDataViewInSessionOrder()
    {
        var model = trained.Models[1];
        var test = trained.Split.Test;
        var ml = new MLContext(1);
        var scores = ModelScores.From(model.Name, model.Model.Transform(SessionDataView.Load(ml, test)));
        Assert.Equal(model.Score(test), scores.Probabilities.ToArray());
        Assert.Equal(PropensityData.Labels(test), scores.Labels.ToArray());
        var e = Assert.Throws<ArgumentException>(() => ModelScores.From("raw", SessionDataView.Load(ml, test)));
        Assert.Contains("no 'Probability' column", e.Message);
    }

    [Fact]
    public void TheDataViewNamesTheFeatureSlots()
    {
        var data = SessionDataView.Load(new MLContext(1), trained.Split.Test.Take(3));
        var names = default(Microsoft.ML.Data.VBuffer<ReadOnlyMemory<char>>);
        data.Schema["Features"].GetSlotNames(ref names);
        Assert.Equal(SessionFeatures.Names, names.DenseValues().Select(n => n.ToString()));
    }

    [Fact]
    public void SaveAndLoadGiveIdenticalScores()
    {
        using var folder = new CustomerAnalytics.Tests.Data.TempFolder();
        var test = trained.Split.Test;
        foreach (var model in trained.Models)
        {
            var path = model.Save(Path.Combine(folder.Path, model.Name + ".zip"));
            var loaded = PropensityClassifier.Load(path);
            Assert.Equal(model.Score(test), loaded.Score(test));
            Assert.Equal(model.Name, loaded.Name);
        }
    }

    [Fact]
    public void OneByOneScoresEqualBatchScores()
    {
        var model = trained.Models[2];
        var sessions = trained.Split.Test.Take(50).ToArray();
        var batch = model.Score(sessions);
        for (int i = 0; i < sessions.Length; i++) Assert.Equal(batch[i], model.Score(sessions[i]), 6);
    }

    [Fact]
    public void RankingIsByProbabilityHighestFirst()
    {
        var ranked = trained.Models[0].Rank(trained.Split.Test);
        Assert.Equal(trained.Split.Test.Count, ranked.Sessions.Count);
        Assert.Equal(Enumerable.Range(1, ranked.Sessions.Count), ranked.Sessions.Select(s => s.Rank));
        Assert.True(ranked.Sessions.Zip(ranked.Sessions.Skip(1)).All(p => p.First.Probability >= p.Second.Probability));
    }

    [Fact]
    public void TrainingIsRepeatableWithTheSameSeed()
    {
        var train = trained.Split.Train;
        var again = PropensityTrainer.Train(ModelKind.LightGbm, train);
        Assert.Equal(trained.Models[2].Score(trained.Split.Test), again.Score(trained.Split.Test));
    }

    [Fact]
    public void PermutationImportanceFindsTheStrongestTrueDriversByName()
    {
        var ml = new MLContext(3);
        var pfi = ml.BinaryClassification.PermutationFeatureImportanceNonCalibrated(trained.Models[0].Model,
            SessionDataView.Load(ml, trained.Split.Test), permutationCount: 2);
        var importance = FeatureImportanceTable.From("LogisticRegression", pfi);
        Assert.Equal(23, importance.Features.Count);
        Assert.Equal(2, importance.Permutations);
        Assert.Equal(SessionFeatures.Names.Order(), importance.Features.Select(f => f.Feature).Order());
        // The generator's largest weights: saw_checkout 3.2, checked_delivery_detail 2.2, sign_in 1.8.
        Assert.Contains(importance.Features[0].Feature, new[] { "saw_checkout", "checked_delivery_detail", "sign_in" });
        Assert.True(importance.Features[0].AucDrop > 0.01);
        Assert.True(importance.Features.Zip(importance.Features.Skip(1)).All(p => p.First.AucDrop >= p.Second.AucDrop));
    }

    [Fact]
    public void TruthComparisonMatchesTheTestSessions()
    {
        var truth = PropensityTruth.Compare(trained.Models[0], trained.Split.Test, PropensitySample.TruthPath, PropensitySample.Sessions);
        Assert.NotNull(truth);
        Assert.Equal(trained.Split.Test.Count, truth.Compared);
        var auc = truth["AUC"];
        Assert.Equal(trained.Models[0].Name, auc.Model);
        Assert.InRange(auc.WholeSample, 0.95, 0.99);
        Assert.True(auc.Truth >= auc.Value - 0.02);
        Assert.True(truth["log-loss (bits)"].Truth > 0);
        Assert.Contains($"on {truth.Compared:N0} test sessions", truth.ToHtml());
        Assert.Null(PropensityTruth.Compare(trained.Models[0], trained.Split.Test, Path.Combine(Path.GetTempPath(), "no-such-truth.csv")));
    }
}
