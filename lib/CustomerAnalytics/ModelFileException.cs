namespace CustomerAnalytics;

/// <summary>
/// A saved model file (an ML.NET .zip, TorchSharp weights, a drift baseline) is missing, damaged or not what it should
/// be; the message names the file and how to get a good one back.
/// </summary>
public sealed class ModelFileException : WorkshopException
{
    /// <summary>The model file.</summary>
    public string Path { get; }

    /// <summary>Creates the exception.</summary>
    public ModelFileException(string message, string path, Exception? inner = null) : base(message, inner) => Path = path;
}
