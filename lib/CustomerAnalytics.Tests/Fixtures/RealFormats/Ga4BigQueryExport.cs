using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CustomerAnalytics.Tests.Fixtures.RealFormats;

/// <summary>
/// Workshop 05's second dataset: a GA4 export as BigQuery writes a query result of events_* tables to
/// newline-delimited JSON. Each line is one event with nested event_params (key, value.string_value / int_value /
/// float_value / double_value, the unused ones null), device, geo, traffic_source, items and the other columns
/// of the export schema. INT64 values are JSON strings, as BigQuery writes them (a tenth of the events write them
/// as numbers, as other tools do); ga_session_id sits anywhere among the parameters; a few events lack it.
/// Ids, dates and event names differ from the sample (purchase, begin_checkout, add_payment_info, ...), and the
/// lines are in no particular order. Seeded: the same file every time.
/// </summary>
public static class Ga4BigQueryExport
{
    /// <summary>The file name written into the folder.</summary>
    public const string FileName = "bq-results-ga4-events.jsonl";
    /// <summary>Users in the export.</summary>
    public const int Users = 260;
    /// <summary>Events written without ga_session_id.</summary>
    public const int EventsWithoutSession = 6;

    // BigQuery writes UTF-8 text as is ("Österreich"), not as \u escapes.
    private static readonly JsonWriterOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Funnel = ["page_view", "view_item_list", "view_item", "select_promotion", "view_search_results",
        "add_to_cart", "begin_checkout", "add_shipping_info", "add_payment_info", "purchase"];

    /// <summary>Writes the export into <paramref name="folder"/> and returns workshop 05's parameters for a small run on it.</summary>
    public static IReadOnlyList<string> Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var rng = new Random(1505);
        var lines = new List<string>();
        var start = new DateTime(2021, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        for (int u = 0; u < Users; u++)
        {
            var user = string.Create(CultureInfo.InvariantCulture, $"{rng.Next(1_000_000, 9_999_999)}.{rng.Next(1_000_000_000, int.MaxValue)}");
            var kind = rng.NextDouble() switch { < 0.15 => 0, < 0.55 => 1, _ => 2 }; // bouncer, churner, returning
            var t = start.AddMinutes(rng.Next(0, 60 * 24 * 20));
            int sessions = kind switch { 0 => 1, 1 => rng.Next(1, 3), _ => rng.Next(2, 5) };
            for (int s = 0; s < sessions; s++)
            {
                if (s > 0) t = kind == 1 ? t.AddMinutes(rng.Next(30, 600)) : t.AddHours(rng.Next(26, 240));
                foreach (var (name, time) in Session(rng, t, first: s == 0, bounce: kind == 0))
                    lines.Add(Line(new ExportEvent(user, name, time, SessionId(t), s + 1, Numbers: rng.NextDouble() < 0.1, SessionParamAt: rng.Next(0, 4))));
            }
        }
        foreach (var i in Enumerable.Range(0, lines.Count).OrderBy(_ => rng.Next()).Take(EventsWithoutSession).ToArray())
            lines[i] = WithoutSession(lines[i]);
        rng.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(lines));
        var path = Path.Combine(folder, FileName);
        File.WriteAllText(path, string.Join("\n", lines) + "\n", new UTF8Encoding(false));
        return [$"ga4Source={path}", "churnEpochs=3", "nextEventEpochs=1", "maxTrainExamples=300"];
    }

    /// <summary>One event of the export, before it is written as JSON.</summary>
    /// <param name="User">user_pseudo_id.</param>
    /// <param name="Name">event_name.</param>
    /// <param name="Time">When it happened (UTC); event_timestamp is its microseconds since 1970.</param>
    /// <param name="Session">ga_session_id (null: the parameter is left out).</param>
    /// <param name="SessionNumber">ga_session_number.</param>
    /// <param name="Numbers">Write INT64 values as JSON numbers instead of BigQuery's strings.</param>
    /// <param name="SessionParamAt">Position of ga_session_id among the event's parameters.</param>
    public sealed record ExportEvent(string User, string Name, DateTime Time, long? Session, int SessionNumber = 1, bool Numbers = false, int SessionParamAt = 1);

    /// <summary>One line of the export for <paramref name="e"/>, in the BigQuery export schema.</summary>
    public static string Line(ExportEvent e)
    {
        long micros = (e.Time - DateTime.UnixEpoch).Ticks / 10;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Relaxed))
        {
            void Int(string name, long? value)
            {
                if (value is null) w.WriteNull(name);
                else if (e.Numbers) w.WriteNumber(name, value.Value);
                else w.WriteString(name, value.Value.ToString(CultureInfo.InvariantCulture));
            }
            void Param(string key, string? text, long? number)
            {
                w.WriteStartObject();
                w.WriteString("key", key);
                w.WriteStartObject("value");
                if (text is null) w.WriteNull("string_value"); else w.WriteString("string_value", text);
                Int("int_value", number);
                w.WriteNull("float_value");
                w.WriteNull("double_value");
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteStartObject();
            w.WriteString("event_date", e.Time.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Int("event_timestamp", micros);
            w.WriteString("event_name", e.Name);
            w.WriteStartArray("event_params");
            var others = new List<Action>
            {
                () => Param("page_location", $"https://shop.example.com/{e.Name.Replace('_', '-')}", null),
                () => Param("ga_session_number", null, e.SessionNumber),
                () => Param("engaged_session_event", null, 1),
                () => Param("page_title", "Example Shop", null),
            };
            if (e.Session is { } sid) others.Insert(Math.Clamp(e.SessionParamAt, 0, others.Count), () => Param("ga_session_id", null, sid));
            foreach (var write in others) write();
            w.WriteEndArray();
            w.WriteNull("event_previous_timestamp");
            w.WriteNull("event_value_in_usd");
            Int("event_bundle_sequence_id", micros / 1000 % 1_000_000);
            w.WriteNull("event_server_timestamp_offset");
            w.WriteNull("user_id");
            w.WriteString("user_pseudo_id", e.User);
            w.WriteStartObject("privacy_info"); w.WriteString("analytics_storage", "Yes"); w.WriteString("ads_storage", "No"); w.WriteString("uses_transient_token", "No"); w.WriteEndObject();
            w.WriteStartArray("user_properties"); w.WriteEndArray();
            Int("user_first_touch_timestamp", micros - 1000);
            w.WriteStartObject("device");
            w.WriteString("category", e.User[0] < '5' ? "mobile" : "desktop");
            w.WriteString("mobile_brand_name", e.User[0] < '5' ? "Apple" : "Google");
            w.WriteString("operating_system", e.User[0] < '5' ? "iOS" : "Windows");
            w.WriteString("language", "de-de");
            w.WriteStartObject("web_info"); w.WriteString("browser", "Chrome"); w.WriteString("browser_version", "120.0"); w.WriteNull("hostname"); w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartObject("geo");
            w.WriteString("continent", "Europe");
            w.WriteString("country", e.User[1] < '5' ? "Germany" : "Österreich");
            w.WriteString("region", "(not set)");
            w.WriteString("city", "(not set)");
            w.WriteEndObject();
            w.WriteStartObject("traffic_source"); w.WriteString("name", "(direct)"); w.WriteString("medium", "(none)"); w.WriteString("source", "(direct)"); w.WriteEndObject();
            w.WriteString("stream_id", "2100450278");
            w.WriteString("platform", "WEB");
            w.WriteStartObject("ecommerce");
            if (e.Name == "purchase") { Int("total_item_quantity", 1); w.WriteNumber("purchase_revenue_in_usd", 42.0); w.WriteString("transaction_id", $"T{micros % 100000}"); }
            else { w.WriteNull("total_item_quantity"); w.WriteNull("purchase_revenue_in_usd"); w.WriteNull("transaction_id"); }
            w.WriteEndObject();
            w.WriteStartArray("items");
            if (e.Name is "view_item" or "add_to_cart" or "purchase")
            {
                w.WriteStartObject(); w.WriteString("item_id", "SKU-17"); w.WriteString("item_name", "Wanderschuh"); w.WriteNumber("price", 42.0); Int("quantity", 1); w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static long SessionId(DateTime sessionStart) => (sessionStart - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerSecond;

    private static IEnumerable<(string Name, DateTime Time)> Session(Random rng, DateTime t, bool first, bool bounce)
    {
        if (first) yield return ("first_visit", t);
        yield return ("session_start", t = t.AddMilliseconds(rng.Next(5, 50)));
        int steps = bounce ? rng.Next(1, 4) : rng.Next(3, 15), stage = 0;
        for (int i = 0; i < steps; i++)
        {
            stage = Math.Clamp(stage + rng.Next(-1, 3), 0, Funnel.Length - 1);
            yield return (Funnel[stage], t = t.AddSeconds(bounce ? rng.Next(2, 40) : rng.Next(5, 120)));
            if (rng.NextDouble() < 0.35) yield return ("scroll", t = t.AddSeconds(rng.Next(1, 20)));
            if (i % 3 == 2) yield return ("user_engagement", t = t.AddSeconds(rng.Next(1, 10)));
        }
        yield return ("user_engagement", t.AddSeconds(rng.Next(1, 30)));
    }

    private static string WithoutSession(string line)
    {
        using var doc = JsonDocument.Parse(line);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Relaxed))
        {
            w.WriteStartObject();
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (p.Name != "event_params") { p.WriteTo(w); continue; }
                w.WriteStartArray("event_params");
                foreach (var param in p.Value.EnumerateArray().Where(x => x.GetProperty("key").GetString() != "ga_session_id")) param.WriteTo(w);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
