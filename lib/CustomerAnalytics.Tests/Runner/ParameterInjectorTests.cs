using CustomerAnalytics.Runner;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.DotNet.Interactive.Documents;

namespace CustomerAnalytics.Tests.Runner;

public class ParameterInjectorTests
{
    private static ParametersCell Cell(string code) => new(1, ParameterInjector.DeclaredParameters(code));

    [Fact]
    public void Declared_parameters_take_their_type_from_the_declaration_or_the_literal()
    {
        var declared = ParameterInjector.DeclaredParameters("""
            var sampleSize = 5000;
            var rate = 0.25;
            var label = "all";
            var verbose = true;
            var offset = -3;
            long rows = 10;
            string region = "EU", country = "DE";
            const int Fixed = 1;
            var folder = System.IO.Path.Combine("a", "b");
            DateTime asOf = DateTime.Today;
            """);

        Assert.Equal(
            [("sampleSize", ParameterType.Int), ("rate", ParameterType.Double), ("label", ParameterType.String),
             ("verbose", ParameterType.Bool), ("offset", ParameterType.Int), ("rows", ParameterType.Long),
             ("region", ParameterType.String), ("country", ParameterType.String),
             ("folder", ParameterType.Inferred), ("asOf", ParameterType.Unsupported)],
            declared.Select(p => (p.Name, p.Type)));
    }

    [Fact]
    public void Injected_code_assigns_literals_in_declaration_order()
    {
        var cell = Cell("var sampleSize = 5000;\nvar rate = 0.5;\nvar verbose = false;\nvar label = \"all\";\nvar folder = GetFolder();");

        var code = ParameterInjector.BuildInjectedCode("nb.ipynb", cell, new Dictionary<string, string>
        {
            ["label"] = "top",
            ["verbose"] = "True",
            ["rate"] = "1e-5",
            ["sampleSize"] = "200",
            ["folder"] = "../data",
        });

        Assert.Equal(
            "// Parameters injected by run-workshops (--param)\n" +
            "sampleSize = 200;\nrate = 1E-05d;\nverbose = true;\nlabel = \"top\";\nfolder = \"../data\";",
            code);
    }

    [Theory]
    [InlineData("it's \"quoted\"")]
    [InlineData("C:\\data\\x.csv")]
    [InlineData("two\nlines\tand a tab")]
    [InlineData("{not} an $\"interpolation\"")]
    public void String_values_become_valid_literals_that_round_trip(string value)
    {
        var code = ParameterInjector.BuildInjectedCode("nb.ipynb", Cell("var label = \"x\";"), new Dictionary<string, string> { ["label"] = value })!;

        var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(kind: Microsoft.CodeAnalysis.SourceCodeKind.Script));
        Assert.Empty(tree.GetDiagnostics());
        var literal = tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>().Single();
        Assert.Equal(value, literal.Token.ValueText);
    }

    [Fact]
    public void No_values_means_no_injected_cell()
    {
        Assert.Null(ParameterInjector.BuildInjectedCode("nb.ipynb", null, new Dictionary<string, string>()));
    }

    [Fact]
    public void Unknown_parameter_names_the_notebook_and_lists_the_declared_ones()
    {
        var error = Assert.Throws<NotebookParameterException>(() =>
            ParameterInjector.BuildInjectedCode("01-rfm.ipynb", Cell("var sampleSize = 1;\nvar seed = 42;"),
                                                new Dictionary<string, string> { ["sampelSize"] = "200" }));

        Assert.Contains("01-rfm.ipynb does not declare parameter sampelSize", error.Message);
        Assert.Contains("declares: sampleSize, seed", error.Message);
    }

    [Theory]
    [InlineData("var sampleSize = 5000;", "sampleSize", "lots", "sampleSize is an int")]
    [InlineData("var verbose = false;", "verbose", "yes", "verbose is a bool")]
    [InlineData("double rate = 0.5;", "rate", "half", "rate is a double")]
    public void A_value_that_does_not_fit_the_declared_type_is_refused(string declaration, string name, string value, string expected)
    {
        var error = Assert.Throws<NotebookParameterException>(() =>
            ParameterInjector.BuildInjectedCode("nb.ipynb", Cell(declaration), new Dictionary<string, string> { [name] = value }));

        Assert.Contains(expected, error.Message);
        Assert.Contains($"--param {name}={value}", error.Message);
    }

    [Fact]
    public void A_parameter_of_an_unsupported_type_is_refused_with_the_supported_list()
    {
        var error = Assert.Throws<NotebookParameterException>(() =>
            ParameterInjector.BuildInjectedCode("nb.ipynb", Cell("DateTime asOf = DateTime.Today;"),
                                                new Dictionary<string, string> { ["asOf"] = "2024-01-01" }));

        Assert.Contains("declared as DateTime", error.Message);
        Assert.Contains("int, long, double, float, decimal, bool and string", error.Message);
    }

    [Fact]
    public void A_notebook_without_parameters_cell_explains_how_to_add_one()
    {
        var error = Assert.Throws<NotebookParameterException>(() =>
            ParameterInjector.BuildInjectedCode("nb.ipynb", null, new Dictionary<string, string> { ["x"] = "1" }));

        Assert.Contains("nb.ipynb has no parameters cell", error.Message);
        Assert.Contains("Tag a code cell \"parameters\"", error.Message);
    }

    [Theory]
    [InlineData("// parameters\nvar x = 1;", null, true)]
    [InlineData("  // Parameters\nvar x = 1;", null, true)]
    [InlineData("#!csharp\n// parameters\nvar x = 1;", null, true)]
    [InlineData("var x = 1; // parameters", null, false)]
    [InlineData("var x = 1;", "parameters", true)]
    [InlineData("var x = 1;", "other", false)]
    public void Parameters_cell_is_found_by_tag_or_first_line_comment(string code, string? tag, bool expected)
    {
        var cell = new InteractiveDocumentElement(code, "csharp", []);
        if (tag is not null) cell.Metadata = new Dictionary<string, object> { ["tags"] = new object[] { tag } };

        Assert.Equal(expected, ParameterInjector.IsParametersCell(cell));
    }
}
