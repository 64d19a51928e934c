using System.Text.RegularExpressions;

namespace CustomerAnalytics.Tests.Notebooks;

/// <summary>Workshop 05's lesson cells: the churn labels and the global attention written out in the notebook agree
/// with the library's, which the rest of the workshop and the tests rely on.</summary>
[Collection(NotebookProcessCollection.Name)]
public sealed class ChurnNotebookTests
{
    private const string Name = "05-churn-attention.ipynb";

    [Fact]
    public void The_labels_of_the_notebooks_LabelUser_equal_the_librarys_for_every_user()
    {
        var run = WorkshopRuns.Notebook(Name);
        Assert.True(run.Process.ExitCode == 0, run.Process.Output);

        var output = ExecutedNotebook.OutputOf(run.ExecutedPath, "churn-labels-check");

        Assert.Matches(@"^the labels of your LabelUser equal ChurnLabels\.Compute's for all [1-9][\d,]* users", output);
    }

    [Fact]
    public void The_attention_module_defined_in_the_notebook_computes_what_the_librarys_does()
    {
        var run = WorkshopRuns.Notebook(Name);
        Assert.True(run.Process.ExitCode == 0, run.Process.Output);

        var output = ExecutedNotebook.OutputOf(run.ExecutedPath, "global-attention-check");

        var figures = Regex.Match(output, @"context (?<context>\S+), weights (?<weights>\S+); weight on padding (?<padding>\S+)");
        Assert.True(figures.Success, output);
        Assert.All(["context", "weights", "padding"], g => Assert.True(double.Parse(figures.Groups[g].Value, System.Globalization.CultureInfo.InvariantCulture) < 1e-6, output));
    }
}
