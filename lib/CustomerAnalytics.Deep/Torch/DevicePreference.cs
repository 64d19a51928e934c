namespace CustomerAnalytics.Torch;

/// <summary>Which device the workshops should train on.</summary>
public enum DevicePreference
{
    /// <summary>CUDA when a GPU and the CUDA build of TorchSharp are present, otherwise CPU.</summary>
    Auto,
    /// <summary>Always the CPU, even on a GPU machine (useful for comparing or for determinism).</summary>
    Cpu,
    /// <summary>CUDA or an error that explains how to get it.</summary>
    Cuda,
}
