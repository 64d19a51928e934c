using System.Runtime.InteropServices;
using CustomerAnalytics.Torch;
using DuckDB.NET.Data;
using Microsoft.ML;

namespace CustomerAnalytics.Setup;

/// <summary>Checks that this machine can run every workshop, and says how to fix what is missing.</summary>
public static class SetupCheck
{
    /// <summary>Runs every check on <paramref name="workshop"/>'s repository (the notebook's <c>Workshop.Start()</c>, or a
    /// host's workshop); never throws (call <see cref="SetupReport.ThrowIfFailed"/> to stop on failures).</summary>
    public static SetupReport Run(Workshop workshop)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        return new([Runtime(), Library(workshop), CppRuntime(), TorchSharp(workshop), DuckDb(), MlNet(), SampleData(workshop)]);
    }

    private static CheckResult Library(Workshop workshop)
    {
        var projects = LibraryBuild.NotebookProjects;
        var reasons = projects.Select(p => LibraryBuild.WhyBuild(workshop.Root, p)).OfType<string>().ToArray();
        return reasons.Length == 0
            ? new("Workshop library", CheckStatus.Ok, $"{string.Join(", ", projects.Select(p => p + ".dll"))} built from the current sources")
            : new("Workshop library", CheckStatus.Failed, string.Join("; ", reasons),
                  $"Run step 1 of notebook 00 again (it builds them), or {LibraryBuild.BuildCommand} in the repository folder; then restart the kernel.");
    }

    private static CheckResult SampleData(Workshop workshop)
    {
        string[] expected = ["olist/olist_orders_dataset.csv", "online-retail/online_retail.csv", "propensity/training_sample.csv",
                             "journeys/touchpoint_journeys.tsv", "ga4/ga4_events.csv"];
        var missing = expected.Where(f => !File.Exists(workshop.DataPath(f))).ToArray();
        return missing.Length == 0
            ? new("Sample data", CheckStatus.Ok, $"{expected.Length} datasets in {workshop.DataFolder}")
            : new("Sample data", CheckStatus.Failed, "missing: " + string.Join(", ", missing),
                  "Regenerate them: dotnet run --project lib/CustomerAnalytics.Runner -- --generate-data data");
    }

    private static CheckResult Runtime()
    {
        var detail = $".NET {Environment.Version} on {RuntimeInformation.OSDescription} ({RuntimeInformation.ProcessArchitecture})";
        return Environment.Version.Major >= 10
            ? new("NET runtime", CheckStatus.Ok, detail)
            : new("NET runtime", CheckStatus.Failed, detail, "Install the .NET 10 SDK (global.json pins 10.0.x).");
    }

    private static CheckResult CppRuntime()
    {
        var (path, ok) = NativeRuntimeProbe.LibStdCxx();
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) return new("C++ runtime", CheckStatus.Ok, "not needed on this OS");
        return ok
            ? new("C++ runtime", CheckStatus.Ok, $"{path} has {NativeRuntimeProbe.RequiredGlibcxx}")
            : new("C++ runtime", CheckStatus.Failed, $"{path ?? "libstdc++.so.6 not found"} lacks {NativeRuntimeProbe.RequiredGlibcxx}",
                "TorchSharp needs GCC 13+'s libstdc++. " + NativeRuntimeProbe.Fix);
    }

    private static CheckResult TorchSharp(Workshop workshop)
    {
        try
        {
            var info = TorchDevice.Select(workshop);
            return new("TorchSharp", CheckStatus.Ok, info.ToString());
        }
        catch (TorchUnavailableException e)
        {
            return new("TorchSharp", CheckStatus.Failed, "libtorch did not load.", e.Message);
        }
    }

    private static CheckResult DuckDb()
    {
        try
        {
            using var connection = new DuckDBConnection("DataSource=:memory:");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT version()";
            return new("DuckDB", CheckStatus.Ok, $"in-process DuckDB {command.ExecuteScalar()}");
        }
        catch (Exception e)
        {
            return new("DuckDB", CheckStatus.Failed, e.Message, "Reference DuckDB.NET.Data.Full (it carries the native library) and restore packages.");
        }
    }

    private static CheckResult MlNet()
    {
        try
        {
            var ml = new MLContext(seed: 1);
            var points = Enumerable.Range(0, 20).Select(i => new Point { Features = [i % 2 == 0 ? i : 100 + i] }).ToArray();
            var model = ml.Clustering.Trainers.KMeans(nameof(Point.Features), numberOfClusters: 2)
                .Fit(ml.Data.LoadFromEnumerable(points));
            return new("ML.NET", CheckStatus.Ok, $"ML.NET {typeof(MLContext).Assembly.GetName().Version} trained a 2-cluster k-means");
        }
        catch (Exception e)
        {
            return new("ML.NET", CheckStatus.Failed, e.Message, "Restore the Microsoft.ML packages (see the setup cell).");
        }
    }

    private sealed class Point
    {
        [Microsoft.ML.Data.VectorType(1)]
        public float[] Features { get; set; } = [];
    }
}
