namespace CustomerAnalytics.Data;

/// <summary>A file's header does not match its schema (missing, unexpected or duplicate columns), or the
/// file has no header at all.</summary>
public sealed class SchemaMismatchException : WorkshopException
{
    /// <summary>The file that was read.</summary>
    public string File { get; }
    /// <summary>The schema's column names.</summary>
    public IReadOnlyList<string> Expected { get; }
    /// <summary>The header's column names, as found (empty for an empty file).</summary>
    public IReadOnlyList<string> Found { get; }
    /// <summary>Required schema columns absent from the header.</summary>
    public IReadOnlyList<string> Missing { get; }
    /// <summary>Header columns the schema does not know.</summary>
    public IReadOnlyList<string> Unexpected { get; }

    internal SchemaMismatchException(string message, string file, IReadOnlyList<string> expected,
        IReadOnlyList<string> found, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected)
        : base(message)
    {
        File = file;
        Expected = expected;
        Found = found;
        Missing = missing;
        Unexpected = unexpected;
    }

    internal static SchemaMismatchException EmptyFile(string file, DatasetSchema schema) => new(
        $"{file} is empty: expected a header line with the {schema.Name} columns {string.Join(", ", schema.ColumnNames)}." +
        " The file may be truncated (an interrupted download?): download or regenerate it (see data/README.md).",
        file, schema.ColumnNames, [], schema.ColumnNames, []);

    internal static SchemaMismatchException EmptyJourneyFile(string file) => new(
        $"{file} has no journeys: expected one line per customer, customer_id<TAB>input touchpoints<TAB>target touchpoints." +
        " The file may be truncated (an interrupted download?): download or regenerate it (see data/README.md).",
        file, ["customer_id", "input", "target"], [], ["customer_id", "input", "target"], []);

    internal static SchemaMismatchException HeaderMismatch(string file, DatasetSchema schema,
        IReadOnlyList<string> found, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected, IReadOnlyList<string> duplicates)
    {
        var problems = new List<string>();
        if (missing.Count > 0) problems.Add($"missing column(s) {string.Join(", ", missing)}");
        if (unexpected.Count > 0) problems.Add($"unexpected column(s) {string.Join(", ", unexpected)}");
        if (duplicates.Count > 0) problems.Add($"duplicate column(s) {string.Join(", ", duplicates)}");
        var advice = unexpected.Count > 0 && missing.Count == 0 && duplicates.Count == 0
            ? " If the extra columns are expected, load with new LoadOptions { AllowExtraColumns = true } to ignore them."
            : " Check that this is the right file for this dataset and that its header line is intact.";
        return new(
            $"{file} does not match the {schema.Name} schema: {string.Join("; ", problems)}." +
            $" Expected columns: {string.Join(", ", schema.ColumnNames)}. Found: {string.Join(", ", found)}." +
            " Columns are matched by name, case-insensitively, in any order." + advice,
            file, schema.ColumnNames, found, missing, unexpected);
    }
}
