using System.Globalization;

namespace CustomerAnalytics;

/// <summary>
/// Keeps two runs from writing one output folder at once. <see cref="Acquire"/> checks the folder (not a file,
/// writable) and creates <c>.workshop-run.lock</c> in it, holding the owner's process id and start time; a second run
/// is refused with <see cref="OutputFolderException"/> naming the folder and that process. A lock left by a run that
/// no longer exists (killed with kill -9, machine restarted) is stale and taken over, and the temporary files that
/// run left behind are removed. The runner holds the lock for the run, an app until its process exits.
/// </summary>
public sealed class OutputFolderLock : IDisposable
{
    /// <summary>The lock file's name in the output folder.</summary>
    public const string FileName = ".workshop-run.lock";

    private readonly bool owned;
    private int disposed;

    private OutputFolderLock(string folder, bool owned)
    {
        Folder = folder;
        this.owned = owned;
    }

    /// <summary>The output folder (full path).</summary>
    public string Folder { get; }

    /// <summary>The lock file.</summary>
    public string LockFile => Path.Combine(Folder, FileName);

    /// <summary>
    /// Creates <paramref name="folder"/> when missing and takes its lock. Taking a lock this process already holds
    /// succeeds (and leaves it to the first holder to release).
    /// </summary>
    /// <exception cref="OutputFolderException">The path is a file, cannot be created or written, or another running
    /// process holds the lock.</exception>
    public static OutputFolderLock Acquire(string folder)
    {
        var full = Path.GetFullPath(folder);
        if (File.Exists(full))
            throw new OutputFolderException($"The output folder {full} is a file: give --out a folder (it is created when missing).", full);
        try { Directory.CreateDirectory(full); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputFolderException($"The output folder {full} cannot be created ({e.Message}): give --out a folder you can write to.", full, inner: e);
        }

        var lockFile = Path.Combine(full, FileName);
        var me = Owner.OfThisProcess();
        var stale = false;
        // Bounded: each round either takes the lock, finds a live owner, or removes a stale lock someone left.
        for (var round = 0; round < 5; round++)
        {
            if (TryCreate(full, lockFile, me))
            {
                if (stale) RemoveLeftovers(full);
                return new OutputFolderLock(full, owned: true);
            }
            var owner = Owner.Read(lockFile);
            if (owner is null) continue; // released between our attempt and the read
            if (owner.IsRunning())
                return owner.Pid == me.Pid ? new OutputFolderLock(full, owned: false) : throw InUse(full, lockFile, owner.Pid);
            RemoveStale(lockFile, owner);
            stale = true;
        }
        throw InUse(full, lockFile, Owner.Read(lockFile)?.Pid);
    }

    /// <summary>Removes the lock file when this instance created it.</summary>
    public void Dispose()
    {
        if (!owned || Interlocked.Exchange(ref disposed, 1) == 1) return;
        // Only our own lock: a run that found ours stale (it cannot be, while we run) must not lose theirs.
        if (Owner.Read(LockFile)?.Pid == Environment.ProcessId) TryDelete(LockFile);
    }

    private static OutputFolderException InUse(string folder, string lockFile, int? pid) => new(
        $"The output folder {folder} is in use by another run (process {pid?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}, lock file {lockFile}): " +
        $"wait until it ends, or give this run another --out folder. If no such process runs, delete {lockFile}.", folder, pid);

    // The content is written to a temporary file and linked into place without overwriting: the lock file never
    // exists half-written, and of two runs only one can create it.
    private static bool TryCreate(string folder, string lockFile, Owner me)
    {
        var temporary = lockFile + AtomicFile.TemporaryMarker + string.Create(CultureInfo.InvariantCulture, $"{me.Pid}-{Random.Shared.Next():x8}");
        try
        {
            File.WriteAllText(temporary, me.ToText());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new OutputFolderException($"The output folder {folder} is not writable ({e.Message}): give --out a folder you can write to.", folder, inner: e);
        }
        try
        {
            File.Move(temporary, lockFile, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(lockFile))
        {
            TryDelete(temporary);
            return false;
        }
    }

    // Renamed aside first (only one process can rename a given file), then deleted if it is still the stale
    // owner's: two runs that both found the lock stale never delete the one the faster of them created.
    private static void RemoveStale(string lockFile, Owner stale)
    {
        var aside = lockFile + ".stale" + AtomicFile.TemporaryMarker + string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}-{Random.Shared.Next():x8}");
        try { File.Move(lockFile, aside, overwrite: false); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return; } // someone else took it
        if (Owner.Read(aside) is { } moved && moved != stale && moved.IsRunning())
        {
            try { File.Move(aside, lockFile, overwrite: false); } catch (IOException) { }
            return;
        }
        TryDelete(aside);
    }

    /// <summary>
    /// A stale lock means a run was killed here: the temporary files it was writing (<see cref="AtomicFile"/>, named for
    /// their process) are removed when that process has ended. Finished files were never touched by the kill.
    /// </summary>
    private static void RemoveLeftovers(string folder)
    {
        var everywhere = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        foreach (var file in Directory.EnumerateFiles(folder, "*" + AtomicFile.TemporaryMarker + "*", everywhere))
            if (AtomicFile.OwnerOf(file) is { } pid && pid != Environment.ProcessId && !ProcessLiveness.IsAlive(pid)) TryDelete(file);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>The process a lock file names: its pid and, to tell it from a later process given the same pid, its start time.</summary>
    private sealed record Owner(int Pid, DateTime? Started)
    {
        public static Owner OfThisProcess() => new(Environment.ProcessId, ProcessLiveness.StartTime(Environment.ProcessId));

        public string ToText() => Pid.ToString(CultureInfo.InvariantCulture) + "\n" + (Started?.ToString("O", CultureInfo.InvariantCulture) ?? "") + "\n";

        /// <summary>The owner written in <paramref name="path"/>; null when there is no such file. A file that does not
        /// hold a pid (edited by hand) names no running process, so it counts as stale.</summary>
        public static Owner? Read(string path)
        {
            string[] lines;
            try { lines = File.ReadAllLines(path); }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { return null; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return new Owner(0, null); }
            var pid = lines.Length > 0 && int.TryParse(lines[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 0;
            DateTime? started = lines.Length > 1 && DateTime.TryParse(lines[1].Trim(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var s) ? s : null;
            return new Owner(pid, started);
        }

        /// <summary>True when the process still runs (and, when the start time was recorded, is the same process).</summary>
        public bool IsRunning()
        {
            if (Pid <= 0) return false;
            var now = ProcessLiveness.StartTime(Pid);
            if (now is null) return false;
            return Started is not { } then || now == DateTime.MinValue || Math.Abs((now.Value - then).TotalSeconds) < 2;
        }
    }
}
