using TorchSharp;

namespace CustomerAnalytics.Torch;

/// <summary>
/// Picks the TorchSharp device once per process: CUDA when present, else CPU.
/// Notebooks call <see cref="Select(DevicePreference)"/> in their setup cell; every later call returns the same answer,
/// so libtorch's native library is initialised exactly once.
/// </summary>
/// <remarks>
/// The preference comes from the caller, never from the environment: <see cref="Select(Workshop)"/> takes the
/// workshop's (<see cref="WorkshopSettings.DeviceVariable"/>, read once by <see cref="Workshop.Start()"/>, or the host's
/// settings); the runner hands a notebook's <c>TorchDevice.Select()</c> the run's preference explicitly.
/// </remarks>
public static class TorchDevice
{
    private static readonly Lock Gate = new();
    // Process-wide on purpose: libtorch's native library is initialised once per process and cannot switch device.
    private static TorchDeviceInfo? selected;

    /// <summary>The device chosen by the first <see cref="Select(DevicePreference)"/> call (selecting with Auto if none was made).</summary>
    public static torch.Device Current => Select().Device;

    /// <summary>
    /// Initialises TorchSharp and returns the device to train on. The first call decides; later calls
    /// return the same result (asking for a different device later is an error, not a silent switch).
    /// </summary>
    /// <exception cref="TorchUnavailableException">libtorch cannot load, or CUDA was required but is absent.</exception>
    public static TorchDeviceInfo Select(DevicePreference preference = DevicePreference.Auto)
    {
        lock (Gate)
        {
            if (selected is not null)
            {
                if (preference == DevicePreference.Cuda && !selected.IsCuda)
                    throw new TorchUnavailableException("TorchSharp already runs on the CPU in this process; restart the kernel to switch to CUDA.");
                return selected;
            }
            selected = Initialise(preference);
            return selected;
        }
    }

    /// <summary>Seeds libtorch's generators (CPU and, when used, CUDA) for reproducible training.</summary>
    public static void Seed(long seed)
    {
        var info = Select();
        torch.manual_seed(seed);
        if (info.IsCuda) torch.cuda.manual_seed_all(seed);
    }

    /// <summary><see cref="Select(DevicePreference)"/> with the workshop's preference (<see cref="Workshop.Device"/>).</summary>
    /// <exception cref="TorchUnavailableException">The preference is not a device, libtorch cannot load, or CUDA was required but is absent.</exception>
    public static TorchDeviceInfo Select(Workshop workshop)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        return Select(Parse(workshop.Device));
    }

    /// <summary>A device preference as written in settings: cpu, cuda (or gpu), auto; null or empty is auto.</summary>
    /// <exception cref="TorchUnavailableException">Anything else, naming the setting.</exception>
    public static DevicePreference Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => DevicePreference.Auto,
        "cpu" => DevicePreference.Cpu,
        "cuda" or "gpu" => DevicePreference.Cuda,
        var other => throw new TorchUnavailableException($"{WorkshopSettings.DeviceVariable}='{other}' is not a device; use cpu, cuda or auto."),
    };

    private static TorchDeviceInfo Initialise(DevicePreference preference)
    {
        try
        {
            // TryInitializeDeviceType(CUDA) is false on CPU-only builds (TorchSharp-cpu), true with TorchSharp-cuda-*.
            if (preference != DevicePreference.Cpu && torch.TryInitializeDeviceType(DeviceType.CUDA) && torch.cuda.is_available())
                return Describe(torch.CUDA, $"CUDA found ({torch.cuda.device_count()} GPU(s)): training runs on the GPU.");
            if (preference == DevicePreference.Cuda)
                throw new TorchUnavailableException(
                    "CUDA was requested but is not available. On an NVIDIA machine reference 'TorchSharp-cuda-linux' " +
                    "(or -windows) instead of 'TorchSharp-cpu' and check the driver with nvidia-smi; otherwise use DevicePreference.Auto.");
            torch.InitializeDeviceType(DeviceType.CPU);
            var why = preference == DevicePreference.Cpu
                ? "CPU requested."
                : "No CUDA device or CUDA build of TorchSharp here: training runs on the CPU (the workshops are sized for it).";
            return Describe(torch.CPU, why);
        }
        catch (Exception e) when (e is not TorchUnavailableException)
        {
            throw new TorchUnavailableException(TorchLoadDiagnosis.Explain(e), e);
        }
    }

    private static TorchDeviceInfo Describe(torch.Device device, string reason) =>
        new(device, reason, device.type == DeviceType.CUDA ? torch.cuda.device_count() : 0, torch.__version__, torch.get_num_threads());
}
