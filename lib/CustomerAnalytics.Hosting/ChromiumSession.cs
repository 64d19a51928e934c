using CustomerAnalytics.Charts;
using System.ComponentModel;
using System.Diagnostics;
using PuppeteerSharp;

namespace CustomerAnalytics.Hosting;

/// <summary>
/// One headless chromium with one page that has plotly.js loaded; each PNG is a
/// <c>Plotly.toImage</c> call on that page. Starting chromium and parsing 3.6 MB of plotly.js
/// costs seconds, a render tens of milliseconds, so the session is started once and reused.
/// </summary>
/// <remarks>
/// We start chromium ourselves and attach PuppeteerSharp to it (instead of
/// <c>Puppeteer.LaunchAsync</c> or Plotly.NET.ImageExport, which launches a browser per image)
/// to choose the flags and to keep the tail of chromium's stderr for error messages.
/// </remarks>
internal sealed class ChromiumSession : IAsyncDisposable
{
    /// <summary>
    /// The flags that keep chromium on 127.0.0.1. <c>--disable-background-networking</c> alone is not enough: its
    /// network service still looked up accounts.google.com and clients2.google.com and connected out on port 443.
    /// The resolver rule answers every other name with "not found" before any DNS query is sent; the rest turn off
    /// the services that would ask (prefetch, proxy discovery, sync, updates, reporting, safe browsing).
    /// .ci/jupyterlab-browser.mjs launches its chromium with the same list (a test keeps them equal). Declared before
    /// <see cref="Flags"/>: static fields are initialised in order.
    /// </summary>
    internal static readonly string[] LoopbackOnlyFlags =
    [
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
        "--no-proxy-server", "--dns-prefetch-disable", "--disable-quic", "--no-pings",
        "--no-first-run", "--no-default-browser-check", "--disable-default-apps", "--disable-extensions",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-domain-reliability", "--disable-client-side-phishing-detection", "--disable-breakpad",
        "--metrics-recording-only", "--safebrowsing-disable-auto-update",
    ];

    // Headless, no sandbox (containers and root), and nothing that phones home (see LoopbackOnlyFlags).
    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
        "--remote-debugging-port=0", .. LoopbackOnlyFlags,
    ];

    private const string DevToolsBanner = "DevTools listening on ";

    private readonly Process process;
    private readonly DirectoryInfo profile;
    private readonly StderrTail stderr;
    private IBrowser? browser;
    private IPage? page;

    private ChromiumSession(string chromiumPath, Process process, DirectoryInfo profile, StderrTail stderr)
    {
        ChromiumPath = chromiumPath;
        this.process = process;
        this.profile = profile;
        this.stderr = stderr;
    }

    /// <summary>The executable this session runs.</summary>
    public string ChromiumPath { get; }

    /// <summary>False once chromium exited or the DevTools connection dropped.</summary>
    public bool IsAlive => !process.HasExited && browser is { IsConnected: true };

    /// <summary>The session's temporary profile folder (a <c>ca-chromium-*</c> folder in the temp dir).</summary>
    internal string ProfilePath => profile.FullName;

    /// <summary>Starts chromium with a fresh profile and loads plotly.js into a blank page.</summary>
    /// <param name="chromiumPath">The browser executable.</param>
    /// <param name="timeout">How long starting and loading plotly.js may take.</param>
    /// <param name="ownerPid">The process chromium must not outlive (see <see cref="ChromiumWatchdog"/>); this process by default.</param>
    public static async Task<ChromiumSession> StartAsync(string chromiumPath, TimeSpan timeout, int? ownerPid = null)
    {
        var owner = ownerPid ?? Environment.ProcessId;
        var profile = ChromiumProfiles.Create(owner);
        var start = ChromiumWatchdog.StartInfo(chromiumPath, [.. Flags, "--user-data-dir=" + profile.FullName, "about:blank"], owner, profile.FullName);
        start.UseShellExecute = false;
        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        // Chromium's own temp files (its singleton socket folder) go into the profile, so
        // deleting the profile cleans up even after a kill.
        start.Environment["TMPDIR"] = profile.FullName;
        // Its crash database too (XDG_CONFIG_HOME/chromium/Crash Reports, whatever --user-data-dir says): nothing in
        // the user's ~/.config, and the watchdog can tell this session's crash handlers from other chromiums'.
        start.Environment["XDG_CONFIG_HOME"] = profile.FullName;

        var stderr = new StderrTail();
        var endpoint = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        Process process;
        try
        {
            process = new Process { StartInfo = start };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                stderr.Add(e.Data);
                var at = e.Data.IndexOf(DevToolsBanner, StringComparison.Ordinal);
                if (at >= 0) endpoint.TrySetResult(e.Data[(at + DevToolsBanner.Length)..].Trim());
            };
            process.OutputDataReceived += (_, _) => { };
            process.Start();
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            TryDelete(profile);
            throw new ChartExportException($"Could not start chromium ({e.Message}). Check that the file is an executable browser, or set {WorkshopSettings.ChromiumVariable}.",
                chromiumPath, "", e);
        }

        var session = new ChromiumSession(chromiumPath, process, profile, stderr);
        using var deadline = new CancellationTokenSource(timeout);
        var clock = Stopwatch.StartNew();
        var step = "waiting for chromium's DevTools endpoint";
        try
        {
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
            var exited = process.WaitForExitAsync(waiting.Token);
            var first = await Task.WhenAny(endpoint.Task, exited, Task.Delay(Timeout.InfiniteTimeSpan, waiting.Token));
            await waiting.CancelAsync(); // release the losers of the race
            if (first != endpoint.Task)
            {
                var why = process.HasExited
                    ? $"Chromium exited with code {process.ExitCode} before it was ready."
                    : $"Chromium did not open its DevTools endpoint within {timeout.TotalSeconds:0} s.";
                throw session.Failure(why + " Try running it by hand with --headless to see why.");
            }
            step = "connecting to chromium";
            session.browser = await Puppeteer.ConnectAsync(new ConnectOptions { BrowserWSEndpoint = endpoint.Task.Result })
                .WaitAsync(deadline.Token);
            // PuppeteerSharp waits 30 s by default for the new page's target, which a busy machine exceeded in CI
            // ("opening a page failed after 30.9 s"): the browser's waits get the launch timeout too.
            session.browser.DefaultWaitForTimeout = (int)timeout.TotalMilliseconds;
            step = "opening a page";
            session.page = await session.browser.NewPageAsync().WaitAsync(deadline.Token);
            // PuppeteerSharp's own 30 s defaults would end the load of plotly.js (3.6 MB) before the launch deadline
            // on a busy machine: the page's waits get the launch timeout.
            session.page.DefaultTimeout = session.page.DefaultNavigationTimeout = (int)timeout.TotalMilliseconds;
            step = "loading plotly.js into the page";
            await session.page.SetContentAsync(HostPage(), new NavigationOptions { Timeout = (int)timeout.TotalMilliseconds }).WaitAsync(deadline.Token);
            step = "checking plotly.js";
            var plotly = await session.page.EvaluateExpressionAsync<string>("typeof window.Plotly").WaitAsync(deadline.Token);
            if (plotly == "undefined") throw session.Failure("plotly.js did not load in chromium (window.Plotly is undefined).");
            return session;
        }
        catch (Exception e) when (e is not ChartExportException)
        {
            // Only the deadline's own cancellation is the launch timeout; a timeout or cancellation from inside
            // PuppeteerSharp (a call of its own limit, a dropped connection) is named as what it is.
            var failure = deadline.IsCancellationRequested
                ? session.Failure($"Chromium did not start and load plotly.js within {timeout.TotalSeconds:0} s (the machine may be very busy; raise {nameof(PngExportOptions)}.{nameof(PngExportOptions.LaunchTimeout)}).", e)
                : session.Failure($"Could not start chromium's page with plotly.js: {step} failed after {clock.Elapsed.TotalSeconds:0.0} s with {e.GetType().Name}: {e.Message}" +
                                  (process.HasExited ? $" (chromium exited with code {process.ExitCode})" : ""), e);
            await session.DisposeAsync();
            throw failure;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>Draws the figure ({data, layout, config} JSON) with plotly.js and returns the PNG bytes.</summary>
    public async Task<byte[]> RenderPngAsync(string figureJson, int width, int height, double scale, TimeSpan timeout)
    {
        const string draw =
            "async (figureJson, width, height, scale) => { " +
            "const figure = JSON.parse(figureJson); " +
            "return await Plotly.toImage({ data: figure.data, layout: figure.layout, config: figure.config }, " +
            "{ format: 'png', width: width, height: height, scale: scale }); }";
        string dataUrl;
        try
        {
            dataUrl = await page!.EvaluateFunctionAsync<string>(draw, figureJson, width, height, scale).WaitAsync(timeout);
        }
        catch (TimeoutException e)
        {
            throw Failure($"plotly.js did not finish the PNG within {timeout.TotalSeconds:0} s " +
                          $"(raise {nameof(PngExportOptions)}.{nameof(PngExportOptions.RenderTimeout)} for very large charts).", e);
        }
        catch (PuppeteerException e)
        {
            var why = process.HasExited ? $"Chromium exited (code {process.ExitCode}) while drawing the chart." : $"plotly.js failed to draw the chart: {e.Message}";
            throw Failure(why, e);
        }
        const string prefix = "data:image/png;base64,";
        if (dataUrl is null || !dataUrl.StartsWith(prefix, StringComparison.Ordinal))
            throw Failure($"plotly.js returned no PNG (got '{dataUrl?[..Math.Min(40, dataUrl.Length)]}').");
        return Convert.FromBase64String(dataUrl[prefix.Length..]);
    }

    /// <summary>Closes chromium (killing it if it does not close) and deletes its profile.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            // Let chromium exit by itself: killed, it leaves its singleton socket folder in /tmp.
            if (browser is { IsConnected: true }) await browser.CloseAsync().WaitAsync(TimeSpan.FromSeconds(5));
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception) { /* killed below */ }
        Kill();
        browser?.Dispose();
        process.Dispose();
    }

    /// <summary>Kills chromium at once and deletes its profile; safe to call from a process-exit handler.</summary>
    public void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (Exception) { /* already gone */ }
        TryDelete(profile);
    }

    private ChartExportException Failure(string problem, Exception? inner = null) =>
        new(problem, ChromiumPath, stderr.Text(), inner);

    private static string HostPage() =>
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + PlotlyJs.ScriptElement() + "</head><body></body></html>";

    private static void TryDelete(DirectoryInfo directory)
    {
        try { directory.Delete(recursive: true); }
        catch (IOException) { /* chromium may still hold a file for a moment; it is a temp dir */ }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>The last lines chromium wrote to stderr, for error messages.</summary>
    private sealed class StderrTail
    {
        private const int MaxLines = 25;
        private readonly Queue<string> lines = new();

        public void Add(string line)
        {
            lock (lines)
            {
                lines.Enqueue(line);
                if (lines.Count > MaxLines) lines.Dequeue();
            }
        }

        public string Text()
        {
            lock (lines) return string.Join("\n", lines);
        }
    }
}
