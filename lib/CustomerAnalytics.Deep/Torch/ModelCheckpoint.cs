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
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temporary = Path + ".tmp";
        module.save(temporary); // TorchSharp writes each tensor's bytes from a CPU copy
        File.Move(temporary, Path, overwrite: true); // never leave a half-written checkpoint behind
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
    public static void Load(nn.Module module, string path, Device? device = null) => Load(module, m => m.load(path), device);

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
