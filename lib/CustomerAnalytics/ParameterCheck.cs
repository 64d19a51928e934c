using System.Globalization;
using System.Text.RegularExpressions;

namespace CustomerAnalytics;

/// <summary>
/// Checks the values of a notebook's parameters for meaning, not only type: paths exist and are of the right kind,
/// dates parse (and lie within the data), counts and sizes are in range, a name occurs in the data. Every check is
/// made and every failure collected; <see cref="Done"/> then throws one <see cref="ParameterException"/> naming each
/// bad parameter, its value and what would be valid, in one sentence each. Doubtful values (a date after the data
/// ends) are warnings, shown by the returned <see cref="ParameterReport"/>, not failures. No negative number is
/// taken to mean "the default": a special value (such as 0 for "choose k by the elbow") is accepted only where
/// the check names it.
/// </summary>
/// <example><code>
/// new ParameterCheck()
///     .Date(nameof(asOfDate), asOfDate, orEmpty: "the day after the last order")
///     .Whole(nameof(k), k, 2, 20, orZero: "to choose k by the elbow")
///     .Done()
/// </code></example>
public sealed partial class ParameterCheck
{
    /// <summary>The date forms a date parameter accepts (ISO order only: "01/02/2018" means different days in different countries).</summary>
    public static IReadOnlyList<string> DateFormats { get; } =
        ["yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private readonly List<ParameterProblem> _problems = [];
    private readonly List<ParameterProblem> _warnings = [];
    private readonly List<string> _checked = [];

    /// <summary>A local folder (holding <paramref name="holding"/>), or an s3:// location when <paramref name="orS3"/>, or
    /// "" when <paramref name="orEmpty"/> says what empty means.</summary>
    public ParameterCheck Folder(string name, string value, string? orEmpty = null, bool orS3 = false, params string[] holding)
    {
        var valid = Alternatives(holding.Length > 0 ? "a folder holding " + List(holding, "and") : "a folder",
            orS3 ? "an s3://bucket/prefix location" : null, orEmpty);
        if (!PathStart(name, value, orEmpty, orS3, valid, out var full)) return this;
        if (System.IO.File.Exists(full)) return Fail(name, value, $"{full} is a file, not a folder; give {valid}.");
        if (!Directory.Exists(full)) return Fail(name, value, $"there is no folder {full}; give {valid}.");
        var missing = holding.Where(f => !System.IO.File.Exists(Path.Combine(full, f))).ToArray();
        return missing.Length == 0 ? this : Fail(name, value, $"the folder {full} has no {List(missing, "and")}; give {valid}.");
    }

    /// <summary>A local file, or an s3:// object when <paramref name="orS3"/>, or "" when <paramref name="orEmpty"/> says what empty means.</summary>
    public ParameterCheck File(string name, string value, string? orEmpty = null, bool orS3 = false)
    {
        var valid = Alternatives("the path of a file", orS3 ? "an s3://bucket/key location" : null, orEmpty);
        if (!PathStart(name, value, orEmpty, orS3, valid, out var full)) return this;
        if (Directory.Exists(full)) return Fail(name, value, $"{full} is a folder, not a file; give {valid}.");
        return System.IO.File.Exists(full) ? this : Fail(name, value, $"there is no file {full}; give {valid}.");
    }

    /// <summary>An s3://bucket/prefix location (not checked for existence: that needs the network), or "" when
    /// <paramref name="orEmpty"/> says what empty means.</summary>
    public ParameterCheck S3Location(string name, string value, string? orEmpty = null)
    {
        Checked(name);
        if (value.Length == 0 && orEmpty is not null) return this;
        var valid = Alternatives("an s3://bucket/prefix location such as \"s3://my-bucket/results/\"", null, orEmpty);
        return S3Problem(value) is { } problem ? Fail(name, value, $"{problem}; give {valid}.") : this;
    }

    /// <summary>A date in one of the <see cref="DateFormats"/>, or "" when <paramref name="orEmpty"/> says what empty means.</summary>
    public ParameterCheck Date(string name, string value, string? orEmpty = null)
    {
        Checked(name);
        if (value.Length == 0 && orEmpty is not null) return this;
        return TryParseDate(value, out _) ? this
            : Fail(name, value, $"not a date; write it as yyyy-MM-dd (for example \"2018-09-01\"){Or(orEmpty)}.");
    }

    /// <summary>
    /// A date parameter against the data it applies to, which runs from <paramref name="first"/> to <paramref name="last"/>:
    /// on or before <paramref name="first"/> fails (nothing in <paramref name="data"/> comes before it); more than a day
    /// after <paramref name="last"/> is a warning (the time after the data ends counts as time without activity).
    /// "" passes (the notebook then takes a date from the data itself).
    /// </summary>
    public ParameterCheck DateWithin(string name, string value, DateTime first, DateTime last, string data)
    {
        Checked(name);
        if (value.Length == 0) return this;
        if (!TryParseDate(value, out var date)) return Fail(name, value, "not a date; write it as yyyy-MM-dd (for example \"2018-09-01\").");
        string Day(DateTime d) => d.ToString("yyyy-MM-dd", Invariant);
        if (date <= first)
            return Fail(name, value, $"nothing in {data} comes before it ({data} run from {Day(first)} to {Day(last)}); choose a date after {Day(first)}, or \"\" for the day after the last.");
        if (date > last.Date.AddDays(1))
            Warn(name, value, $"{(date - last.Date).TotalDays.ToString("N0", Invariant)} days after the last of {data} ({Day(last)}): " +
                              $"that time counts as time without activity; \"\" takes the day after the last ({Day(last.Date.AddDays(1))}).");
        return this;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; 0 as well when <paramref name="orZero"/>
    /// says what 0 means (for example "to choose k by the elbow").</summary>
    public ParameterCheck Whole(string name, long value, long min, long max = long.MaxValue, string? orZero = null)
    {
        Checked(name);
        if ((value == 0 && orZero is not null) || (value >= min && value <= max)) return this;
        var range = max == long.MaxValue ? $"of at least {min.ToString("N0", Invariant)}"
            : $"from {min.ToString("N0", Invariant)} to {max.ToString("N0", Invariant)}";
        return Fail(name, value, $"must be a whole number {range}{(orZero is null ? "" : ", or 0 " + orZero)}.");
    }

    /// <summary>A finite number between <paramref name="min"/> and <paramref name="max"/> (each bound included unless
    /// <paramref name="exclusive"/>).</summary>
    public ParameterCheck Number(string name, double value, double min, double max = double.PositiveInfinity, bool exclusive = false)
    {
        Checked(name);
        var inside = exclusive ? value > min && value < max : value >= min && value <= max;
        if (double.IsFinite(value) && inside) return this;
        string N(double x) => x.ToString("R", Invariant);
        var range = double.IsPositiveInfinity(max) ? (exclusive ? $"greater than {N(min)}" : $"of at least {N(min)}")
            : exclusive ? $"greater than {N(min)} and less than {N(max)}" : $"from {N(min)} to {N(max)}";
        return Fail(name, value, $"must be a number {range}.");
    }

    /// <summary>Text that is not empty; <paramref name="valid"/> says what to write, e.g. "a touchpoint such as \"visit\"".</summary>
    public ParameterCheck NotEmpty(string name, string value, string valid)
    {
        Checked(name);
        return string.IsNullOrWhiteSpace(value) ? Fail(name, value, $"must not be empty; give {valid}.") : this;
    }

    /// <summary>One of <paramref name="valid"/>, the <paramref name="what"/> (for example "touchpoints in these journeys").</summary>
    public ParameterCheck OneOf(string name, string value, IEnumerable<string> valid, string what)
    {
        Checked(name);
        var known = valid.ToList();
        return known.Contains(value, StringComparer.Ordinal) ? this : Fail(name, value, $"not one of the {what}: {List(known, "or")}.");
    }

    /// <summary>A comma-separated list of one or more of <paramref name="valid"/>, the <paramref name="what"/> (spaces around
    /// the commas are allowed; an empty entry is not).</summary>
    public ParameterCheck EachOneOf(string name, string value, IEnumerable<string> valid, string what)
    {
        Checked(name);
        var known = valid.ToList();
        var given = value.Split(',', StringSplitOptions.TrimEntries); // as the notebooks split it: an empty entry is an error
        if (given.All(g => g.Length == 0)) return Fail(name, value, $"names none of the {what}; give one or more, comma-separated: {List(known, "or")}.");
        var unknown = given.Where(g => !known.Contains(g, StringComparer.Ordinal)).Select(u => Show(u)).ToArray();
        return unknown.Length == 0 ? this
            : Fail(name, value, $"{List(unknown, "and")} {(unknown.Length == 1 ? "is" : "are")} not among the {what}: {List(known, "or")}.");
    }

    /// <summary>A rule of the notebook's own: fails with "<paramref name="name"/> = value: <paramref name="rule"/>" unless
    /// <paramref name="valid"/> (skipped when <paramref name="name"/> already failed another check).</summary>
    public ParameterCheck That(string name, object? value, bool valid, string rule)
    {
        Checked(name);
        return valid || _problems.Any(p => p.Name == name) ? this : Fail(name, value, EndSentence(rule));
    }

    /// <summary>A warning, shown with the report rather than thrown, unless <paramref name="fine"/>.</summary>
    public ParameterCheck WarnUnless(string name, object? value, bool fine, string warning)
    {
        Checked(name);
        if (!fine) Warn(name, value, EndSentence(warning));
        return this;
    }

    /// <summary>Throws a <see cref="ParameterException"/> naming every bad parameter; otherwise returns the report
    /// (the parameters checked and any warnings), which a notebook shows.</summary>
    /// <exception cref="ParameterException">At least one check failed.</exception>
    public ParameterReport Done() => _problems.Count > 0
        ? throw new ParameterException([.. _problems], [.. _warnings])
        : new ParameterReport([.. _checked], [.. _warnings]);

    /// <summary>Parses <paramref name="text"/> in one of the <see cref="DateFormats"/>.</summary>
    public static bool TryParseDate(string text, out DateTime date) =>
        DateTime.TryParseExact(text.Trim(), [.. DateFormats], Invariant, DateTimeStyles.None, out date);

    /// <summary>A value as C# writes it: text quoted, numbers in invariant form.</summary>
    public static string Show(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", Invariant),
        float f => f.ToString("R", Invariant),
        IFormattable f => f.ToString(null, Invariant),
        _ => value.ToString() ?? "",
    };

    // The common start of a path check: records the name, accepts "" and s3:// where allowed; false when done.
    private bool PathStart(string name, string value, string? orEmpty, bool orS3, string valid, out string full)
    {
        Checked(name);
        full = "";
        if (value.Length == 0 && orEmpty is not null) return false;
        if (string.IsNullOrWhiteSpace(value)) { Fail(name, value, $"{(value.Length == 0 ? "must not be empty" : "is blank")}; give {valid}."); return false; }
        if (value.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            if (!orS3) Fail(name, value, $"this parameter reads local files only; give {valid}.");
            else if (S3Problem(value) is { } problem) Fail(name, value, $"{problem}; give {valid}.");
            return false;
        }
        try { full = Path.GetFullPath(value); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            Fail(name, value, $"not a usable path ({e.Message.TrimEnd('.')}); give {valid}.");
            return false;
        }
        return true;
    }

    private static string? S3Problem(string value)
    {
        if (!value.StartsWith("s3://", StringComparison.OrdinalIgnoreCase)) return "not an s3:// location";
        var bucket = value[5..].Split('/')[0];
        return BucketName().IsMatch(bucket) ? null : $"\"{bucket}\" is not an S3 bucket name (3-63 lower-case letters, digits, '.' and '-')";
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketName();

    private void Checked(string name)
    {
        if (!_checked.Contains(name)) _checked.Add(name);
    }

    private ParameterCheck Fail(string name, object? value, string text)
    {
        if (!_problems.Any(p => p.Name == name)) _problems.Add(new ParameterProblem(name, Show(value), text));
        return this;
    }

    private void Warn(string name, object? value, string text) => _warnings.Add(new ParameterProblem(name, Show(value), text));

    private static string Or(string? orEmpty) => orEmpty is null ? "" : $", or \"\" for {orEmpty}";

    private static string Alternatives(string first, string? second, string? orEmpty)
    {
        var all = new[] { first, second, orEmpty is null ? null : $"\"\" for {orEmpty}" }.OfType<string>().ToArray();
        return List(all, "or");
    }

    private static string EndSentence(string text) => text.EndsWith('.') ? text : text + ".";

    /// <summary>"a, b and c" (at most 25 items, then how many there are in all).</summary>
    private static string List(IReadOnlyList<string> items, string conjunction)
    {
        const int Shown = 25;
        if (items.Count > Shown) return string.Join(", ", items.Take(Shown)) + $", ... ({items.Count} in all)";
        return items.Count <= 1 ? string.Join("", items) : string.Join(", ", items.Take(items.Count - 1)) + $" {conjunction} {items[^1]}";
    }
}
