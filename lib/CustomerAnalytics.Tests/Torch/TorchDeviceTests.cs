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
    public void EnvironmentVariableOverridesAuto(string? value, DevicePreference expected) =>
        Assert.Equal(expected, TorchDevice.ApplyEnvironment(DevicePreference.Auto, value));

    [Fact]
    public void ExplicitPreferenceWinsOverEnvironment() =>
        Assert.Equal(DevicePreference.Cpu, TorchDevice.ApplyEnvironment(DevicePreference.Cpu, "cuda"));

    [Fact]
    public void UnknownEnvironmentValueIsAnError()
    {
        var error = Assert.Throws<TorchUnavailableException>(() => TorchDevice.ApplyEnvironment(DevicePreference.Auto, "tpu"));
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

    [Fact]
    public void MissingBackendPackageNamesThePackagesToAdd()
    {
        var message = TorchLoadDiagnosis.Explain(new DllNotFoundException("Unable to load shared library 'LibTorchSharp' or one of its dependencies."));
        Assert.Contains("TorchSharp-cpu", message);
        Assert.Contains("TorchSharp-cuda-linux", message);
    }
}
