using CustomerAnalytics.Cloud;

namespace CustomerAnalytics.Tests.Foundation;

/// <summary>The machine's settings, read once by <see cref="WorkshopSettings.FromEnvironment"/>, and the S3 options built from them.</summary>
public sealed class WorkshopSettingsTests
{
    private static WorkshopSettings Read(params (string Name, string? Value)[] variables)
    {
        var values = variables.ToDictionary(v => v.Name, v => v.Value);
        return WorkshopSettings.From(RepositoryPaths.Root, name => values.GetValueOrDefault(name));
    }

    [Fact]
    public void Every_setting_is_read_from_its_variable_and_trimmed()
    {
        var settings = Read((WorkshopSettings.BucketVariable, " workshop-data-ada "), (WorkshopSettings.AttendeeVariable, "ada"),
            (WorkshopSettings.DeviceVariable, "cpu"), (WorkshopSettings.ChromiumVariable, "/usr/bin/chromium"),
            (WorkshopSettings.EndpointVariable, "http://127.0.0.1:4568"), (WorkshopSettings.RegionVariable, "eu-west-1"));

        Assert.Equal(RepositoryPaths.Root, settings.Root);
        Assert.Equal("workshop-data-ada", settings.Bucket);
        Assert.Equal("ada", settings.Attendee);
        Assert.Equal("cpu", settings.Device);
        Assert.Equal("/usr/bin/chromium", settings.ChromiumPath);
        Assert.Equal("http://127.0.0.1:4568", settings.S3Endpoint);
        Assert.Equal("eu-west-1", settings.S3Region);
    }

    [Fact]
    public void The_S3_endpoint_variable_wins_over_the_general_one_and_AWS_REGION_over_AWS_DEFAULT_REGION()
    {
        var settings = Read((WorkshopSettings.S3EndpointVariable, "http://127.0.0.1:9000"), (WorkshopSettings.EndpointVariable, "http://127.0.0.1:4568"),
            (WorkshopSettings.RegionVariable, "eu-west-1"), (WorkshopSettings.DefaultRegionVariable, "us-west-2"));
        Assert.Equal("http://127.0.0.1:9000", settings.S3Endpoint);
        Assert.Equal("eu-west-1", settings.S3Region);

        var fallback = Read((WorkshopSettings.S3EndpointVariable, "  "), (WorkshopSettings.EndpointVariable, "http://127.0.0.1:4568"),
            (WorkshopSettings.RegionVariable, ""), (WorkshopSettings.DefaultRegionVariable, "us-west-2"));
        Assert.Equal("http://127.0.0.1:4568", fallback.S3Endpoint);
        Assert.Equal("us-west-2", fallback.S3Region);
    }

    [Fact]
    public void Unset_or_blank_variables_give_no_setting()
    {
        var settings = Read((WorkshopSettings.BucketVariable, " "), (WorkshopSettings.DeviceVariable, ""));

        Assert.Null(settings.Bucket);
        Assert.Null(settings.Attendee);
        Assert.Null(settings.Device);
        Assert.Null(settings.ChromiumPath);
        Assert.Null(settings.S3Endpoint);
        Assert.Null(settings.S3Region);
    }

    [Fact]
    public void S3_options_for_a_workshop_take_its_bucket_endpoint_and_region_with_path_style_for_a_local_server()
    {
        var local = Workshop.Start(Read((WorkshopSettings.BucketVariable, "b"), (WorkshopSettings.EndpointVariable, "http://127.0.0.1:4568"), (WorkshopSettings.RegionVariable, "eu-west-1")));
        var options = S3Options.For(local);
        Assert.Equal("b", options.Bucket);
        Assert.Equal("http://127.0.0.1:4568", options.ServiceUrl);
        Assert.True(options.ForcePathStyle);
        Assert.Equal("eu-west-1", options.EffectiveRegion);

        var aws = S3Options.For(Workshop.Start(Read((WorkshopSettings.BucketVariable, "b"))));
        Assert.Null(aws.ServiceUrl);
        Assert.False(aws.ForcePathStyle);
        Assert.Equal("us-east-1", aws.EffectiveRegion);
    }
}
