namespace CustomerAnalytics.Propensity.Models;

/// <summary>The model service could not be started: not built, exited, or never healthy (the message holds its output).</summary>
public sealed class ModelServiceException(string message) : WorkshopException(message);
