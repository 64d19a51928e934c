using CustomerAnalytics.Cloud;

namespace CustomerAnalytics.Tests.Cloud;

/// <summary>The bucket settings <see cref="Workshop"/> reads once, the attendee's keys and the download cache.</summary>
public class WorkshopBucketTests
{
    private static Workshop With(string userName, params (string Name, string Value)[] settings)
    {
        var values = settings.ToDictionary(s => s.Name, s => s.Value);
        return Workshop.FromSettings(RepositoryPaths.Root, name => values.GetValueOrDefault(name), userName);
    }

    [Fact]
    public void The_bucket_comes_from_WORKSHOP_BUCKET_and_the_folder_from_the_user_name()
    {
        var workshop = With("ubuntu", (WorkshopSettings.BucketVariable, "workshop-data-ada"));

        Assert.Equal("workshop-data-ada", workshop.Bucket);
        Assert.Equal("ubuntu", workshop.Attendee);
        Assert.Equal("s3://workshop-data-ada/ubuntu/olist/", workshop.BucketUri("olist/"));
        Assert.Equal("s3://workshop-data-ada/ubuntu/results/rfm_olist.csv", workshop.BucketUri("results/rfm_olist.csv"));
        Assert.Contains("S3 folder s3://workshop-data-ada/ubuntu/", workshop.ToString());
    }

    [Fact]
    public void WORKSHOP_ATTENDEE_names_the_folder_and_is_made_a_plain_key_prefix()
    {
        Assert.Equal("ada-lovelace", With("ubuntu", (WorkshopSettings.BucketVariable, "b"), (WorkshopSettings.AttendeeVariable, "ada-lovelace")).Attendee);
        Assert.Equal("Jane-Doe", With(@"CORP\Jane Doe".Split('\\')[1], (WorkshopSettings.BucketVariable, "b")).Attendee);
        Assert.Equal("a-b", With("x", (WorkshopSettings.AttendeeVariable, "/a/b/")).Attendee);
        Assert.Equal("attendee", With("///").Attendee);
    }

    [Fact]
    public void Without_WORKSHOP_BUCKET_there_is_no_bucket_and_asking_for_one_says_what_to_set()
    {
        var workshop = With("ubuntu", (WorkshopSettings.BucketVariable, "  "));

        Assert.Null(workshop.Bucket);
        Assert.DoesNotContain("S3", workshop.ToString());
        var e = Assert.Throws<S3TransferException>(() => workshop.BucketUri("olist/"));
        Assert.Equal(S3ErrorKind.Configuration, e.Kind);
        Assert.Contains("WORKSHOP_BUCKET is not set", e.Message);
        Assert.Contains("s3://bucket/key parameter", e.Message);
    }

    [Fact]
    public void Downloads_are_cached_under_the_run_artifacts_by_bucket_and_key()
    {
        var output = Path.Combine(Path.GetTempPath(), "ca-cache-test");
        var workshop = With("u") with { ArtifactsFolder = output };

        Assert.Equal(Path.Combine(output, "s3-cache", "b", "u", "olist"), workshop.CachePath("s3://b/u/olist/"));
        Assert.Equal(Path.Combine(output, "s3-cache", "other", "retail", "online_retail.csv"), workshop.CachePath("s3://other/retail/online_retail.csv"));
        Assert.Throws<FormatException>(() => workshop.CachePath("s3://b/../../etc/passwd"));
        Assert.Throws<FormatException>(() => workshop.CachePath("/local/folder"));
    }

    [Fact]
    public void Transfer_log_prints_one_line_per_finished_object_with_its_size()
    {
        var writer = new StringWriter();
        var log = new TransferLog(writer);

        log.Report(new TransferProgress("s3://b/u/olist/orders.csv", TransferDirection.Upload, 400_000, 963_266));
        log.Report(new TransferProgress("s3://b/u/olist/orders.csv", TransferDirection.Upload, 963_266, 963_266));
        log.Report(new TransferProgress("s3://b/u/results/rfm_olist.csv", TransferDirection.Download, 0, 0));

        string[] expected = ["uploaded s3://b/u/olist/orders.csv (963,266 bytes)", "downloaded s3://b/u/results/rfm_olist.csv (0 bytes)"];
        Assert.Equal(expected, writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
        Assert.Equal(2, log.Transfers.Count);
        Assert.Equal(string.Join(Environment.NewLine, expected), log.ToString());
    }
}
