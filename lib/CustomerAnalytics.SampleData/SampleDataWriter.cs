using System.Globalization;

namespace CustomerAnalytics.SampleData;

/// <summary>
/// Writes every dataset the workshops use, with their truth files. The committed sample under data/ is exactly
/// <c>SampleDataWriter.WriteAll("data")</c>; regenerate it with
/// <c>dotnet run --project lib/CustomerAnalytics.Runner -- --generate-data data</c>.
/// </summary>
public static class SampleDataWriter
{
    /// <summary>Sub-folder of each dataset inside the data folder.</summary>
    public const string OlistFolder = "olist", OnlineRetailFolder = "online-retail", PropensityFolder = "propensity",
        JourneysFolder = "journeys", Ga4Folder = "ga4", TruthFolder = "truth", LargeFolder = "large";

    /// <summary>
    /// Writes all five datasets under <paramref name="dataDir"/> (olist/, online-retail/, propensity/, journeys/,
    /// ga4/, truth/). With <see cref="SampleSize.Large"/> it writes benchmark-sized files to
    /// <c>dataDir/large/</c> instead.
    /// </summary>
    public static SampleDataResult WriteAll(string dataDir, SampleSize size = SampleSize.Sample)
    {
        string root = size == SampleSize.Large ? Path.Combine(dataDir, LargeFolder) : dataDir;
        string truth = Path.Combine(root, TruthFolder);
        bool large = size == SampleSize.Large;
        var olist = new OlistGenerator(large ? new OlistOptions { Orders = 1_000_000 } : null)
            .Write(Path.Combine(root, OlistFolder), truth);
        var retail = new OnlineRetailGenerator(large ? new OnlineRetailOptions { Lines = 1_000_000 } : null)
            .Write(Path.Combine(root, OnlineRetailFolder), truth);
        var propensity = new PropensityGenerator(large ? new PropensityOptions { Sessions = 455_401 } : null)
            .Write(Path.Combine(root, PropensityFolder), truth);
        var journeys = new JourneyGenerator(large ? new JourneyOptions { Journeys = 200_000 } : null)
            .Write(Path.Combine(root, JourneysFolder), truth);
        var ga4 = new Ga4EventGenerator(large ? new Ga4Options { Users = 100_000 } : null)
            .Write(Path.Combine(root, Ga4Folder), truth);
        return new SampleDataResult(root, olist, retail, propensity, journeys, ga4);
    }

    /// <summary>
    /// Console entry for regenerating data: <c>&lt;dataDir&gt; [--large]</c>. Prints each file with its rows and size.
    /// Returns 0 on success, 2 on bad arguments.
    /// </summary>
    public static int Main(string[] args)
    {
        var folders = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        bool large = args.Contains("--large");
        if (folders.Count != 1 || args.Any(a => a.StartsWith("--", StringComparison.Ordinal) && a != "--large"))
        {
            Console.Error.WriteLine("usage: <dataDir> [--large]   writes the sample datasets (or large ones to <dataDir>/large)");
            return 2;
        }
        var result = WriteAll(folders[0], large ? SampleSize.Large : SampleSize.Sample);
        foreach (var file in result.Files)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file.Path,-70} {file.Rows,10} rows {file.Bytes,12} bytes"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total {result.TotalBytes} bytes"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"journeys: best next-touchpoint accuracy {result.Journeys.BestNextTouchpointAccuracy:F4}, best visit accuracy {result.Journeys.BestVisitAccuracy:F4}; GA4: best next-event accuracy {result.Ga4.BestNextEventAccuracy:F4}"));
        return 0;
    }
}
