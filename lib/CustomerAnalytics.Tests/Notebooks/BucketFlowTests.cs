using System.Globalization;
using CustomerAnalytics.Cloud;
using CustomerAnalytics.Tests.Cloud;
using CustomerAnalytics.Tests.Data;
using static CustomerAnalytics.Tests.Runner.RunnerTestSupport;

namespace CustomerAnalytics.Tests.Notebooks;

/// <summary>
/// Workshops 01 to 03 on a machine with a bucket (WORKSHOP_BUCKET, as the GPU template sets it), against a local
/// s3rver reached through the standard AWS environment variables: 01 loads s3:// sources from the attendee's folder
/// and puts its RFM table there; 02 reads that table back; 03 saves its model there.
/// </summary>
[Collection(NotebookProcessCollection.Name)]
public sealed class BucketFlowTests(S3rverFixture server) : IClassFixture<S3rverFixture>
{
    private Dictionary<string, string?> BucketEnvironment(string bucket) => new()
    {
        [WorkshopSettings.BucketVariable] = bucket,
        [WorkshopSettings.AttendeeVariable] = null, // the user name, as on the GPU machines
        [WorkshopSettings.EndpointVariable] = server.ServiceUrl,
        [WorkshopSettings.S3EndpointVariable] = null,
        ["AWS_ACCESS_KEY_ID"] = "S3RVER",
        ["AWS_SECRET_ACCESS_KEY"] = "S3RVER",
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_PROFILE"] = null,
        [WorkshopSettings.RegionVariable] = "us-east-1",
        [WorkshopSettings.DefaultRegionVariable] = null,
    };

    // The attendee's folder when WORKSHOP_ATTENDEE is not set: the user name, as on the GPU machines.
    private static readonly string Attendee = Workshop.FromSettings(RepositoryPaths.Root, _ => null, Environment.UserName).Attendee;

    private static string Line(string uri, long bytes, bool upload) =>
        string.Create(CultureInfo.InvariantCulture, $"{(upload ? "uploaded" : "downloaded")} {uri} ({bytes:N0} bytes)");

    [S3Fact]
    public async Task With_a_bucket_01_reads_its_sources_from_S3_and_uploads_its_RFM_table_and_02_reads_the_table_from_there()
    {
        var bucket = await server.NewBucketAsync();
        var attendee = Attendee;
        var folder = $"s3://{bucket}/{attendee}/";
        using var s3 = new S3Transfer(server.Options());
        // The attendee's own files in their folder, as they would put them there; 01 and 02 get them as s3:// sources.
        string[] samples = ["olist/olist_customers_dataset.csv", "olist/olist_order_payments_dataset.csv", "olist/olist_orders_dataset.csv", "online-retail/online_retail.csv"];
        foreach (var key in samples)
            await s3.UploadFileAsync(Path.Combine(RepositoryPaths.Root, "data", key), folder + key);
        var retailUri = folder + "online-retail/online_retail.csv";
        var out01 = WorkshopRuns.NewOutputFolder("01-bucket-flow");

        var run01 = RunExe(RepositoryPaths.Root, BucketEnvironment(bucket),
            [Path.Combine("notebooks", "01-rfm-sql-prep.ipynb"), "--out", out01, "--param", "olistSource=" + folder + "olist/", "--param", "retailSource=" + retailUri]);

        Assert.True(run01.ExitCode == 0, $"01 failed with a bucket (exit {run01.ExitCode}):\n{run01.Output}");
        var objects = await s3.ListAsync($"s3://{bucket}/");
        Assert.Equal([.. samples, "results/rfm_olist.csv"], objects.Select(o => o.Key[(attendee.Length + 1)..]));
        foreach (var key in samples)
        {
            var local = Path.Combine(RepositoryPaths.Root, "data", key);
            Assert.Equal(File.ReadAllBytes(local), File.ReadAllBytes(Path.Combine(out01, "s3-cache", bucket, attendee, key)));
            Assert.Contains(Line(folder + key, new FileInfo(local).Length, upload: false), run01.Output);
            Assert.DoesNotContain(Line(folder + key, new FileInfo(local).Length, upload: true), run01.Output);
        }
        using var temp = new TempFolder();
        var rfmCsv = File.ReadAllBytes(Path.Combine(out01, "results", "rfm_olist.csv"));
        var rfmUri = folder + "results/rfm_olist.csv";
        Assert.Equal(rfmCsv, File.ReadAllBytes(await s3.DownloadFileAsync(rfmUri, Path.Combine(temp.Path, "rfm_olist.csv"))));
        Assert.Contains(Line(rfmUri, rfmCsv.Length, upload: true), run01.Output);

        var out02 = WorkshopRuns.NewOutputFolder("02-bucket-flow");
        // An s3:// source parameter is downloaded first, as in 01.
        var run02 = RunExe(RepositoryPaths.Root, BucketEnvironment(bucket),
            [Path.Combine("notebooks", "02-kmeans-segmentation.ipynb"), "--out", out02, "--param", "retailSource=" + retailUri, .. WorkshopRuns.ParameterArgs("02-kmeans-segmentation")]);

        Assert.True(run02.ExitCode == 0, $"02 failed with a bucket (exit {run02.ExitCode}):\n{run02.Output}");
        Assert.Contains($"RFM table: read from {rfmUri}", run02.Output);
        Assert.Contains(Line(rfmUri, rfmCsv.Length, upload: false), run02.Output);
        Assert.Equal(rfmCsv, File.ReadAllBytes(Path.Combine(out02, "s3-cache", bucket, attendee, "results", "rfm_olist.csv")));
        Assert.False(File.Exists(Path.Combine(out02, "results", "rfm_olist.csv")), "02 must not have had a local copy of 01's table to read");
        var customers = File.ReadAllLines(Path.Combine(out01, "results", "rfm_olist.csv")).Length - 1;
        Assert.Equal(customers, KeyNumbers.Read(Path.Combine(out02, "charts", "02-kmeans-segmentation", KeyNumbers.FileName))["customers"]);
        Assert.Contains("Truth comparison skipped", run02.Output); // a table read from S3 is a file, never the sample
        Assert.Contains(Line(retailUri, new FileInfo(Path.Combine(RepositoryPaths.Root, "data", "online-retail", "online_retail.csv")).Length, upload: false), run02.Output);
        var segments = Assert.Single(await s3.ListAsync(folder + "results/"), o => o.Key.EndsWith("customer_segments.csv", StringComparison.Ordinal));
        Assert.Equal(new FileInfo(Path.Combine(out02, "results", "customer_segments.csv")).Length, segments.Size);
    }

    [S3Fact]
    public async Task With_a_bucket_06_puts_the_model_03_saved_in_the_attendee_folder()
    {
        var bucket = await server.NewBucketAsync();
        var output = WorkshopRuns.NewOutputFolder("03-06-bucket-flow");

        // 03 saves its model; 06, run later into the same --out, loads that model and uploads it.
        var run03 = RunExe(RepositoryPaths.Root, BucketEnvironment(bucket), [Path.Combine("notebooks", "03-propensity-modelling.ipynb"), "--out", output, .. WorkshopRuns.ParameterArgs("03-propensity-modelling")]);
        Assert.True(run03.ExitCode == 0, $"03 failed with a bucket (exit {run03.ExitCode}):\n{run03.Output}");
        using var s3 = new S3Transfer(server.Options());
        Assert.Empty(await s3.ListAsync($"s3://{bucket}/")); // 03 keeps its model on this machine
        var run06 = RunExe(RepositoryPaths.Root, BucketEnvironment(bucket), [Path.Combine("notebooks", "06-deploy-and-monitor.ipynb"), "--out", output, .. WorkshopRuns.ParameterArgs("06-deploy-and-monitor")]);

        Assert.True(run06.ExitCode == 0, $"06 failed with a bucket (exit {run06.ExitCode}):\n{run06.Output}");
        var local = Path.Combine(output, "charts", "03-propensity-modelling", "propensity-model.zip");
        Assert.Contains($"Loaded the model workshop 03 saved: {local}", run06.Output);
        var model = Assert.Single(await s3.ListAsync($"s3://{bucket}/"));
        Assert.Equal($"{Attendee}/models/propensity-model.zip", model.Key);
        using var temp = new TempFolder();
        Assert.Equal(File.ReadAllBytes(local), File.ReadAllBytes(await s3.DownloadFileAsync(model.Uri.ToString(), Path.Combine(temp.Path, "model.zip"))));
        Assert.Contains(Line(model.Uri.ToString(), new FileInfo(local).Length, upload: true), run06.Output);
    }
}
