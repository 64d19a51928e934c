using TorchSharp;
using static TorchSharp.torch;

namespace CustomerAnalytics.Torch;

/// <summary>
/// The best epoch's weights, kept for early stopping: <see cref="Save"/> copies a module's weights (to main memory, or
/// to a file when the checkpoint has a <see cref="Path"/>), <see cref="Restore"/> loads them back. Both copies are
/// device-independent, so weights saved from a GPU load on a CPU-only machine and the other way round.
/// </summary>
public sealed class ModelCheckpoint : IDisposable
{
    private Dictionary<string, Tensor>? weights;

    /// <summary>A checkpoint in memory (gone with the process).</summary>
    public ModelCheckpoint() { }

    /// <summary>A checkpoint written to <paramref name="path"/> (kept after the run, loadable by another program).</summary>
    public ModelCheckpoint(string path) => Path = System.IO.Path.GetFullPath(path);

    /// <summary>The checkpoint file, or null for a checkpoint in memory.</summary>
    public string? Path { get; }

    /// <summary>True once weights were saved.</summary>
    public bool Exists => Path is null ? weights is not null : File.Exists(Path);

    /// <summary>Replaces the checkpoint with <paramref name="module"/>'s current weights.</summary>
    public void Save(nn.Module module)
    {
        if (Path is null)
        {
            Release();
            weights = module.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().cpu().clone().DetachFromDisposeScope());
            return;
        }
        // TorchSharp writes each tensor's bytes from a CPU copy; never leave a half-written checkpoint behind.
        AtomicFile.WriteFile(Path, temporary => module.save(temporary));
    }

    /// <summary>Loads the saved weights into <paramref name="module"/> and leaves it on <paramref name="device"/>
    /// (by default the device it was on).</summary>
    /// <exception cref="InvalidOperationException">Nothing was saved yet.</exception>
    public void Restore(nn.Module module, Device? device = null)
    {
        if (!Exists) throw new InvalidOperationException(Path is null
            ? "No weights to restore: call Save after the first validated epoch."
            : $"No checkpoint at {Path}: train the model first (the training loop saves the best epoch there).");
        if (Path is null) Load(module, m => m.load_state_dict(weights!), device);
        else Load(module, Path, device);
    }

    /// <summary>Loads weights written by TorchSharp's <c>Module.save</c> on any device into
    /// <paramref name="module"/> and moves it to <paramref name="device"/> (by default the device it was on).</summary>
    /// <exception cref="ModelFileException">The file is missing, cut short, or holds weights of another model.</exception>
    public static void Load(nn.Module module, string path, Device? device = null)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new ModelFileException($"No weights at {full}: train the model and save it first.", full);
        try
        {
            Load(module, m => m.load(full), device);
        }
        catch (Exception e) when (e is IOException or ArgumentException or FormatException or InvalidDataException or OverflowException
                                      or InvalidOperationException or OutOfMemoryException)
        {
            // A truncated file ends in EndOfStreamException; other damage or another model's weights in shape errors.
            throw new ModelFileException($"{full} cannot be loaded as this model's weights ({e.GetType().Name}: {e.Message}). " +
                "The file is damaged (a run stopped while writing it) or belongs to another model configuration: delete it and train again.", full, e);
        }
    }

    // Loading happens on the CPU (where the saved copies live), then the parameters move to the target device.
    private static void Load(nn.Module module, Action<nn.Module> load, Device? device)
    {
        var target = device ?? module.parameters().FirstOrDefault()?.device ?? CPU;
        module.to(CPU);
        load(module);
        module.to(target);
    }

    /// <inheritdoc />
    public void Dispose() => Release();

    private void Release()
    {
        if (weights is not null) foreach (var w in weights.Values) w.Dispose();
        weights = null;
    }
}
