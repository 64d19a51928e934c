namespace CustomerAnalytics.Sql;

/// <summary>A SQL engine could not be reached, or a pipeline's input tables are not what it needs.</summary>
public sealed class SqlEngineException(string message, Exception? inner = null) : WorkshopException(message, inner);
