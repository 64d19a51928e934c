using TorchSharp;

namespace CustomerAnalytics.Sequences;

/// <summary>Saves a module's weights to one file and restores them (the best epoch's weights, typically).</summary>
public sealed class ModelCheckpoint(string path)
{
    /// <summary>The checkpoint file.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>True once weights were saved.</summary>
    public bool Exists => File.Exists(Path);

    /// <summary>Writes the module's weights (TorchSharp's format; the same shapes are needed to load them).</summary>
    public void Save(torch.nn.Module module)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temporary = Path + ".tmp";
        module.save(temporary);
        File.Move(temporary, Path, overwrite: true); // never leave a half-written checkpoint behind
    }

    /// <summary>Loads the saved weights into <paramref name="module"/>.</summary>
    /// <exception cref="FileNotFoundException">Nothing was saved at <see cref="Path"/>.</exception>
    public void Restore(torch.nn.Module module)
    {
        if (!Exists) throw new FileNotFoundException($"No checkpoint at {Path}: train the model first (the trainer saves the best epoch there).", Path);
        module.load(Path);
    }

    /// <summary>A checkpoint in the temporary folder, for runs that do not need to keep one.</summary>
    public static ModelCheckpoint Temporary(string prefix = "seq2seq") =>
        new(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}.bin"));
}
