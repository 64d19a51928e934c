namespace CustomerAnalytics.Torch;

/// <summary>TorchSharp's native library could not be loaded, or the requested device is absent.</summary>
public sealed class TorchUnavailableException(string message, Exception? inner = null) : WorkshopException(message, inner);
