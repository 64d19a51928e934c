using System.Diagnostics;

namespace CustomerAnalytics.Tests.Foundation;

public sealed class OutputFolderLockTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("folder-lock").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string LockFile(string output) => Path.Combine(output, OutputFolderLock.FileName);

    [Fact]
    public void The_lock_file_holds_this_process_id_while_held_and_is_gone_after()
    {
        var output = Path.Combine(folder, "new", "out");

        using (var held = OutputFolderLock.Acquire(output))
        {
            Assert.Equal(output, held.Folder);
            Assert.Equal(Environment.ProcessId.ToString(), File.ReadAllLines(held.LockFile)[0]);
            Assert.Equal([OutputFolderLock.FileName], Directory.GetFiles(output).Select(Path.GetFileName)); // no temporary file
        }

        Assert.False(File.Exists(LockFile(output)));
    }

    [Fact]
    public void This_process_may_take_its_own_lock_again_and_the_first_holder_releases_it()
    {
        using var first = OutputFolderLock.Acquire(folder);
        using (OutputFolderLock.Acquire(folder)) { }

        Assert.True(File.Exists(first.LockFile));
    }

    [Fact]
    public void A_running_owner_keeps_the_folder()
    {
        using var other = Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
        try
        {
            File.WriteAllText(LockFile(folder), $"{other.Id}\n");

            var e = Assert.Throws<OutputFolderException>(() => OutputFolderLock.Acquire(folder));

            Assert.Equal(other.Id, e.OwnerProcessId);
            Assert.Equal(folder, e.Folder);
            Assert.Contains($"The output folder {folder} is in use by another run (process {other.Id}", e.Message);
            Assert.Contains($"If no such process runs, delete {LockFile(folder)}.", e.Message);
        }
        finally
        {
            other.Kill();
        }
    }

    [Theory]
    [InlineData("dead")]      // the owner was killed
    [InlineData("reused")]    // the owner's pid now belongs to another process (its start time differs)
    [InlineData("garbage")]   // edited by hand
    public void A_stale_lock_is_taken_over(string kind)
    {
        var content = kind switch
        {
            "dead" => $"{EndedProcessId()}\n",
            "reused" => $"{Environment.ProcessId}\n2001-01-01T00:00:00.0000000Z\n",
            _ => "not a pid",
        };
        File.WriteAllText(LockFile(folder), content);

        using var held = OutputFolderLock.Acquire(folder);

        Assert.Equal(Environment.ProcessId.ToString(), File.ReadAllLines(held.LockFile)[0]);
        Assert.Equal([OutputFolderLock.FileName], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Taking_over_a_stale_lock_removes_the_temporary_files_of_ended_processes_only()
    {
        var dead = EndedProcessId();
        var results = Directory.CreateDirectory(Path.Combine(folder, "results")).FullName;
        File.WriteAllText(LockFile(folder), $"{dead}\n");
        var leftover = Path.Combine(results, $"rfm_olist.csv{AtomicFile.TemporaryMarker}{dead}-0badc0de");
        var live = Path.Combine(results, $"rfm_olist.csv{AtomicFile.TemporaryMarker}{Environment.ProcessId}-0badc0de");
        var finished = Path.Combine(results, "rfm_olist.csv");
        foreach (var f in new[] { leftover, live, finished }) File.WriteAllText(f, "x");

        using (OutputFolderLock.Acquire(folder)) { }

        Assert.False(File.Exists(leftover));
        Assert.True(File.Exists(live));     // this process may still be writing it
        Assert.True(File.Exists(finished));
    }

    [Fact]
    public void A_file_is_not_an_output_folder()
    {
        var file = Path.Combine(folder, "results.csv");
        File.WriteAllText(file, "kept");

        var e = Assert.Throws<OutputFolderException>(() => OutputFolderLock.Acquire(file));

        Assert.Equal($"The output folder {file} is a file: give --out a folder (it is created when missing).", e.Message);
        Assert.Equal("kept", File.ReadAllText(file));
    }

    private static int EndedProcessId()
    {
        using var ended = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        ended.WaitForExit();
        return ended.Id;
    }
}
