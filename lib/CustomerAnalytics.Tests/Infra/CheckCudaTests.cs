namespace CustomerAnalytics.Tests.Infra;

/// <summary>infra/check-cuda.sh for real, with the CPU package: it must say CUDA is not available and exit 1.</summary>
public class CheckCudaTests
{
    [Fact]
    public void With_the_cpu_package_cuda_is_reported_unavailable()
    {
        var result = InfraPaths.Run("bash", [InfraPaths.CheckCuda, "TorchSharp-cpu", "0.107.0"]);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("CUDA is not available", result.Output);
    }
}
