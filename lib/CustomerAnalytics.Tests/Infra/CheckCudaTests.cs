namespace CustomerAnalytics.Tests.Infra;

/// <summary>
/// infra/check-cuda.sh for real, with the CPU package and no nvidia-smi: it must say there is no GPU and CUDA is not
/// available, and exit 1 (this also compiles its timing code; the GPU lines are checked in the bootstrap sandbox).
/// </summary>
public class CheckCudaTests
{
    [Fact]
    public void With_the_cpu_package_cuda_is_reported_unavailable()
    {
        var result = InfraPaths.Run("bash", [InfraPaths.CheckCuda, "TorchSharp-cpu", "0.107.0"]);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("gpu: none visible (nvidia-smi is missing or lists no GPU)\n", result.Output);
        Assert.Contains("cuda: CUDA is not available: the CUDA backend did not load", result.Output);
    }
}
