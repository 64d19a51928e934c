using System.Globalization;

namespace CustomerAnalytics.Cloud;

/// <summary>Whether bytes go to S3 or come from it.</summary>
public enum TransferDirection
{
    /// <summary>Local file to S3.</summary>
    Upload,
    /// <summary>S3 to local file.</summary>
    Download,
}

/// <summary>Progress of one file transfer.</summary>
/// <param name="Uri">The S3 object.</param>
/// <param name="Direction">Upload or download.</param>
/// <param name="BytesTransferred">Bytes moved so far.</param>
/// <param name="TotalBytes">Size of the file.</param>
public sealed record TransferProgress(string Uri, TransferDirection Direction, long BytesTransferred, long TotalBytes)
{
    /// <summary>Done fraction, 0 to 1 (1 for an empty file).</summary>
    public double Fraction => TotalBytes <= 0 ? 1 : Math.Min(1, (double)BytesTransferred / TotalBytes);

    /// <summary>True when every byte has moved.</summary>
    public bool IsComplete => BytesTransferred >= TotalBytes;

    /// <summary>For example "upload s3://b/k: 45% (9.0 of 20.0 MB)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Direction.ToString().ToLowerInvariant()} {Uri}: {Fraction * 100:F0}% ({BytesTransferred / 1e6:F1} of {TotalBytes / 1e6:F1} MB)");
}
