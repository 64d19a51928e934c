using CustomerAnalytics.Charts;
using System.Globalization;

namespace CustomerAnalytics.Hosting;

/// <summary>
/// The temporary <c>ca-chromium-*</c> profile folders of PNG export. Each records the pid of the
/// process that created it; a new session first deletes the folders whose owner is dead (left by a
/// crashed or killed run, whose chromium the <see cref="ChromiumWatchdog"/> has stopped).
/// </summary>
internal static class ChromiumProfiles
{
    public const string Prefix = "ca-chromium-";
    internal const string OwnerFile = "ca-owner.pid";

    // Folders of versions before the owner file: stale once nothing touched them for this long.
    private static readonly TimeSpan UnownedAge = TimeSpan.FromHours(12);

    /// <summary>Removes stale profiles, then creates a fresh one owned by <paramref name="ownerPid"/>.</summary>
    public static DirectoryInfo Create(int ownerPid)
    {
        RemoveStale(Path.GetTempPath(), ProcessLiveness.IsAlive);
        var profile = Directory.CreateTempSubdirectory(Prefix);
        File.WriteAllText(Path.Combine(profile.FullName, OwnerFile), ownerPid.ToString(CultureInfo.InvariantCulture));
        return profile;
    }

    /// <summary>Deletes the profiles under <paramref name="tempRoot"/> whose owner is not alive; returns their paths.</summary>
    internal static IReadOnlyList<string> RemoveStale(string tempRoot, Func<int, bool> isAlive)
    {
        var removed = new List<string>();
        if (!Directory.Exists(tempRoot)) return removed;
        foreach (var folder in Directory.EnumerateDirectories(tempRoot, Prefix + "*"))
        {
            if (!IsStale(folder, isAlive)) continue;
            try
            {
                Directory.Delete(folder, recursive: true);
                removed.Add(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* another user's, or in use */ }
        }
        return removed;
    }

    private static bool IsStale(string folder, Func<int, bool> isAlive)
    {
        try
        {
            var owner = Path.Combine(folder, OwnerFile);
            if (File.Exists(owner))
                return int.TryParse(File.ReadAllText(owner).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                       && pid != Environment.ProcessId && !isAlive(pid);
            return DateTime.UtcNow - Directory.GetLastWriteTimeUtc(folder) > UnownedAge;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }
}
