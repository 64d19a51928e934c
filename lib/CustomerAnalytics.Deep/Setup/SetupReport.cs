using System.Text;
using CustomerAnalytics.Display;

namespace CustomerAnalytics.Setup;

/// <summary>The readiness of this machine for the workshops, one row per check.</summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record SetupReport(IReadOnlyList<CheckResult> Checks) : IHtmlRenderable
{
    /// <summary>True when no check failed (warnings allowed).</summary>
    public bool Ready => Checks.All(c => c.Status != CheckStatus.Failed);

    /// <summary>Throws <see cref="SetupIncompleteException"/> listing every failed check and its fix.</summary>
    public SetupReport ThrowIfFailed()
    {
        var failed = Checks.Where(c => c.Status == CheckStatus.Failed).ToArray();
        if (failed.Length == 0) return this;
        throw new SetupIncompleteException("This machine is not ready for the workshops:" + Environment.NewLine +
            string.Join(Environment.NewLine, failed.Select(c => $"- {c.Name}: {c.Detail} Fix: {c.Fix}")));
    }

    /// <inheritdoc />
    public string ToHtml() => Html.Table(["check", "status", "found", "how to fix"],
        Checks.Select(c => new object?[] { c.Name, Symbol(c.Status), c.Detail, c.Fix }),
        Ready ? "Ready for the workshops" : "Not ready: see the failed checks");

    /// <inheritdoc />
    public override string ToString()
    {
        var sb = new StringBuilder(Ready ? "Ready for the workshops." : "NOT READY: see the failed checks.").AppendLine();
        foreach (var c in Checks)
        {
            sb.Append($"{Symbol(c.Status),-8} {c.Name}: {c.Detail}");
            if (c.Fix.Length > 0) sb.Append($" -> {c.Fix}");
            sb.AppendLine();
        }
        return sb.ToString();
    }

    private static string Symbol(CheckStatus status) => status switch
    {
        CheckStatus.Ok => "ok",
        CheckStatus.Warning => "warning",
        _ => "FAILED",
    };
}

/// <summary>A required part of the workshop environment is missing.</summary>
public sealed class SetupIncompleteException(string message) : WorkshopException(message);
