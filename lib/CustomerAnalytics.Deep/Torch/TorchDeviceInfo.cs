using CustomerAnalytics.Display;
using TorchSharp;

namespace CustomerAnalytics.Torch;

/// <summary>The device TorchSharp will use, and why it was chosen.</summary>
/// <param name="Device">Pass this to <c>model.to(...)</c> and tensor constructors.</param>
/// <param name="Reason">One sentence a workshop attendee can read: why this device.</param>
/// <param name="CudaDeviceCount">GPUs visible to TorchSharp (0 on CPU-only builds).</param>
/// <param name="TorchVersion">The libtorch version TorchSharp loaded.</param>
/// <param name="Threads">CPU threads libtorch uses.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record TorchDeviceInfo(torch.Device Device, string Reason, int CudaDeviceCount, string TorchVersion, int Threads)
    : IHtmlRenderable
{
    /// <summary>True when training runs on a GPU.</summary>
    public bool IsCuda => Device.type == DeviceType.CUDA;

    /// <inheritdoc />
    public override string ToString() =>
        $"TorchSharp device: {Device.type} (libtorch {TorchVersion}, {Threads} CPU threads, {CudaDeviceCount} GPU(s)). {Reason}";

    /// <inheritdoc />
    public string ToHtml() => Html.Table(
        ["device", "libtorch", "CPU threads", "GPUs", "why"],
        [[Device.type.ToString(), TorchVersion, Threads, CudaDeviceCount, Reason]],
        "TorchSharp device");
}
