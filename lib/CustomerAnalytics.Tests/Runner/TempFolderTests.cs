using System.Diagnostics;
using static CustomerAnalytics.Tests.Runner.RunnerTestSupport;

namespace CustomerAnalytics.Tests.Runner;

public class TempFolderTests
{
    [Fact]
    public void Folders_of_ended_test_processes_are_removed_and_running_ones_kept()
    {
        var parent = NewTempDirectory();
        using var ended = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        ended.WaitForExit();
        var endedFolder = Directory.CreateDirectory(Path.Combine(parent, $"run-{ended.Id}")).FullName;
        File.WriteAllText(Path.Combine(endedFolder, "chart.html"), "left behind");
        var running = Directory.CreateDirectory(Path.Combine(parent, $"run-{Environment.ProcessId}")).FullName;
        var other = Directory.CreateDirectory(Path.Combine(parent, "notes")).FullName;

        RemoveFoldersOfEndedProcesses(parent);

        Assert.False(Directory.Exists(endedFolder));
        Assert.True(Directory.Exists(running));
        Assert.True(Directory.Exists(other));
    }

    [Fact]
    public void Temp_folders_are_inside_this_processs_folder()
    {
        var folder = NewTempDirectory();
        Assert.Equal($"run-{Environment.ProcessId}", Path.GetFileName(Path.GetDirectoryName(folder)));
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }
}
