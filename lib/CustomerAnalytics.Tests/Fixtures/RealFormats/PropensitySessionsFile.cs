using CustomerAnalytics.SampleData;

namespace CustomerAnalytics.Tests.Fixtures.RealFormats;

/// <summary>
/// Sessions in the Kaggle "customer propensity to purchase" layout that are not the sample: another seed, so other
/// user ids and rows, written with CRLF line ends (as the file comes out of a Windows export) and no truth file.
/// </summary>
internal static class PropensitySessionsFile
{
    /// <summary>Writes <c>training_sample.csv</c> into <paramref name="folder"/>; returns notebook 03's parameters for it.</summary>
    public static IReadOnlyList<string> Write(string folder) => [WriteFile(folder), "rounds=20", "importanceRepeats=1"];

    /// <summary>Writes the same file; returns notebook 06's parameters for it.</summary>
    public static IReadOnlyList<string> WriteForMonitoring(string folder) => [WriteFile(folder), "driftSessions=1500"];

    private static string WriteFile(string folder)
    {
        var generated = Path.Combine(folder, "propensity-generated");
        var written = new PropensityGenerator(new PropensityOptions { Seed = 7, Sessions = 6_000 }).Write(generated);
        var path = Path.Combine(folder, "propensity", "training_sample.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, File.ReadAllText(written.Path).Replace("\n", "\r\n"));
        Directory.Delete(generated, recursive: true);
        return $"propensitySource={path}";
    }
}
