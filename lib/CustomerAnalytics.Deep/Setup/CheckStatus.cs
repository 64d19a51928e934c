namespace CustomerAnalytics.Setup;

/// <summary>Outcome of one readiness check.</summary>
public enum CheckStatus
{
    /// <summary>Ready.</summary>
    Ok,
    /// <summary>Works, but something is worth knowing (e.g. no PNG export).</summary>
    Warning,
    /// <summary>A workshop will fail until this is fixed.</summary>
    Failed,
}

/// <summary>One line of the setup report.</summary>
/// <param name="Name">What was checked.</param>
/// <param name="Status">The outcome.</param>
/// <param name="Detail">What was found (versions, device, paths).</param>
/// <param name="Fix">What to do about a warning or failure; empty when ready.</param>
public sealed record CheckResult(string Name, CheckStatus Status, string Detail, string Fix = "");
