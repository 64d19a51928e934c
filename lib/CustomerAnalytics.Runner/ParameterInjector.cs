using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.DotNet.Interactive.Documents;

namespace CustomerAnalytics.Runner;

/// <summary>C# types a notebook parameter can have; <see cref="Inferred"/> means "guess from the --param value".</summary>
public enum ParameterType { Inferred, Int, Long, Double, Float, Decimal, Bool, String, Unsupported }

/// <summary>A variable declared in a parameters cell, e.g. <c>var sampleSize = 5000;</c>.</summary>
/// <param name="Name">The variable name.</param>
/// <param name="Type">The C# type, from the declared type or the literal initializer.</param>
/// <param name="TypeText">The type as written (<c>var</c>, <c>int</c>, <c>DateTime</c>, ...), for messages.</param>
public sealed record DeclaredParameter(string Name, ParameterType Type, string TypeText);

/// <summary>The parameters cell of a notebook and the variables it declares.</summary>
/// <param name="CellIndex">Zero-based index of the cell among all cells.</param>
public sealed record ParametersCell(int CellIndex, IReadOnlyList<DeclaredParameter> Parameters)
{
    /// <summary>The declared names, comma separated, for error messages.</summary>
    public string Names => Parameters.Count == 0 ? "(none)" : string.Join(", ", Parameters.Select(p => p.Name));
}

/// <summary>
/// Papermill-style parameters: finds the cell tagged <c>parameters</c> (or starting with <c>// parameters</c>)
/// and builds the "injected-parameters" cell that reassigns its variables from <c>--param</c> values,
/// written as C# literals so the cell always compiles.
/// </summary>
public static class ParameterInjector
{
    /// <summary>Tag papermill and Jupyter use for the parameters cell.</summary>
    public const string ParametersTag = "parameters";

    /// <summary>Tag and cell id of the cell the runner inserts after the parameters cell.</summary>
    public const string InjectedTag = "injected-parameters";

    /// <summary>True when <paramref name="name"/> is a valid C# variable name.</summary>
    public static bool IsIdentifier(string name) =>
        SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;

    /// <summary>The first code cell tagged <c>parameters</c> or starting with <c>// parameters</c>; null if none.</summary>
    public static ParametersCell? FindParametersCell(LoadedNotebook notebook)
    {
        var cells = notebook.Document.Elements;
        for (var i = 0; i < cells.Count; i++)
        {
            if (notebook.CellTypes[i] != "code" || !IsParametersCell(cells[i])) continue;
            return new ParametersCell(i, DeclaredParameters(CellSource.Code(cells[i])));
        }
        return null;
    }

    /// <summary>True when the cell's metadata tags contain "parameters" or its first line is <c>// parameters</c>.</summary>
    public static bool IsParametersCell(InteractiveDocumentElement cell)
    {
        if (CellTags.Has(cell, ParametersTag)) return true;

        var firstLine = CellSource.Code(cell).Replace("\r\n", "\n").Split('\n')
                                  .Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        return firstLine is not null &&
               string.Equals(firstLine.TrimStart('/').Trim(), ParametersTag, StringComparison.OrdinalIgnoreCase) &&
               firstLine.StartsWith("//", StringComparison.Ordinal);
    }

    /// <summary>Top-level variable declarations in the cell's code (constants excluded: they cannot be reassigned).</summary>
    public static IReadOnlyList<DeclaredParameter> DeclaredParameters(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(kind: SourceCodeKind.Script)).GetCompilationUnitRoot();
        var declarations = root.Members.Select(m => m switch
        {
            FieldDeclarationSyntax f when !f.Modifiers.Any(SyntaxKind.ConstKeyword) => f.Declaration,
            GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax l } when !l.IsConst => l.Declaration,
            _ => null,
        }).OfType<VariableDeclarationSyntax>();

        return declarations
            .SelectMany(d => d.Variables.Select(v => new DeclaredParameter(
                v.Identifier.ValueText, TypeOf(d.Type, v.Initializer?.Value), d.Type.ToString())))
            .ToList();
    }

    /// <summary>
    /// The code of the injected cell for the given overrides (in declaration order), or null when none apply.
    /// Throws <see cref="NotebookParameterException"/> for a name the cell does not declare or a value that does not fit.
    /// </summary>
    public static string? BuildInjectedCode(string notebookName, ParametersCell? cell, IReadOnlyDictionary<string, string> values)
    {
        if (values.Count == 0) return null;
        if (cell is null)
            throw new NotebookParameterException(
                $"{notebookName} has no parameters cell, so --param {string.Join(", ", values.Keys)} cannot be applied. " +
                $"Tag a code cell \"{ParametersTag}\" (or start it with \"// {ParametersTag}\") and declare the variables there.");

        var unknown = values.Keys.Where(k => cell.Parameters.All(p => p.Name != k)).ToList();
        if (unknown.Count > 0)
            throw new NotebookParameterException(
                $"{notebookName} does not declare parameter {string.Join(", ", unknown)}. Its parameters cell (cell {cell.CellIndex + 1}) declares: {cell.Names}.");

        var lines = cell.Parameters
            .Where(p => values.ContainsKey(p.Name))
            .Select(p => $"{p.Name} = {ToLiteral(notebookName, p, values[p.Name])};");
        return "// Parameters injected by run-workshops (--param)\n" + string.Join("\n", lines);
    }

    /// <summary>Creates the injected cell element (tagged and identified <c>injected-parameters</c>, as papermill does).</summary>
    public static InteractiveDocumentElement CreateInjectedCell(string code) => new(code, "csharp", [])
    {
        Id = InjectedTag,
        Metadata = new Dictionary<string, object> { ["tags"] = new object[] { InjectedTag } },
    };

    /// <summary>Writes <paramref name="value"/> as a C# literal of the parameter's type.</summary>
    public static string ToLiteral(string notebookName, DeclaredParameter parameter, string value)
    {
        var inv = CultureInfo.InvariantCulture;
        var type = parameter.Type == ParameterType.Inferred ? Infer(value) : parameter.Type;
        string? literal = type switch
        {
            ParameterType.Int => int.TryParse(value, NumberStyles.Integer, inv, out var i) ? i.ToString(inv) : null,
            ParameterType.Long => long.TryParse(value, NumberStyles.Integer, inv, out var l) ? l.ToString(inv) + "L" : null,
            ParameterType.Double => double.TryParse(value, NumberStyles.Float, inv, out var d) ? DoubleLiteral(d) : null,
            ParameterType.Float => float.TryParse(value, NumberStyles.Float, inv, out var f) && float.IsFinite(f) ? f.ToString("R", inv) + "f" : null,
            ParameterType.Decimal => decimal.TryParse(value, NumberStyles.Number, inv, out var m) ? m.ToString(inv) + "m" : null,
            ParameterType.Bool => bool.TryParse(value.Trim(), out var b) ? (b ? "true" : "false") : null,
            ParameterType.String => SymbolDisplay.FormatLiteral(value, quote: true),
            _ => throw new NotebookParameterException(
                $"{notebookName}: parameter {parameter.Name} is declared as {parameter.TypeText}; --param supports int, long, double, float, decimal, bool and string. " +
                $"Declare it with one of those types or a literal initializer."),
        };
        return literal ?? throw new NotebookParameterException(
            $"{notebookName}: --param {parameter.Name}={value} does not fit: {parameter.Name} is {Describe(type)} " +
            $"(declared as {parameter.TypeText}). Give a value like {Example(type)}.");
    }

    private static ParameterType TypeOf(TypeSyntax type, ExpressionSyntax? initializer)
    {
        if (type is PredefinedTypeSyntax predefined)
        {
            return predefined.Keyword.Kind() switch
            {
                SyntaxKind.IntKeyword => ParameterType.Int,
                SyntaxKind.LongKeyword => ParameterType.Long,
                SyntaxKind.DoubleKeyword => ParameterType.Double,
                SyntaxKind.FloatKeyword => ParameterType.Float,
                SyntaxKind.DecimalKeyword => ParameterType.Decimal,
                SyntaxKind.BoolKeyword => ParameterType.Bool,
                SyntaxKind.StringKeyword => ParameterType.String,
                _ => ParameterType.Unsupported,
            };
        }
        if (!type.IsVar) return ParameterType.Unsupported;

        // var: the literal initializer decides; anything else is inferred from the --param value.
        var value = initializer is PrefixUnaryExpressionSyntax { OperatorToken.RawKind: (int)SyntaxKind.MinusToken } neg ? neg.Operand : initializer;
        return value switch
        {
            LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } => ParameterType.String,
            InterpolatedStringExpressionSyntax => ParameterType.String,
            LiteralExpressionSyntax { RawKind: (int)SyntaxKind.TrueLiteralExpression or (int)SyntaxKind.FalseLiteralExpression } => ParameterType.Bool,
            LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } n => n.Token.Value switch
            {
                int => ParameterType.Int,
                long => ParameterType.Long,
                double => ParameterType.Double,
                float => ParameterType.Float,
                decimal => ParameterType.Decimal,
                _ => ParameterType.Inferred,
            },
            _ => ParameterType.Inferred,
        };
    }

    private static ParameterType Infer(string value)
    {
        var inv = CultureInfo.InvariantCulture;
        if (int.TryParse(value, NumberStyles.Integer, inv, out _)) return ParameterType.Int;
        if (long.TryParse(value, NumberStyles.Integer, inv, out _)) return ParameterType.Long;
        if (double.TryParse(value, NumberStyles.Float, inv, out _)) return ParameterType.Double;
        if (bool.TryParse(value.Trim(), out _)) return ParameterType.Bool;
        return ParameterType.String;
    }

    private static string DoubleLiteral(double d) => d switch
    {
        double.NaN => "double.NaN",
        double.PositiveInfinity => "double.PositiveInfinity",
        double.NegativeInfinity => "double.NegativeInfinity",
        _ => d.ToString("R", CultureInfo.InvariantCulture) + "d",
    };

    private static string Describe(ParameterType type) => type switch
    {
        ParameterType.Int => "an int",
        ParameterType.Bool => "a bool",
        _ => "a " + type.ToString().ToLowerInvariant(),
    };

    private static string Example(ParameterType type) => type switch
    {
        ParameterType.Int or ParameterType.Long => "200",
        ParameterType.Double or ParameterType.Float or ParameterType.Decimal => "0.25",
        ParameterType.Bool => "true or false",
        _ => "text",
    };
}
