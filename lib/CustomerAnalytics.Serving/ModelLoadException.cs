namespace CustomerAnalytics.Serving;

/// <summary>A model file that cannot be served; the message names the file and why.</summary>
public sealed class ModelLoadException(string message, Exception inner) : Exception(message, inner);
