namespace CustomerAnalytics;

/// <summary>
/// A run's output folder (<c>--out</c>) cannot be used: it is a file, it cannot be written, or another run is
/// writing it (<see cref="OwnerProcessId"/>). The runner and the apps report it as a usage error (exit code 2).
/// </summary>
public sealed class OutputFolderException : WorkshopException
{
    /// <summary>The output folder (full path).</summary>
    public string Folder { get; }

    /// <summary>The process id of the run that holds the folder, when that is the problem.</summary>
    public int? OwnerProcessId { get; }

    /// <summary>Creates the exception.</summary>
    public OutputFolderException(string message, string folder, int? ownerProcessId = null, Exception? inner = null) : base(message, inner)
    {
        Folder = folder;
        OwnerProcessId = ownerProcessId;
    }
}
