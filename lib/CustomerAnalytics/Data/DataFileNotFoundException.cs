namespace CustomerAnalytics.Data;

/// <summary>A data file (or dataset folder) the loader was asked for does not exist.</summary>
public sealed class DataFileNotFoundException : WorkshopException
{
    /// <summary>The command that regenerates the sample data from the repository root.</summary>
    public const string RegenerateCommand = "dotnet run --project lib/CustomerAnalytics.Runner -- --generate-data data";

    /// <summary>The path or s3:// URI that was not found.</summary>
    public string Path { get; }

    /// <summary>Creates the exception for <paramref name="path"/>; <paramref name="detail"/> adds context.</summary>
    public DataFileNotFoundException(string path, string? detail = null, Exception? inner = null)
        : base(BuildMessage(path, detail), inner) => Path = path;

    private static string BuildMessage(string path, string? detail)
    {
        var shown = path.StartsWith("s3://", StringComparison.OrdinalIgnoreCase) ? path : System.IO.Path.GetFullPath(path);
        return $"Data file not found: {shown}." + (detail is null ? "" : " " + detail) +
               " To get the data: see data/README.md (where to download each public dataset and its licence), or" +
               $" regenerate the small sample files from the repository root with `{RegenerateCommand}`.";
    }
}
