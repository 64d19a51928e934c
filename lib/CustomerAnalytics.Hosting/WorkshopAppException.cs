namespace CustomerAnalytics.Hosting;

/// <summary>A file-based app was started with arguments it cannot use (unknown parameter, value of the wrong type).</summary>
public sealed class WorkshopAppException(string message) : WorkshopException(message, null);
