using System.Text.RegularExpressions;

namespace CustomerAnalytics.Tests.Sequences;

/// <summary>
/// TorchSharp's <c>data&lt;T&gt;()</c> throws on a CUDA tensor, and CI has no GPU: a source rule catches it instead.
/// Every read of tensor data in the sequence models goes through <c>.cpu()</c> first.
/// </summary>
public sealed partial class DeviceReadTests
{
    [Fact]
    public void Tensor_data_is_read_from_the_cpu()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "lib", "CustomerAnalytics", "Sequences");
        var reads = Directory.GetFiles(folder, "*.cs")
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => DataRead().IsMatch(l.Text)).ToArray();
        Assert.NotEmpty(reads);
        var offDevice = reads.Where(l => !OnCpu().IsMatch(l.Text)).Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}").ToArray();
        Assert.True(offDevice.Length == 0, "data<T>() without .cpu() first (throws on CUDA):\n" + string.Join('\n', offDevice));
    }

    [GeneratedRegex(@"\.data<")]
    private static partial Regex DataRead();

    // either "... .cpu().data<" on the same expression, or a variable named cpu that holds a .cpu() copy
    [GeneratedRegex(@"\.cpu\(\)(\.contiguous\(\))?\.data<|\bcpu\.data<")]
    private static partial Regex OnCpu();
}
