namespace CustomerAnalytics;

/// <summary>
/// One notebook parameter whose value is wrong or doubtful, as one sentence: the name, the value as given and
/// what would be valid, e.g. <c>k = -1: must be a whole number from 2 to 20, or 0 to choose k by the elbow.</c>
/// </summary>
/// <param name="Name">The parameter, as declared in the parameters cell.</param>
/// <param name="Value">The value as C# would write it (strings quoted).</param>
/// <param name="Text">What is wrong and what would be valid.</param>
public sealed record ParameterProblem(string Name, string Value, string Text)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name} = {Value}: {Text}";
}

/// <summary>
/// One or more notebook parameters have values of the right type but the wrong meaning (a path that does not exist,
/// a date that does not parse, a count out of range...). The message lists every one, one sentence each.
/// </summary>
public sealed class ParameterException : WorkshopException
{
    /// <summary>Creates the exception for <paramref name="problems"/>; <paramref name="warnings"/> are listed after them.</summary>
    public ParameterException(IReadOnlyList<ParameterProblem> problems, IReadOnlyList<ParameterProblem>? warnings = null)
        : base(BuildMessage(problems, warnings ?? []))
    {
        Problems = problems;
        Warnings = warnings ?? [];
    }

    /// <summary>The parameters that are not valid, in the order they were checked.</summary>
    public IReadOnlyList<ParameterProblem> Problems { get; }

    /// <summary>Doubtful values found by the same check (reported, not failures).</summary>
    public IReadOnlyList<ParameterProblem> Warnings { get; }

    private static string BuildMessage(IReadOnlyList<ParameterProblem> problems, IReadOnlyList<ParameterProblem> warnings)
    {
        var head = problems.Count == 1
            ? "A notebook parameter is not valid; change it in the parameters cell (or with --param name=value) and run again:"
            : $"{problems.Count} notebook parameters are not valid; change them in the parameters cell (or with --param name=value) and run again:";
        var lines = problems.Select(p => "- " + p).Concat(warnings.Select(w => "- warning: " + w));
        return head + "\n" + string.Join("\n", lines);
    }
}
