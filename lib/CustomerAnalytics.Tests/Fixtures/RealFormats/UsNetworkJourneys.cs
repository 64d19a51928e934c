using System.Text;

namespace CustomerAnalytics.Tests.Fixtures.RealFormats;

/// <summary>
/// A journeys file in the format of the public small_train_data.csv (shinchan75034/LSTM_TouchPoint,
/// <c>small_train_data.csv</c>): no header, TAB-separated numeric customer id, input touchpoints and target touchpoints,
/// US network names (some with punctuation, such as <c>A&amp;E</c> and <c>Telemundo(National)</c>) plus <c>web</c> and
/// <c>visit</c>, and some lines that are only <c>visit</c> -> <c>visit</c>. Written with CRLF line ends and no newline after
/// the last line; targets of 1 to 12 touchpoints, 6 to 12 for about one journey in eight. Seeded, so every call writes the
/// same bytes. Conversion (a <c>visit</c> in the target) depends on the journey: web visits, an earlier store visit and
/// the customer's kind of channels raise it.
/// </summary>
public static class UsNetworkJourneys
{
    /// <summary>Journeys written.</summary>
    public const int Journeys = 600;

    /// <summary>The file's name inside the folder.</summary>
    public const string FileName = "small_train_data.tsv";

    private static readonly string[][] Audiences =
    [
        ["NBC", "ABC", "CBS", "FOX", "CW", "Bravo", "E!"],
        ["ESPN", "ESPN2", "FoxSports1", "TNT", "TBS", "NBCSportsNetwork", "SpikeTV"],
        ["Discovery", "History", "NationalGeographic", "AnimalPlanet", "A&E", "TLC", "AMC"],
        ["Telemundo(National)", "Univision(National)", "Galavision", "FoxDeportes", "NBCUniverso", "ESPNDeportes"],
    ];

    private static readonly double[] AudienceConversion = [0.30, 0.15, 0.45, 0.25];

    /// <summary>Writes the file into <paramref name="folder"/> and returns the parameters that run workshop 04 on it quickly.</summary>
    public static IReadOnlyList<string> Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        var random = new Random(2018);
        var ids = new HashSet<int>();
        var lines = new List<string>(Journeys);
        while (lines.Count < Journeys)
        {
            int id = random.Next(1, 90_000);
            if (ids.Add(id)) lines.Add(Line(id, random, lines.Count));
        }
        File.WriteAllText(path, string.Join("\r\n", lines), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return [$"journeysSource={path}", "epochs=2", $"maxJourneys={Journeys}", "conversionSamples=20", "hiddenSize=32"];
    }

    private static string Line(int id, Random random, int index)
    {
        if (random.NextDouble() < 0.08) return $"{id}\tvisit\tvisit";
        int audience = random.Next(Audiences.Length);
        var input = Sequence(random, audience, random.Next(1, 8));
        // the first journeys of the file have the longest targets, so a small run still meets a target of 12
        int targetLength = index % 50 == 0 ? 12 : random.NextDouble() < 0.12 ? random.Next(6, 13) : random.Next(1, 6);
        double conversion = AudienceConversion[audience] + (input.Contains("web") ? 0.35 : 0) + (input.Contains("visit") ? 0.2 : 0);
        var target = Sequence(random, audience, targetLength - 1);
        if (random.NextDouble() < Math.Min(conversion, 0.95)) target.Add("visit");
        else target.Add(Channel(random, audience));
        return $"{id}\t{string.Join(' ', input)}\t{string.Join(' ', target)}";
    }

    private static List<string> Sequence(Random random, int audience, int length)
    {
        var tokens = new List<string>(length);
        for (int i = 0; i < length; i++)
            tokens.Add(random.NextDouble() switch { < 0.12 => "web", < 0.16 => "visit", _ => Channel(random, audience) });
        return tokens;
    }

    // Mostly the audience's own channels, sometimes a big broadcast network.
    private static string Channel(Random random, int audience) =>
        random.NextDouble() < 0.7 ? Audiences[audience][random.Next(Audiences[audience].Length)] : Audiences[0][random.Next(4)];
}
