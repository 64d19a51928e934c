using CustomerAnalytics.Charts;

namespace CustomerAnalytics.Tests.Charts;

public sealed class FileNamesTests
{
    [Theory]
    [InlineData("rfm-heatmap", "rfm-heatmap")]
    [InlineData("RFM heatmap / 2024", "RFM-heatmap-2024")]
    [InlineData("  churn: attention (seq2seq)  ", "churn-attention-seq2seq")]
    [InlineData("../../etc/passwd", "etc-passwd")]
    [InlineData("élan_v1.2", "lan_v1.2")]
    public void MakesSafeFileNameStems(string name, string expected) => Assert.Equal(expected, FileNames.Sanitize(name));

    [Fact]
    public void LongNamesAreCut() => Assert.Equal(100, FileNames.Sanitize(new string('a', 300)).Length);
}
