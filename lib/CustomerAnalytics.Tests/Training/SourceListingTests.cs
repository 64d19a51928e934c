using CustomerAnalytics.Churn.Models;
using CustomerAnalytics.Sequences.Models;
using CustomerAnalytics.Training;

namespace CustomerAnalytics.Tests.Training;

public class SourceListingTests
{
    [Fact]
    public void ATypeIsListedFromItsDocCommentToItsClosingBrace()
    {
        var listing = SourceListing.Of(RepositoryPaths.Root, typeof(AdditiveAttention));
        Assert.Equal("lib/CustomerAnalytics.Deep/Churn/Models/AttentionLayers.cs", listing.File);
        Assert.StartsWith("/// <summary>", listing.Code);
        Assert.Contains("public sealed class AdditiveAttention", listing.Code);
        Assert.Contains("public override (Tensor Context, Tensor Weights) forward(Tensor h, Tensor mask)", listing.Code);
        Assert.EndsWith("}", listing.Code);
        Assert.DoesNotContain("class SelfAttention", listing.Code);
        var file = File.ReadAllText(Path.Combine(RepositoryPaths.Root, listing.File)).ReplaceLineEndings("\n");
        Assert.Contains(listing.Code, file);
    }

    [Fact]
    public void TheListingRendersAsAnEncodedCodeBlockUnderItsPath()
    {
        var html = SourceListing.Of(RepositoryPaths.Root, typeof(RnnAttentionModel)).ToHtml();
        Assert.Contains("<b>lib/CustomerAnalytics.Deep/Churn/Models/RnnAttentionModel.cs</b>", html);
        Assert.Contains("<pre><code class=\"language-csharp\">", html);
        Assert.Contains("(Tensor Logits, IReadOnlyList&lt;Tensor&gt; Attention) ForwardWithAttention", html);
    }

    [Fact]
    public void OutsideAClonedRepositoryTheErrorSaysWhy()
    {
        var e = Assert.Throws<SourceNotFoundException>(() => SourceListing.Of(Path.GetTempPath(), typeof(AdditiveAttention)));
        Assert.Contains("No declaration of AdditiveAttention", e.Message);
        Assert.Contains("run the notebook from a clone", e.Message);
    }

    [Fact]
    public void The_lstm_model_is_listed_from_its_own_file()
    {
        var listing = SourceListing.Of(RepositoryPaths.Root, typeof(Seq2SeqModel));
        Assert.Equal("lib/CustomerAnalytics.Deep/Sequences/Models/Seq2SeqModel.cs", listing.File);
        Assert.Contains("forward(", listing.Code);
        Assert.EndsWith("}", listing.Code);
    }
}
