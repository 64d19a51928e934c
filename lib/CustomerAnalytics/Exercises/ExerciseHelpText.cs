using System.Net;
using CustomerAnalytics.Display;

namespace CustomerAnalytics.Exercises;

/// <summary>A hint or a solution, shown on request and never run (see <see cref="Exercise.Hint"/>).</summary>
/// <param name="Title">What it is, e.g. "Solution of 02-elbow".</param>
/// <param name="Text">The hint's words, or the solution's code.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record ExerciseHelpText(string Title, string Text) : IHtmlRenderable
{
    /// <inheritdoc />
    public override string ToString() => $"{Title}:\n{Text}";

    /// <inheritdoc />
    public string ToHtml() => $"<p><b>{WebUtility.HtmlEncode(Title)}</b></p><pre>{WebUtility.HtmlEncode(Text)}</pre>";
}
