namespace CustomerAnalytics.Torch;

/// <summary>How a sequence model is trained: Adam, gradient clipping, early stopping, a seed. Workshop 05 reads it from
/// the "training" section of a model configuration and also uses <see cref="L2"/>, <see cref="Metric"/> and
/// <see cref="MaxTrainExamples"/>; workshop 04 early-stops on the validation loss.</summary>
public sealed record TrainingOptions
{
    /// <summary>Most epochs (early stopping may end sooner).</summary>
    public int Epochs { get; init; } = 10;
    /// <summary>Examples per batch.</summary>
    public int BatchSize { get; init; } = 64;
    /// <summary>Adam learning rate.</summary>
    public double LearningRate { get; init; } = 0.003;
    /// <summary>L2 penalty: this times the sum of squared weights (not biases) is added to the loss.</summary>
    public double L2 { get; init; } = 1e-5;
    /// <summary>Gradient clipping: the gradients' global L2 norm is scaled down to at most this before each step; 0 = no clipping.</summary>
    public double ClipNorm { get; init; } = 1.0;
    /// <summary>Stop after this many epochs without a better validation score (the best epoch's weights are kept).</summary>
    public int Patience { get; init; } = 3;
    /// <summary>Validation metric for early stopping and the grid search: accuracy, precision, recall or f1.</summary>
    public string Metric { get; init; } = "accuracy";
    /// <summary>Seed of the weights' initialisation, dropout and batch order.</summary>
    public int Seed { get; init; } = 42;
    /// <summary>Cap on training examples per epoch (a seeded sample); 0 = all. Keeps notebook defaults fast.</summary>
    public int MaxTrainExamples { get; init; }
}
