using System.Text.RegularExpressions;

namespace CustomerAnalytics.Tests.Torch;

/// <summary>
/// TorchSharp's <c>data&lt;T&gt;()</c> throws on a CUDA tensor, and CI has no GPU: a source rule catches it instead.
/// Every read of tensor data in the library and the notebooks is on a CPU tensor: <c>.cpu()</c> in the same
/// expression, or a variable assigned from an expression ending in <c>.cpu()</c> in the same file.
/// </summary>
public sealed partial class DeviceReadTests
{
    private static IEnumerable<(string File, string[] Lines)> Sources()
    {
        var library = Path.Combine(RepositoryPaths.Root, "lib");
        foreach (var file in Directory.GetFiles(library, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains("CustomerAnalytics.Tests", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            yield return (Path.GetRelativePath(RepositoryPaths.Root, file), File.ReadAllLines(file));
        foreach (var notebook in Directory.GetFiles(RepositoryPaths.Notebooks, "*.ipynb"))
            yield return (Path.GetRelativePath(RepositoryPaths.Root, notebook), File.ReadAllText(notebook).Split("\\n"));
    }

    [Fact]
    public void Tensor_data_is_read_from_the_cpu()
    {
        var reads = 0;
        var offDevice = new List<string>();
        foreach (var (file, lines) in Sources())
            for (var i = 0; i < lines.Length; i++)
                foreach (Match read in DataRead().Matches(lines[i]))
                {
                    reads++;
                    var variable = read.Groups["variable"].Value;
                    var onCpu = read.Groups["cpu"].Success ||
                                (variable.Length > 0 && lines.Any(l => Regex.IsMatch(l, $@"\b{Regex.Escape(variable)}\s*=[^=].*\.cpu\(\)(\.contiguous\(\))?;")));
                    if (!onCpu) offDevice.Add($"{file}:{i + 1}: {lines[i].Trim()}");
                }

        Assert.True(reads > 0, "no tensor reads found: the rule is looking in the wrong place");
        Assert.True(offDevice.Count == 0, "data<T>() on a tensor not known to be on the CPU (throws on CUDA; call .cpu() first):\n" + string.Join('\n', offDevice));
    }

    [Fact]
    public void The_rule_catches_a_read_off_the_device()
    {
        Assert.Matches(DataRead(), "var x = logits.argmax(1).data<long>();");
        Assert.False(DataRead().Match("var x = logits.argmax(1).data<long>();").Groups["cpu"].Success);
        Assert.True(DataRead().Match("var x = logits.cpu().data<long>();").Groups["cpu"].Success);
        Assert.Equal("flat", DataRead().Match("flat.data<float>()").Groups["variable"].Value);
    }

    // "<expr>.cpu().data<", or "<variable>.data<" (checked against the variable's assignment), or any other read.
    [GeneratedRegex(@"(?<cpu>\.cpu\(\)(\.contiguous\(\))?)?(?<=(?<variable>\b[A-Za-z_]\w*)?(\.cpu\(\)(\.contiguous\(\))?)?)\.data<")]
    private static partial Regex DataRead();
}
