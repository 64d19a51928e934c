using CustomerAnalytics.Torch;
using TorchSharp;

namespace CustomerAnalytics.Tests.Torch;

[Collection(CustomerAnalytics.Tests.Sequences.TorchTrainingCollection.Name)]
public class TorchDeviceTests
{
    [Fact]
    public void SelectsCpuWithoutAGpuAndExplainsWhy()
    {
        var info = TorchDevice.Select();
        Assert.Equal(DeviceType.CPU, info.Device.type);
        Assert.False(info.IsCuda);
        Assert.Equal(0, info.CudaDeviceCount);
        Assert.StartsWith("2.", info.TorchVersion);
        Assert.Contains("CPU", info.Reason);
        Assert.Contains("<table>", info.ToHtml());
    }

    [Fact]
    public void SelectingAgainReturnsTheSameDevice()
    {
        Assert.Same(TorchDevice.Select(), TorchDevice.Select(DevicePreference.Auto));
        Assert.Equal(TorchDevice.Select().Device.type, TorchDevice.Current.type);
    }

    [Fact]
    public void RequiringCudaOnACpuMachineFailsWithAdvice()
    {
        TorchDevice.Select();
        var error = Assert.Throws<TorchUnavailableException>(() => TorchDevice.Select(DevicePreference.Cuda));
        Assert.Contains("CUDA", error.Message);
    }

    [Fact]
    public void TensorsComputeOnTheSelectedDevice()
    {
        var device = TorchDevice.Current;
        using var a = torch.tensor(new float[] { 1, 2, 3, 4 }, [2, 2], device: device);
        using var product = a.matmul(a);
        Assert.Equal(new float[] { 7, 10, 15, 22 }, product.data<float>().ToArray());
    }

    [Fact]
    public void SeedingMakesRandomTensorsRepeat()
    {
        TorchDevice.Seed(42);
        using var first = torch.randn(5);
        TorchDevice.Seed(42);
        using var second = torch.randn(5);
        Assert.Equal(first.data<float>().ToArray(), second.data<float>().ToArray());
    }

    [Theory]
    [InlineData(null, DevicePreference.Auto)]
    [InlineData("", DevicePreference.Auto)]
    [InlineData("CPU", DevicePreference.Cpu)]
    [InlineData(" gpu ", DevicePreference.Cuda)]
    [InlineData("cuda", DevicePreference.Cuda)]
    public void TheSettingParsesToAPreference(string? value, DevicePreference expected) =>
        Assert.Equal(expected, TorchDevice.Parse(value));

    [Fact]
    public void UnknownSettingIsAnErrorNamingTheVariable()
    {
        var error = Assert.Throws<TorchUnavailableException>(() => TorchDevice.Parse("tpu"));
        Assert.Contains("WORKSHOP_DEVICE='tpu'", error.Message);
    }
}

public class TorchLoadDiagnosisTests
{
    [Fact]
    public void OldLibstdcxxIsExplainedWithDistributionsThatWork()
    {
        var error = new TypeInitializationException("TorchSharp.torch",
            new DllNotFoundException("Unable to load shared library 'LibTorchSharp': /lib/x86_64-linux-gnu/libstdc++.so.6: version `GLIBCXX_3.4.32' not found"));
        var message = TorchLoadDiagnosis.Explain(error);
        Assert.Contains("GCC 13", message);
        Assert.Contains("Ubuntu 24.04", message);
        Assert.Contains("Debian 13", message);
        Assert.Contains("GLIBCXX_3.4.32", message);
    }

    // TorchSharp's real message when libLibTorchSharp.so does not load, whatever the reason (seen on Debian 12).
    private static Exception TorchSharpLoadFailure() => new TypeInitializationException("TorchSharp.torch",
        new NotSupportedException("This application or script uses TorchSharp but doesn't contain a reference to libtorch-cpu-linux-x64, Version=2.10.0.0."));

    // .NET's DllNotFoundException text: its own advice first, dlerror's on the following line.
    private const string OldRuntimeLoaderText =
        "Unable to load shared library '/tmp/x/libLibTorchSharp.so' or one of its dependencies. In order to help diagnose loading problems, " +
        "consider using a tool like strace. If you're using glibc, consider setting the LD_DEBUG environment variable: \n" +
        "/lib/x86_64-linux-gnu/libstdc++.so.6: version `GLIBCXX_3.4.32' not found (required by /tmp/x/libtorch_cpu.so)\n";

    [Fact]
    public void StandInRuntimeWithoutTheSymbolGetsTheCppRuntimeAdviceNotTheMissingPackageOne()
    {
        var folder = Directory.CreateTempSubdirectory("ca-libstdcxx-");
        try
        {
            // A stand-in libstdc++ of GCC 12: its symbol versions stop at GLIBCXX_3.4.30.
            File.WriteAllBytes(Path.Combine(folder.FullName, "libstdc++.so.6"), [0x7F, .. "ELF\0GLIBCXX_3.4.29\0GLIBCXX_3.4.30\0"u8.ToArray()]);
            var runtime = CustomerAnalytics.Torch.NativeRuntimeProbe.LibStdCxx([folder.FullName]);
            Assert.False(runtime.HasRequiredVersion);

            var message = TorchLoadDiagnosis.Explain(TorchSharpLoadFailure(), runtime, () => OldRuntimeLoaderText);

            Assert.Contains($"{Path.Combine(folder.FullName, "libstdc++.so.6")} lacks GLIBCXX_3.4.32", message);
            Assert.Contains("the loader says: /lib/x86_64-linux-gnu/libstdc++.so.6: version `GLIBCXX_3.4.32' not found (required by /tmp/x/libtorch_cpu.so)", message);
            Assert.Contains("GCC 13", message);
            Assert.Contains("Ubuntu 24.04", message);
            Assert.Contains("Debian 13", message);
            Assert.Contains("dev container", message);
            Assert.Contains("sudo .ci/debian13 <command>", message);
            Assert.DoesNotContain("Reference a backend package", message);
        }
        finally { folder.Delete(recursive: true); }
    }

    [Fact]
    public void LoaderErrorNamingGlibcxxGetsTheCppRuntimeAdviceEvenWhenTheProbeMissedIt()
    {
        var message = TorchLoadDiagnosis.Explain(TorchSharpLoadFailure(), ("/opt/other/libstdc++.so.6", true), () => OldRuntimeLoaderText);
        Assert.Contains("GCC 13", message);
        Assert.Contains("version `GLIBCXX_3.4.32' not found", message);
        Assert.DoesNotContain("Reference a backend package", message);
    }

    [Fact]
    public void LibraryThatExistsButDoesNotLoadIsNotCalledMissing()
    {
        var message = TorchLoadDiagnosis.Explain(TorchSharpLoadFailure(), (null, true),
            () => "Unable to load shared library '/tmp/x/libLibTorchSharp.so' or one of its dependencies. (advice)\nlibgomp.so.1: cannot open shared object file: No such file or directory");
        Assert.Contains("is there but the system cannot load it", message);
        Assert.Contains("libgomp.so.1: cannot open shared object file", message);
        Assert.DoesNotContain("Reference a backend package", message);
    }

    [Fact]
    public void LoaderErrorIsTheDynamicLoadersOwnText()
    {
        var folder = Directory.CreateTempSubdirectory("ca-libtorchsharp-");
        try
        {
            var standIn = Path.Combine(folder.FullName, "libLibTorchSharp.so");
            File.WriteAllText(standIn, "not a shared library");
            var error = TorchLoadDiagnosis.LoaderError([Path.Combine(folder.FullName, "absent.so"), standIn]);
            Assert.NotNull(error);
            Assert.Contains(standIn, error);
            Assert.Null(TorchLoadDiagnosis.LoaderError([Path.Combine(folder.FullName, "absent.so")]));
        }
        finally { folder.Delete(recursive: true); }
    }

    [Fact]
    public void MissingBackendPackageNamesThePackagesToAdd()
    {
        var message = TorchLoadDiagnosis.Explain(new DllNotFoundException("Unable to load shared library 'LibTorchSharp' or one of its dependencies."),
            ("/usr/lib/x86_64-linux-gnu/libstdc++.so.6", true), () => null);
        Assert.Contains("TorchSharp-cpu", message);
        Assert.Contains("TorchSharp-cuda-linux", message);
    }
}
