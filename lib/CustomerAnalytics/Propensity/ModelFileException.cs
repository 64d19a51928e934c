namespace CustomerAnalytics.Propensity;

/// <summary>A saved model file is missing or cannot be read as an ML.NET model.</summary>
public sealed class ModelFileException : WorkshopException
{
    /// <summary>The model file.</summary>
    public string Path { get; }

    /// <summary>Creates the exception.</summary>
    public ModelFileException(string message, string path, Exception? inner = null) : base(message, inner) => Path = path;
}
