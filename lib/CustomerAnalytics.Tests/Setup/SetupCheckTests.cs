using CustomerAnalytics.Torch;
using CustomerAnalytics.Setup;

namespace CustomerAnalytics.Tests.Setup;

public class SetupCheckTests
{
    [Fact]
    public void TheTestEnvironmentPassesEveryCheck()
    {
        var report = SetupCheck.Run(Workshop.Start(new WorkshopSettings { Root = RepositoryPaths.Root }));
        Assert.True(report.Ready, report.ToString());
        Assert.Equal(["NET runtime", "Workshop library", "C++ runtime", "TorchSharp", "DuckDB", "ML.NET", "Sample data"], report.Checks.Select(c => c.Name));
        Assert.All(report.Checks, c => Assert.Equal(CheckStatus.Ok, c.Status));
        Assert.Contains(report.Checks, c => c.Name == "TorchSharp" && c.Detail.Contains("CPU"));
        Assert.Contains(report.Checks, c => c.Name == "Workshop library" && c.Detail == "CustomerAnalytics.dll, CustomerAnalytics.Cloud.dll, CustomerAnalytics.Deep.dll built from the current sources");
        Assert.Same(report, report.ThrowIfFailed());
    }

    [Fact]
    public void The_checks_read_the_workshop_they_are_given_not_the_environment()
    {
        var root = Directory.CreateTempSubdirectory("ca-setup-check-").FullName;
        try
        {
            var report = SetupCheck.Run(Workshop.Start(new WorkshopSettings { Root = root, Device = "tpu" }));

            var torch = report.Checks.Single(c => c.Name == "TorchSharp");
            Assert.Equal(CheckStatus.Failed, torch.Status);
            Assert.Contains("WORKSHOP_DEVICE='tpu' is not a device", torch.Fix); // the workshop's preference
            Assert.Contains(report.Checks, c => c.Name == "Sample data" && c.Status == CheckStatus.Failed && c.Detail.StartsWith("missing: olist/"));
            Assert.Contains(report.Checks, c => c.Name == "Workshop library" && c.Detail.Contains("CustomerAnalytics.dll is not built yet"));
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    [Fact]
    public void FailedChecksAreListedWithTheirFix()
    {
        var report = new SetupReport(
        [
            new CheckResult("NET runtime", CheckStatus.Ok, ".NET 10"),
            new CheckResult("C++ runtime", CheckStatus.Failed, "libstdc++ lacks GLIBCXX_3.4.32", "use Ubuntu 24.04"),
            new CheckResult("Chromium", CheckStatus.Warning, "not found", "apt-get install chromium"),
        ]);
        Assert.False(report.Ready);
        var error = Assert.Throws<SetupIncompleteException>(() => report.ThrowIfFailed());
        Assert.Contains("- C++ runtime: libstdc++ lacks GLIBCXX_3.4.32 Fix: use Ubuntu 24.04", error.Message);
        Assert.DoesNotContain("Chromium", error.Message);
        Assert.Contains("Not ready", report.ToHtml());
        Assert.Contains("FAILED   C++ runtime", report.ToString());
    }

    [Fact]
    public void ProbeFindsSymbolVersionsInBinaryFiles()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [0, 1, .. "GLIBCXX_3.4.30\0GLIBCXX_3.4.32\0"u8.ToArray(), 255]);
            Assert.True(NativeRuntimeProbe.ContainsAscii(path, "GLIBCXX_3.4.32"));
            Assert.False(NativeRuntimeProbe.ContainsAscii(path, "GLIBCXX_3.4.33"));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void ThisLinuxHasTheRuntimeTorchSharpNeeds()
    {
        var (path, ok) = NativeRuntimeProbe.LibStdCxx();
        Assert.True(ok, $"libstdc++ at {path} lacks GLIBCXX_3.4.32: run the tests through .ci/debian13");
    }
}
