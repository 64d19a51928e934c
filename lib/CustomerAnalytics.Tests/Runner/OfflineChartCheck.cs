using CustomerAnalytics.Charts;
using CustomerAnalytics.Hosting;
using System.Collections.Concurrent;
using CustomerAnalytics.Tests.Charts;
using PuppeteerSharp;

namespace CustomerAnalytics.Tests.Runner;

/// <summary>
/// Opens an HTML page in headless chromium with every request that is not file:// or data: aborted and recorded,
/// waits for the first plotly chart, and screenshots it. <see cref="Drawn"/> is the verdict: no request left the
/// machine, plotly drew its SVG, and the pixels of the chart are not blank.
/// </summary>
internal sealed record OfflineChartCheck(IReadOnlyList<string> BlockedRequests, bool PlotFound, PngImage? Chart, string Details)
{
    /// <summary>Selector plotly.js creates once a plot is drawn.</summary>
    public const string PlotSelector = ".js-plotly-plot .main-svg";

    public bool Drawn => BlockedRequests.Count == 0 && PlotFound && Chart is { } chart && NotBlank(chart);

    public override string ToString() =>
        $"blocked requests: [{string.Join(", ", BlockedRequests)}]; plot found: {PlotFound}; {Details}";

    /// <summary>
    /// Not blank: a sizeable share of pixels differs from the background (the most common colour) and there are
    /// many distinct colours (bars, axes, labels), which a bare box, a blank area or a line of text does not have.
    /// </summary>
    public static bool NotBlank(PngImage image) => ForegroundShare(image) >= 0.10 && image.DistinctColors() >= 40;

    public static double ForegroundShare(PngImage image)
    {
        var pixels = image.Pixels().ToList();
        var background = pixels.GroupBy(p => p).MaxBy(g => g.Count())!.Key;
        return pixels.Count(p => Distance(p, background) > 24) / (double)pixels.Count;
    }

    private static int Distance(int p, int q) =>
        Math.Abs((p >> 16) - (q >> 16)) + Math.Abs(((p >> 8) & 0xFF) - ((q >> 8) & 0xFF)) + Math.Abs((p & 0xFF) - (q & 0xFF));

    private static string Quoted(string flag) =>
        flag.Contains(' ', StringComparison.Ordinal) ? flag[..(flag.IndexOf('=') + 1)] + "\"" + flag[(flag.IndexOf('=') + 1)..] + "\"" : flag;

    /// <summary>Loads <paramref name="htmlPath"/> and checks its first chart (the div a chart output draws into).</summary>
    public static async Task<OfflineChartCheck> RunAsync(string chromium, string htmlPath, string profileDirectory, TimeSpan plotTimeout)
    {
        var blocked = new ConcurrentQueue<string>();
        var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            UserDataDir = profileDirectory,
            // Belt and braces beside the interception: the library's loopback flags (no name resolves, no background
            // service asks), so nothing could leave even if a request slipped by. PuppeteerSharp joins the arguments
            // into one command line, hence the quotes around a value with spaces.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", .. ChromiumSession.LoopbackOnlyFlags.Select(Quoted)],
        });
        try
        {
            var page = await browser.NewPageAsync();
            await page.SetViewportAsync(new ViewPortOptions { Width = 1200, Height = 900 });
            await page.SetRequestInterceptionAsync(true);
            page.Request += async (_, e) =>
            {
                var url = e.Request.Url;
                if (url.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
                    await e.Request.ContinueAsync();
                else
                {
                    blocked.Enqueue(url);
                    await e.Request.AbortAsync();
                }
            };
            await page.GoToAsync(new Uri(htmlPath).AbsoluteUri, new NavigationOptions { Timeout = 120_000, WaitUntil = [WaitUntilNavigation.Load] });

            var found = true;
            try { await page.WaitForSelectorAsync(PlotSelector, new WaitForSelectorOptions { Timeout = (int)plotTimeout.TotalMilliseconds }); }
            catch (WaitTaskTimeoutException) { found = false; }

            var element = await page.QuerySelectorAsync(".ca-chart > div[id^='ca-chart-']");
            if (element is null) return new OfflineChartCheck([.. blocked], found, null, "no .ca-chart element on the page");
            var image = PngImage.Decode(await element.ScreenshotDataAsync());
            var details = $"chart {image.Width}x{image.Height}, foreground share {ForegroundShare(image):0.000}, distinct colours {image.DistinctColors()}";
            return new OfflineChartCheck([.. blocked], found, image, details);
        }
        finally
        {
            await browser.CloseAsync();
            browser.Dispose();
        }
    }
}
