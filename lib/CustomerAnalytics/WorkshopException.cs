namespace CustomerAnalytics;

/// <summary>
/// Base of every error the library raises on purpose. Each failure family (missing data, bad schema,
/// S3 transfer, chart export, ...) derives from it, and every message says what to do next.
/// </summary>
public abstract class WorkshopException : Exception
{
    /// <summary>Creates the exception with a message that tells the user how to fix the problem.</summary>
    protected WorkshopException(string message, Exception? inner = null) : base(message, inner) { }
}
