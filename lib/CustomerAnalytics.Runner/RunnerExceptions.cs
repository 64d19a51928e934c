namespace CustomerAnalytics.Runner;

/// <summary>The command line was wrong (unknown option, missing value, path that does not exist). Exit code 2.</summary>
public sealed class RunnerUsageException(string message) : WorkshopException(message, null);

/// <summary>A <c>--param</c> names a variable no notebook declares, or its value does not fit the declared type. Exit code 2.</summary>
public sealed class NotebookParameterException(string message) : WorkshopException(message, null);

/// <summary>A notebook file is not valid JSON or not a Jupyter (nbformat 4) notebook.</summary>
public sealed class NotebookFormatException(string message, Exception? inner = null) : WorkshopException(message, inner);
