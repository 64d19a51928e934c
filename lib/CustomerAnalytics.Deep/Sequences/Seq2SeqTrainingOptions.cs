namespace CustomerAnalytics.Sequences;

/// <summary>How a <see cref="Seq2SeqModel"/> is trained. Defaults suit the journey sample on a CPU.</summary>
public sealed record Seq2SeqTrainingOptions
{
    /// <summary>Most epochs to run (early stopping usually ends sooner).</summary>
    public int Epochs { get; init; } = 25;
    /// <summary>Sequences per gradient step.</summary>
    public int BatchSize { get; init; } = 64;
    /// <summary>Adam learning rate.</summary>
    public double LearningRate { get; init; } = 0.003;
    /// <summary>Stop after this many epochs without a lower validation loss.</summary>
    public int Patience { get; init; } = 4;
    /// <summary>Gradients are clipped to this norm (LSTMs occasionally produce large ones).</summary>
    public double GradientClipNorm { get; init; } = 1.0;
    /// <summary>Seed of the batch order (the model's initial weights take their own seed).</summary>
    public int Seed { get; init; } = 42;
    /// <summary>Where the best epoch's weights go; a temporary file when null.</summary>
    public string? CheckpointPath { get; init; }
}
