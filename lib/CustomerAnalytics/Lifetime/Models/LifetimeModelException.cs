namespace CustomerAnalytics.Lifetime.Models;

/// <summary>A lifetime-value model that cannot be fitted or used on the data given: the message says why and what to change.</summary>
public sealed class LifetimeModelException(string message) : WorkshopException(message);
