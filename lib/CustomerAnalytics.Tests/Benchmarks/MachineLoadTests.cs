using CustomerAnalytics.Benchmarks;

namespace CustomerAnalytics.Tests.Benchmarks;

public sealed class MachineLoadTests
{
    [Fact]
    public void The_one_minute_figure_is_read_from_a_loadavg_line()
    {
        Assert.Equal(0.52, MachineLoad.Parse("0.52 0.58 0.59 1/123 4567\n"));
        Assert.Equal(17.25, MachineLoad.Parse("17.25 9.10 4.00 12/800 99"));
    }

    [Theory]
    [InlineData(0.4, 2, true)]
    [InlineData(3.0, 2, true)]   // exactly 1.5 per core is still quiet
    [InlineData(3.01, 2, false)]
    [InlineData(12.0, 8, true)]
    [InlineData(15.9, 2, false)]
    public void A_load_above_one_and_a_half_per_core_is_not_for_quoting(double load, int cores, bool quiet)
    {
        var machine = new MachineLoad(load, cores);

        Assert.Equal(quiet, machine.IsQuiet);
        Assert.Equal(!quiet, machine.ToString().Contains("NOT FOR QUOTING", StringComparison.Ordinal));
        Assert.StartsWith($"load {load.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)} (1 min) on {cores} cores", machine.ToString());
    }

    [Fact]
    public void An_unknown_load_is_never_quiet()
    {
        var machine = new MachineLoad(null, 4);

        Assert.False(machine.IsQuiet);
        Assert.Contains("NOT FOR QUOTING", machine.ToString());
    }

    [Fact]
    public void The_load_now_is_known_on_linux()
    {
        var now = MachineLoad.Now();

        Assert.Equal(Environment.ProcessorCount, now.Cores);
        if (OperatingSystem.IsLinux()) Assert.True(now.OneMinute >= 0, now.ToString());
    }
}
