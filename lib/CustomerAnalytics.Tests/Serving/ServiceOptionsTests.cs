using System.Net;
using CustomerAnalytics.Serving;

namespace CustomerAnalytics.Tests.Serving;

/// <summary>The service's command line: 127.0.0.1 unless another address is asked for, and clear refusals.</summary>
public sealed class ServiceOptionsTests
{
    [Fact]
    public void The_default_is_127_0_0_1_port_5080_and_threshold_one_half()
    {
        var options = ServiceOptions.Parse(["--propensity-model", "m.zip"]);
        Assert.Equal(new ServiceOptions("m.zip"), options);
        Assert.Equal(IPAddress.Loopback, options.BindAddress);
        Assert.Equal(5080, options.Port);
    }

    [Fact]
    public void Another_address_only_when_given()
    {
        var options = ServiceOptions.Parse(["--propensity-model", "m.zip", "--address", "0.0.0.0", "--port", "8080", "--threshold", "0.25"]);
        Assert.Equal((IPAddress.Any, 8080, 0.25), (options.BindAddress, options.Port, options.Threshold));
    }

    [Fact]
    public void Capture_is_off_unless_a_folder_is_given_and_then_records_everything_by_default()
    {
        Assert.Null(ServiceOptions.Parse(["--propensity-model", "m.zip"]).Capture);
        Assert.Equal(new CaptureOptions("c", 100), ServiceOptions.Parse(["--propensity-model", "m.zip", "--capture", "c"]).Capture);
        Assert.Equal(new CaptureOptions("c", 12.5), ServiceOptions.Parse(["--propensity-model", "m.zip", "--capture", "c", "--capture-percent", "12.5"]).Capture);
    }

    [Fact]
    public void The_service_outlives_standard_input_unless_asked_not_to()
    {
        Assert.False(ServiceOptions.Parse(["--propensity-model", "m.zip"]).StopWhenStdinCloses);
        Assert.True(ServiceOptions.Parse(["--propensity-model", "m.zip", "--stop-when-stdin-closes"]).StopWhenStdinCloses);
    }

    [Theory]
    [InlineData(new string[0], "--propensity-model FILE is required.")]
    [InlineData(new[] { "--propensity-model" }, "--propensity-model needs a value.")]
    [InlineData(new[] { "--propensity-model", "m.zip", "--threshold", "1.5" }, "--threshold 1.5: must be a probability from 0 to 1.")]
    [InlineData(new[] { "--propensity-model", "m.zip", "--port", "-1" }, "--port -1: must be a whole number from 0 to 65535.")]
    [InlineData(new[] { "--propensity-model", "m.zip", "--address", "localhost" }, "--address localhost: not an IP address.")]
    [InlineData(new[] { "--propensity-model", "m.zip", "--urls", "http://x" }, "Unknown option --urls.")]
    [InlineData(new[] { "--propensity-model", "m.zip", "--capture-percent", "50" }, "--capture-percent needs --capture DIR.")]
    [InlineData(new[] { "--propensity-model", "m.zip", "--capture", "c", "--capture-percent", "150" }, "--capture-percent 150: must be a number from 0 to 100.")]
    public void Bad_arguments_are_refused_with_what_is_wrong(string[] args, string message) =>
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => ServiceOptions.Parse(args)).Message);
}
