namespace CustomerAnalytics.Tests.Infra;

/// <summary>infra/use-cuda.sh on a copy of the notebooks, the tests project and the package versions.</summary>
public class UseCudaTests : IDisposable
{
    private readonly string _copy = InfraPaths.NewTempFolder("ca-use-cuda-");

    public UseCudaTests()
    {
        CopyFolder(RepositoryPaths.Notebooks, Path.Combine(_copy, "notebooks"));
        File.Copy(Path.Combine(RepositoryPaths.Root, "Directory.Packages.props"), Path.Combine(_copy, "Directory.Packages.props"));
        Directory.CreateDirectory(Path.Combine(_copy, "lib", "CustomerAnalytics.Tests"));
        File.Copy(Path.Combine(RepositoryPaths.Root, TestsProject), Path.Combine(_copy, TestsProject));
        // A file-based app twin, the other place a native package is named.
        File.WriteAllText(Path.Combine(_copy, "notebooks", "twin.cs"), "#:package TorchSharp-cpu@0.107.0\n#:package TorchSharp-cpu\n#:package Npgsql@10.0.3\n");
    }

    private const string TestsProject = "lib/CustomerAnalytics.Tests/CustomerAnalytics.Tests.csproj";

    public void Dispose() => Directory.Delete(_copy, recursive: true);

    private InfraPaths.Result UseCuda(string mode)
    {
        var result = InfraPaths.Run("bash", [InfraPaths.UseCuda, mode, _copy]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    private Dictionary<string, string> Snapshot() =>
        Directory.GetFiles(_copy, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(_copy, f), File.ReadAllText);

    [Fact]
    public void Cuda_switches_every_native_reference_and_nothing_else()
    {
        var before = Snapshot();
        UseCuda("cuda");
        var after = Snapshot();

        var notebooksWithCpu = before.Where(f => f.Key.EndsWith(".ipynb") && f.Value.Contains("nuget: TorchSharp-cpu, 0.107.0")).ToList();
        Assert.NotEmpty(notebooksWithCpu);
        foreach (var (file, text) in notebooksWithCpu)
            Assert.Equal(text.Replace("#r \\\"nuget: TorchSharp-cpu, 0.107.0\\\"", "#r \\\"nuget: TorchSharp-cuda-linux, 0.107.0\\\""), after[file]);
        Assert.Equal("#:package TorchSharp-cuda-linux@0.107.0\n#:package TorchSharp-cuda-linux\n#:package Npgsql@10.0.3\n", after["notebooks/twin.cs"]);
        var appsWithCpu = before.Where(f => f.Key.StartsWith("notebooks/apps/") && f.Value.Contains("#:package TorchSharp-cpu\n")).ToList();
        Assert.NotEmpty(appsWithCpu); // the generated twins name the package without a version (Directory.Packages.props has it)
        foreach (var (file, text) in appsWithCpu)
            Assert.Equal(text.Replace("#:package TorchSharp-cpu\n", "#:package TorchSharp-cuda-linux\n"), after[file]);
        Assert.Contains("<PackageReference Include=\"TorchSharp-cuda-linux\" />", after[TestsProject]);
        Assert.DoesNotContain("TorchSharp-cpu", after[TestsProject]);
        Assert.Contains("<PackageVersion Include=\"TorchSharp-cuda-linux\" Version=\"0.107.0\" />", after["Directory.Packages.props"]);
        Assert.Contains("<PackageVersion Include=\"TorchSharp-cpu\" Version=\"0.107.0\" />", after["Directory.Packages.props"]);
        Assert.Equal("cuda", UseCuda("status").Output.Trim());
    }

    [Fact]
    public void Switching_twice_changes_nothing_and_cpu_restores_every_byte()
    {
        var original = Snapshot();
        UseCuda("cuda");
        var once = Snapshot();
        Assert.Contains("(0 file(s) changed)", UseCuda("cuda").Output);
        Assert.Equal(once, Snapshot());

        UseCuda("cpu");
        Assert.Equal(original, Snapshot());
        Assert.Contains("(0 file(s) changed)", UseCuda("cpu").Output);
        Assert.Equal("cpu", UseCuda("status").Output.Trim());
    }

    [Fact]
    public void Unknown_mode_is_a_usage_error()
    {
        var result = InfraPaths.Run("bash", [InfraPaths.UseCuda, "gpu", _copy]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage:", result.Output);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
