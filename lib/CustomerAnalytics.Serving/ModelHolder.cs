using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerAnalytics.Serving;

/// <summary>
/// Holds the model version being served and replaces it when its file changes: the file is looked at every
/// <see cref="ServiceOptions.ReloadPollInterval"/> (length and write time, then the hash of its bytes), the new version
/// is loaded beside the old one and swapped in one step, so no request waits and none sees a half-loaded model. A file
/// that does not load leaves the old version serving and is reported in <see cref="LastReloadError"/>.
/// </summary>
public sealed class ModelHolder(ServiceOptions options, ILogger<ModelHolder> log) : BackgroundService
{
    private ServedModel current = ServedModel.Load(options.PropensityModel);
    private (long Length, DateTime Written) seen = Stamp(options.PropensityModel);
    private int reloads;

    /// <summary>The version serving now; read it once per request.</summary>
    public ServedModel Current => Volatile.Read(ref current);

    /// <summary>Versions loaded after the first.</summary>
    public int Reloads => Volatile.Read(ref reloads);

    /// <summary>Why the last changed file was not loaded, or null.</summary>
    public string? LastReloadError { get; private set; }

    /// <summary>Looks at the file once; returns true when a new version was swapped in.</summary>
    public bool CheckNow()
    {
        var stamp = Stamp(options.PropensityModel);
        if (stamp == seen) return false;
        try
        {
            var next = ServedModel.Load(options.PropensityModel);
            seen = stamp;
            LastReloadError = null;
            if (next.Sha256 == Current.Sha256) return false;
            Volatile.Write(ref current, next);
            Interlocked.Increment(ref reloads);
            log.LogInformation("Reloaded {Path}: sha256 {Sha256}", next.Path, next.Sha256);
            return true;
        }
        catch (ModelLoadException e)
        {
            // Maybe caught half-written by a writer that does not replace files atomically: tried again next time.
            LastReloadError = e.Message;
            log.LogWarning("Kept serving {Sha256}: {Error}", Current.Sha256, e.Message);
            return false;
        }
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.ReloadPollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken)) CheckNow();
    }

    private static (long, DateTime) Stamp(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? (file.Length, file.LastWriteTimeUtc) : (-1, DateTime.MinValue);
    }
}
