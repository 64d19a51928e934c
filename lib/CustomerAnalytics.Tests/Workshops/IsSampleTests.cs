namespace CustomerAnalytics.Tests.Workshops;

/// <summary><see cref="Workshop.IsSample"/>: sample-only sections run on the bundled data and on nothing else.</summary>
public sealed class IsSampleTests : IDisposable
{
    private readonly Workshop _workshop = Workshop.Start(RepositoryPaths.Root);
    private readonly string _temp = Directory.CreateTempSubdirectory("is-sample-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Empty_parameter_and_the_bundled_files_are_the_sample()
    {
        Assert.True(_workshop.IsSample(""));
        Assert.True(_workshop.IsSample(_workshop.DataPath("olist")));
        Assert.True(_workshop.IsSample(_workshop.DataPath("journeys", "touchpoint_journeys.tsv")));
    }

    [Fact]
    public void A_copy_of_the_sample_elsewhere_is_the_sample_but_one_changed_byte_is_not()
    {
        var copy = Path.Combine(_temp, "journeys.tsv");
        File.Copy(_workshop.DataPath("journeys", "touchpoint_journeys.tsv"), copy);
        Assert.True(_workshop.IsSample(copy));

        var bytes = File.ReadAllBytes(copy);
        bytes[10] = (byte)(bytes[10] == (byte)'A' ? 'B' : 'A');
        File.WriteAllBytes(copy, bytes);
        Assert.False(_workshop.IsSample(copy));
    }

    [Fact]
    public void A_folder_is_the_sample_only_when_every_data_file_in_it_is()
    {
        foreach (var file in Directory.GetFiles(_workshop.DataPath("olist"))) File.Copy(file, Path.Combine(_temp, Path.GetFileName(file)));
        Assert.True(_workshop.IsSample(_temp));

        File.AppendAllText(Path.Combine(_temp, "olist_orders_dataset.csv"), "\n");
        Assert.False(_workshop.IsSample(_temp));
    }

    [Fact]
    public void S3_missing_paths_and_truth_files_are_not_the_sample()
    {
        Assert.False(_workshop.IsSample("s3://bucket/olist/"));
        Assert.False(_workshop.IsSample(Path.Combine(_temp, "missing.csv")));
        Assert.False(_workshop.IsSample(_workshop.DataPath("truth", "olist_customer_segments.csv")));
    }
}
