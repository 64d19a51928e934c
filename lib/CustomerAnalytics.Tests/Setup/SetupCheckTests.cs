using CustomerAnalytics.Torch;
using CustomerAnalytics.Setup;

namespace CustomerAnalytics.Tests.Setup;

public class SetupCheckTests
{
    [Fact]
    public void TheTestEnvironmentPassesEveryCheck()
    {
        var report = SetupCheck.Run();
        Assert.True(report.Ready, report.ToString());
        Assert.Equal(["NET runtime", "C++ runtime", "TorchSharp", "DuckDB", "ML.NET", "Sample data"], report.Checks.Select(c => c.Name));
        Assert.All(report.Checks, c => Assert.Equal(CheckStatus.Ok, c.Status));
        Assert.Contains(report.Checks, c => c.Name == "TorchSharp" && c.Detail.Contains("CPU"));
        Assert.Same(report, report.ThrowIfFailed());
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
