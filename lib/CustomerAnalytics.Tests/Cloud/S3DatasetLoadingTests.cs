using CustomerAnalytics.Cloud;
using CustomerAnalytics.Data;
using CustomerAnalytics.Tests.Data;

namespace CustomerAnalytics.Tests.Cloud;

[Collection(S3rverCollection.Name)]
public class S3DatasetLoadingTests(S3rverFixture server)
{
    [S3Fact]
    public async Task Olist_downloaded_from_s3_loads_the_same_tables_as_from_the_local_folder()
    {
        using var temp = new TempFolder();
        var folder = Samples.WriteOlist(temp);
        var bucket = await server.NewBucketAsync();
        using (var s3 = new S3Transfer(server.Options()))
            await s3.UploadFolderAsync(folder, $"s3://{bucket}/raw/olist");
        var downloaded = Path.Combine(temp.Path, "cache");
        using (var s3 = new S3Transfer(server.Options()))
            Assert.Equal(3, (await s3.DownloadPrefixAsync($"s3://{bucket}/raw/olist/", downloaded)).Count);
        using var local = new WorkshopDatabase();
        using var remote = new WorkshopDatabase(Path.Combine(temp.Path, "remote.duckdb"));

        var fromDisk = DatasetLoader.LoadOlist(local, folder);
        var fromS3 = DatasetLoader.LoadOlist(remote, downloaded);

        Assert.Equal(fromDisk.Reports.Select(r => (r.RowsRead, r.RowsAccepted, r.RowsRejected)), fromS3.Reports.Select(r => (r.RowsRead, r.RowsAccepted, r.RowsRejected)));
        Assert.Equal(Path.Combine(downloaded, DatasetSchemas.OlistFiles.Orders), fromS3.Orders.File);
        foreach (var table in new[] { "customers", "orders", "payments" })
        {
            Assert.Equal(local.Describe(table), remote.Describe(table));
            var expected = local.Query($"SELECT * FROM {table} ORDER BY ALL");
            var actual = remote.Query($"SELECT * FROM {table} ORDER BY ALL");
            Assert.Equal(expected.Rows.Count, actual.Rows.Count);
            for (int i = 0; i < expected.Rows.Count; i++)
                Assert.Equal(expected.Rows[i].ToArray(), actual.Rows[i].ToArray());
        }
    }

    [Fact]
    public void The_loaders_refuse_an_s3_uri_and_say_to_download_it_first()
    {
        using var db = new WorkshopDatabase();

        var file = Assert.Throws<DataFileNotFoundException>(() => DatasetLoader.LoadOnlineRetail(db, "s3://bucket/retail/online_retail.csv"));
        var folder = Assert.Throws<DataFileNotFoundException>(() => DatasetLoader.LoadOlist(db, "s3://bucket/raw/olist/"));

        Assert.Equal("s3://bucket/retail/online_retail.csv", file.Path);
        Assert.Contains("S3Transfer.DownloadFileAsync", file.Message);
        Assert.Contains("S3Transfer.DownloadPrefixAsync", folder.Message);
    }
}
