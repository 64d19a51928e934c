using Xunit.Abstractions;
using System.Text;
using CustomerAnalytics.Data;
using CustomerAnalytics.Tests.Fixtures.RealFormats;

namespace CustomerAnalytics.Tests.Data;

/// <summary>
/// Issue 25's fuzz: every loader (the Olist CSVs, Online Retail, the propensity sessions, the GA4 events as CSV and as
/// BigQuery NDJSON, the journeys TSV) on seeded damaged copies of its sample: quotes inserted anywhere, one CRLF line
/// among LF lines, a lone CR, byte order marks at the start and in the middle, UTF-16, a NUL, the header in another
/// case. Each load either delivers every data line of the file as accepted or rejected (rows delivered = accepted =
/// lines - rejected) or fails with a <see cref="WorkshopException"/> that names the user's file (never a temporary
/// copy) and a line; never another exception type. The JSON and journey loaders reject bad lines one by one, so for
/// them only the error budget may fail a load.
/// </summary>
public class LoadFuzzTests(ITestOutputHelper output)
{
    private const int LinesKept = 120; // a prefix of each sample keeps the loads quick
    // 4 copies per kind and loader keep the test under 30 s; CA_FUZZ_COPIES=19 gives issue 25's scale (1,216 loads).
    private static readonly int CopiesPerKind = int.TryParse(Environment.GetEnvironmentVariable("CA_FUZZ_COPIES"), out var n) ? n : 4;

    /// <summary>The damage done to a copy.</summary>
    private enum Damage { Quote, CrlfLine, LoneCr, BomAtStart, BomInside, Utf16, Nul, HeaderCase }

    /// <summary>A loader under test: its sample's text, whether that has a header, how lines are counted (JSON
    /// lines end at LF only), whether it promises to reject bad lines one by one (so a damaged line may fail the load
    /// only through the error budget), and the load, returning (rows delivered, report).</summary>
    private sealed record Loader(string Name, string Extension, string Sample, bool Header, bool LfOnly, bool LineByLine,
        Func<string, (long Delivered, LoadReport Report)> Load);

    private static IEnumerable<Loader> Loaders(TempFolder temp)
    {
        string Prefix(string path) => string.Join("\n", File.ReadLines(path, Encoding.UTF8).Take(LinesKept)) + "\n";
        string data(params string[] parts) => Path.Combine([RepositoryPaths.Data, .. parts]);
        var schemaLoads = new (string Name, string File, DatasetSchema Schema)[]
        {
            ("olist customers", data("olist", DatasetSchemas.OlistFiles.Customers), DatasetSchemas.OlistCustomers),
            ("olist orders", data("olist", DatasetSchemas.OlistFiles.Orders), DatasetSchemas.OlistOrders),
            ("olist payments", data("olist", DatasetSchemas.OlistFiles.Payments), DatasetSchemas.OlistPayments),
        };
        foreach (var (name, file, schema) in schemaLoads)
            yield return new Loader(name, ".csv", Prefix(file), true, false, false, path =>
            {
                using var db = new WorkshopDatabase();
                var report = DatasetLoader.LoadTable(db, "t", path, schema);
                return (db.Count("t"), report);
            });
        yield return new Loader("online retail", ".csv", Prefix(data("online-retail", "online_retail.csv")), true, false, false, path =>
        {
            using var db = new WorkshopDatabase();
            var report = DatasetLoader.LoadOnlineRetail(db, path);
            return (db.Count("online_retail"), report);
        });
        yield return new Loader("propensity", ".csv", Prefix(data("propensity", "training_sample.csv")), true, false, false, path =>
        {
            var result = DatasetLoader.LoadPropensity(path);
            return (result.Sessions.Count, result.Report);
        });
        yield return new Loader("ga4 csv", ".csv", Prefix(data("ga4", "ga4_events.csv")), true, false, false, path =>
        {
            var result = DatasetLoader.LoadGa4(path);
            return (result.Frame.Rows.Count, result.Report);
        });
        var export = Ga4BigQueryExport.Write(Path.Combine(temp.Path, "bq"))[0]["ga4Source=".Length..];
        yield return new Loader("ga4 ndjson", ".jsonl", Prefix(export), false, true, true, path =>
        {
            var result = DatasetLoader.LoadGa4(path);
            return (result.Frame.Rows.Count, result.Report);
        });
        yield return new Loader("journeys", ".tsv", Prefix(data("journeys", "touchpoint_journeys.tsv")), false, false, true, path =>
        {
            var result = JourneyLoader.Load(path);
            return (result.Records.Count, result.Report);
        });
    }

    [Fact]
    public void Every_loader_delivers_every_line_or_fails_naming_the_file_and_line()
    {
        using var temp = new TempFolder();
        var random = new Random(20261207);
        var failures = new List<string>();
        var figures = new List<string>();
        foreach (var loader in Loaders(temp))
        {
            var (correct, clear, other, missing) = (0, 0, 0, 0);
            foreach (var damage in Enum.GetValues<Damage>())
                for (int copy = 0; copy < CopiesPerKind; copy++)
                {
                    var (bytes, what) = Damaged(loader, damage, random);
                    var path = Path.Combine(temp.Path, $"{loader.Name.Replace(' ', '_')}-{damage}-{copy}{loader.Extension}");
                    File.WriteAllBytes(path, bytes);
                    long lines = DataLines(bytes, loader);
                    try
                    {
                        var (delivered, report) = loader.Load(path);
                        if (delivered == report.RowsAccepted && report.RowsAccepted == lines - report.RowsRejected && report.RowsRead == lines) correct++;
                        else
                        {
                            missing++;
                            failures.Add($"{loader.Name}, {what}: {lines} lines, {delivered} rows delivered, report: {report}");
                        }
                    }
                    catch (WorkshopException e) when (e.Message.Contains(path) && !e.Message.Contains("ca-load-") &&
                                                      (!loader.LineByLine || e is DataValidationException) &&
                                                      (e is not MalformedFileException m || (m.File == path && m.Line > 0 && e.Message.Contains($"line {m.Line:N0}"))))
                    {
                        clear++;
                        output.WriteLine($"{loader.Name}, {what}: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
                    }
                    catch (Exception e)
                    {
                        other++;
                        failures.Add($"{loader.Name}, {what}: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
                    }
                }
            figures.Add($"{loader.Name}: {correct} loaded correctly, {clear} failed with a clear WorkshopException, {other} failed otherwise, {missing} loaded with rows missing");
        }
        foreach (var line in figures) output.WriteLine(line);
        Assert.True(failures.Count == 0, string.Join("\n", figures.Concat(failures)));
    }

    /// <summary>Data lines of the damaged file: non-blank lines (LF, CRLF or a lone CR ends one; only LF in JSON
    /// lines), the header excluded. The samples have no line breaks inside quoted fields, so every line is a row.</summary>
    private static long DataLines(byte[] bytes, Loader loader)
    {
        var text = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2) : Encoding.UTF8.GetString(bytes);
        var lines = loader.LfOnly ? text.Split('\n') : text.Replace("\r\n", "\n").Split('\n', '\r');
        var nonBlank = lines.Count(l => loader.LfOnly ? !string.IsNullOrWhiteSpace(l) : l.Trim('\uFEFF').Length > 0);
        return nonBlank - (loader.Header ? 1 : 0);
    }

    private static (byte[] Bytes, string What) Damaged(Loader loader, Damage damage, Random random)
    {
        var text = loader.Sample;
        int At() => random.Next(text.Length);
        switch (damage)
        {
            case Damage.Quote:
                int q = At();
                return (Utf8(text.Insert(q, "\"")), $"quote at {q}");
            case Damage.CrlfLine:
                var breaks = Enumerable.Range(0, text.Length).Where(i => text[i] == '\n').ToArray();
                int lf = breaks[random.Next(breaks.Length)];
                return (Utf8(text.Insert(lf, "\r")), $"CRLF at {lf}");
            case Damage.LoneCr:
                // Outside quoted fields: inside one a CR is data, not a line end.
                int cr;
                do cr = At(); while (InsideQuotes(text, cr));
                return (Utf8(text.Insert(cr, "\r")), $"CR at {cr}");
            case Damage.BomAtStart:
                return ([0xEF, 0xBB, 0xBF, .. Utf8(text)], "BOM at the start");
            case Damage.BomInside:
                int b = At();
                return (Utf8(text.Insert(b, "\uFEFF")), $"BOM at {b}");
            case Damage.Utf16:
                return ([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)], "UTF-16");
            case Damage.Nul:
                int n = At();
                return (Utf8(text.Insert(n, "\0")), $"NUL at {n}");
            default:
                if (!loader.Header) goto case Damage.Quote;
                int end = text.IndexOf('\n');
                var header = random.Next(2) == 0 ? text[..end].ToUpperInvariant() : text[..end].ToLowerInvariant();
                return (Utf8(header + text[end..]), "header case changed");
        }
    }

    /// <summary>True when <paramref name="at"/> falls inside a quoted field of the clean sample (whose quoted
    /// fields open at a field start and close on the same line).</summary>
    private static bool InsideQuotes(string text, int at)
    {
        int lineStart = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
        bool quoted = false;
        for (int i = lineStart; i < at; i++)
            if (text[i] == '"') quoted = !quoted;
        return quoted;
    }

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);
}
