using CustomerAnalytics.Sequences;
using CustomerAnalytics.Training;

namespace CustomerAnalytics.Tests.Training;

public sealed class ModelSourceTests
{
    [Fact]
    public void Reads_the_file_that_defines_the_model()
    {
        var source = ModelSource.Of(typeof(Seq2SeqModel), RepositoryPaths.Root);
        Assert.Equal("lib/CustomerAnalytics/Sequences/Seq2SeqModel.cs", source.RelativePath);
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "lib", "CustomerAnalytics", "Sequences", "Seq2SeqModel.cs")).ReplaceLineEndings("\n"), source.Text);
        Assert.Contains("public sealed class Seq2SeqModel : nn.Module<Tensor, Tensor, Tensor, Tensor>", source.Text);
        Assert.Contains("public override Tensor forward(", source.Text);
        Assert.StartsWith("// lib/CustomerAnalytics/Sequences/Seq2SeqModel.cs\n", source.ToString());
    }

    [Fact]
    public void Html_shows_the_code_escaped()
    {
        var html = ModelSource.Of(typeof(Seq2SeqModel), RepositoryPaths.Root).ToHtml();
        Assert.Contains("nn.Module&lt;Tensor, Tensor, Tensor, Tensor&gt;", html);
        Assert.DoesNotContain("nn.Module<Tensor", html);
        Assert.Contains("<pre", html);
    }

    [Fact]
    public void Says_where_it_looked_when_the_file_is_missing()
    {
        var elsewhere = Directory.CreateTempSubdirectory("model-source").FullName;
        try
        {
            var e = Assert.Throws<FileNotFoundException>(() => ModelSource.Of(typeof(Seq2SeqModel), elsewhere));
            Assert.Contains(Path.Combine(elsewhere, "lib/CustomerAnalytics/Sequences/Seq2SeqModel.cs"), e.Message);
            Assert.Contains("clone of the workshop repository", e.Message);
        }
        finally { Directory.Delete(elsewhere, true); }
    }
}
