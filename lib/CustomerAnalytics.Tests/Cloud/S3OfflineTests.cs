using System.Net;
using System.Net.Sockets;
using CustomerAnalytics.Cloud;

namespace CustomerAnalytics.Tests.Cloud;

/// <summary>S3 behaviour that needs no server.</summary>
public class S3OfflineTests
{
    [Fact]
    public async Task Unreachable_endpoint_is_a_connection_error_naming_the_endpoint()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now
        var url = $"http://127.0.0.1:{port}";
        using var s3 = new S3Transfer(S3Options.ForLocalServer(url, "b") with { MaxRetries = 0 });

        var e = await Assert.ThrowsAsync<S3TransferException>(() => s3.ListAsync());

        Assert.Equal(S3ErrorKind.Connection, e.Kind);
        Assert.Contains(url, e.Message);
        Assert.Contains("ServiceUrl", e.Message);
    }

    [Fact]
    public async Task Relative_key_without_a_bucket_is_a_configuration_error()
    {
        using var s3 = new S3Transfer(S3Options.ForLocalServer("http://127.0.0.1:9"));
        var e = await Assert.ThrowsAsync<S3TransferException>(() => s3.ListAsync("data/"));
        Assert.Equal(S3ErrorKind.Configuration, e.Kind);
        Assert.Contains("S3Options.Bucket", e.Message);
    }

    [Theory]
    [InlineData("s3://bucket/a/b.csv", "bucket", "a/b.csv")]
    [InlineData("s3://bucket", "bucket", "")]
    [InlineData("S3://bucket/folder/", "bucket", "folder/")]
    public void S3_uris_parse_into_bucket_and_key(string text, string bucket, string key)
    {
        var uri = S3Uri.Parse(text);
        Assert.Equal(bucket, uri.Bucket);
        Assert.Equal(key, uri.Key);
    }

    [Fact]
    public void S3_uri_combine_and_bad_uris()
    {
        Assert.Equal("s3://b/olist/orders.csv", S3Uri.Parse("s3://b/olist/").Combine("orders.csv").ToString());
        Assert.Equal("s3://b/olist/orders.csv", S3Uri.Parse("s3://b/olist").Combine("orders.csv").ToString());
        Assert.Throws<FormatException>(() => S3Uri.Parse("s3:///key"));
        Assert.Throws<FormatException>(() => S3Uri.Parse("/local/path"));
    }

    [Fact]
    public void Options_hide_secrets_when_printed()
    {
        var text = S3Options.ForLocalServer("http://127.0.0.1:1", "b", "KEY", "TOPSECRET").ToString();
        Assert.DoesNotContain("TOPSECRET", text);
        Assert.Contains("access key KEY", text);
    }
}
