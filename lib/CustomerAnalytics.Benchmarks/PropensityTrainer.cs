using System.Diagnostics;
using CustomerAnalytics.Data;
using CustomerAnalytics.Propensity.Data;
using CustomerAnalytics.Propensity.Models;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace CustomerAnalytics.Benchmarks;

/// <summary>Trains ML.NET binary classifiers on labelled sessions with notebook 03's settings, for the benchmarks and
/// the tests (the notebook builds its trainers in view; the library it loads has no copy).</summary>
public static class PropensityTrainer
{
    /// <summary>
    /// Trains one model on <paramref name="train"/> and times it. Every row needs its label (<c>ordered</c>).
    /// The time covers <c>Fit</c> only; the first model of a kind in a process also pays for loading and compiling
    /// its code (use <see cref="TrainAll"/>, which warms each trainer up first, to compare models fairly).
    /// </summary>
    /// <exception cref="PropensityInputException">A session has no label, or only one class is present.</exception>
    public static PropensityClassifier Train(ModelKind kind, IReadOnlyList<SessionRecord> train, PropensityTrainingOptions? options = null)
    {
        options ??= new PropensityTrainingOptions();
        PropensityData.RequireLabels(train, "the training sessions");
        var ml = new MLContext(options.Seed);
        // Cached: L-BFGS on one thread reads the data once per iteration, and re-enumerating the sessions each time
        // cost 5x its training time at 273,000 sessions. The cache fills during Fit, so the time includes it.
        var data = ml.Data.Cache(ml.Data.LoadFromEnumerable(train.Select(SessionInput.From)));
        var trainer = CreateTrainer(ml, kind, options);
        var watch = Stopwatch.StartNew();
        var model = trainer.Fit(data);
        watch.Stop();
        return new PropensityClassifier(ml, model, data.Schema, kind.ToString()) { TrainingTime = watch.Elapsed };
    }

    /// <summary>Trains each of <paramref name="kinds"/> (all three by default) on the same sessions. Each trainer is
    /// first run once on a few hundred sessions (untimed), so the training times compare the algorithms, not
    /// the one-off cost of loading ML.NET and the native LightGBM library.</summary>
    public static IReadOnlyList<PropensityClassifier> TrainAll(IReadOnlyList<SessionRecord> train, PropensityTrainingOptions? options = null,
        params ModelKind[] kinds)
    {
        if (kinds.Length == 0) kinds = Enum.GetValues<ModelKind>();
        PropensityData.RequireLabels(train, "the training sessions");
        return kinds.Select(k =>
        {
            WarmUp(k, train, options ?? new PropensityTrainingOptions());
            return Train(k, train, options);
        }).ToArray();
    }

    private static void WarmUp(ModelKind kind, IReadOnlyList<SessionRecord> train, PropensityTrainingOptions options)
    {
        // A stratified handful: both classes must be present for the trainer to run.
        var few = train.Where(s => s.Ordered == true).Take(20).Concat(train.Where(s => s.Ordered == false).Take(280)).ToArray();
        var ml = new MLContext(options.Seed);
        CreateTrainer(ml, kind, options with { Rounds = Math.Min(options.Rounds, 5) }).Fit(ml.Data.LoadFromEnumerable(few.Select(SessionInput.From)));
    }

    // Notebook 03's trainers as its cells build them (NotebookCopyTests compares every option with the cells'): XGBoost's
    // settings mapped onto ML.NET where it has them: eta 0.2, max_depth 5 (LightGBM; FastTree grows leaf-wise, so 2^5 = 32
    // leaves), gamma 4 (min split gain), min_child_weight 6, subsample 0.8 (every round), and at least 10 sessions a leaf
    // (XGBoost has no such limit). The logistic regression keeps ML.NET's penalties (L1 = L2 = 1) but stops at
    // scikit-learn's tol 1e-4 instead of ML.NET's 1e-7, which iterates for no gain in AUC (0.9666 at both on 273,000
    // sessions, in a third of the time). One difference, stated in the test: the copy runs L-BFGS on one thread too.
    private static IEstimator<ITransformer> CreateTrainer(MLContext mlContext, ModelKind kind, PropensityTrainingOptions o)
    {
        var (rounds, seed) = (o.Rounds, o.Seed);
        return kind switch
        {
            ModelKind.LogisticRegression => mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression(
                new LbfgsLogisticRegressionBinaryTrainer.Options
                {
                    L2Regularization = 1f,    // ML.NET's default penalties
                    L1Regularization = 1f,
                    OptimizationTolerance = 1e-4f,   // stop when the loss improves by less than 0.01%
                    NumberOfThreads = 1,
                }),
            ModelKind.FastTree => mlContext.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                NumberOfTrees = rounds,                            // num_round
                LearningRate = 0.2,                                // eta
                NumberOfLeaves = 32,                               // 2^max_depth (FastTree has no depth limit)
                MinimumExampleCountPerLeaf = 10,
                BaggingSize = 1, BaggingExampleFraction = 0.8,     // subsample, every tree
                NumberOfThreads = 1, Seed = seed,
            }),
            ModelKind.LightGbm => mlContext.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
            {
                NumberOfIterations = rounds,                       // num_round
                LearningRate = 0.2,                                // eta
                NumberOfLeaves = 32,                               // 2^max_depth
                MinimumExampleCountPerLeaf = 10,
                Booster = new GradientBooster.Options
                {
                    MaximumTreeDepth = 5,                          // max_depth
                    MinimumSplitGain = 4,                          // gamma
                    MinimumChildWeight = 6,                        // min_child_weight
                    SubsampleFraction = 0.8, SubsampleFrequency = 1,   // subsample, every round
                },
                NumberOfThreads = 1, Seed = seed, Deterministic = true, Silent = true,
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown model kind."),
        };
    }
}
