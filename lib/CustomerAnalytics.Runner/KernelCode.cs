using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;

namespace CustomerAnalytics.Runner;

/// <summary>
/// What the runner changes in a cell's code before the kernel runs it, so a notebook gets its settings explicitly
/// instead of through the current folder or environment variables:
/// <list type="bullet">
/// <item><c>Workshop.Start()</c> becomes <c>Workshop.Start((CustomerAnalytics.WorkshopSettings)<see cref="SettingsVariable"/>)</c>,
/// the runner's <see cref="WorkshopSettings"/> set in the kernel before the first cell (the same type at run time: the
/// kernel shares the runner's loaded assemblies).</item>
/// <item><c>TorchDevice.Select()</c> becomes <c>TorchDevice.Select(TorchDevice.Parse("cuda"))</c> when the machine's
/// settings name a device (WORKSHOP_DEVICE, read once by the runner's entry point): the library never reads it.</item>
/// <item>A string literal that starts with <c>../</c> or <c>./</c> (<c>#r "../artifacts/..."</c>,
/// <c>Path.GetFullPath("../lib/...")</c>) is made absolute from the notebook's folder, where Jupyter starts the kernel.</item>
/// </list>
/// The executed copy of the notebook keeps the cells as written.
/// </summary>
/// <param name="notebookFolder">The folder of the notebook; relative paths are resolved from it.</param>
/// <param name="settingsVariable">The kernel variable holding the settings, or null to leave <c>Workshop.Start()</c> alone.</param>
/// <param name="device">The device preference as the machine's settings give it, or null to leave <c>TorchDevice.Select()</c> alone.</param>
internal sealed partial class KernelCode(string notebookFolder, string? settingsVariable, string? device)
{
    /// <summary>The kernel variable the runner puts the notebook's <see cref="WorkshopSettings"/> in.</summary>
    public const string SettingsVariable = "runnerWorkshopSettings";

    /// <summary>The code to submit for <paramref name="code"/>.</summary>
    public string Translate(string code)
    {
        var translated = RelativePath().Replace(code, m => "\"" + Path.GetFullPath(Path.Combine(notebookFolder, m.Groups[1].Value)).Replace('\\', '/') + "/");
        if (settingsVariable is not null) translated = StartCall().Replace(translated, $"Workshop.Start((CustomerAnalytics.WorkshopSettings){settingsVariable})");
        if (device is not null) translated = SelectCall().Replace(translated, $"TorchDevice.Select(TorchDevice.Parse({SymbolDisplay.FormatLiteral(device, quote: true)}))");
        return translated;
    }

    // "../x" or "./x" at the start of a string literal (the quote is kept; the path gets a trailing separator back).
    [GeneratedRegex("""(?<![\w@$\\])"(\.\.?)/""")]
    private static partial Regex RelativePath();

    [GeneratedRegex(@"\bWorkshop\.Start\(\s*\)")]
    private static partial Regex StartCall();

    [GeneratedRegex(@"\bTorchDevice\.Select\(\s*\)")]
    private static partial Regex SelectCall();
}
