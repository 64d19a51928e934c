using System.Globalization;
using CustomerAnalytics.SampleData;

namespace CustomerAnalytics.Tests.Data.Generators;

public sealed class JourneySampleFixture : IDisposable
{
    public TempFolder Folder { get; } = new();
    public JourneyResult Result { get; }
    public List<(string Id, string[] Input, string[] Target)> Journeys { get; }

    public JourneySampleFixture()
    {
        Result = new JourneyGenerator().Write(Folder.Sub("journeys"), Folder.Sub("truth"));
        Journeys = GeneratedCsv.Lines(Result.Path).Select(line =>
        {
            var f = line.Split('\t');
            Assert.Equal(3, f.Length);
            return (f[0], f[1].Split(' '), f[2].Split(' '));
        }).ToList();
    }

    public void Dispose() => Folder.Dispose();
}

public class JourneyGeneratorTests(JourneySampleFixture sample) : IClassFixture<JourneySampleFixture>
{
    private JourneyModel Model => sample.Result.Model;

    [Fact]
    public void LinesAreTabSeparatedIdInputTargetWithSingleWordTokens()
    {
        Assert.Equal(5000, sample.Journeys.Count);
        Assert.Equal("C000001", sample.Journeys[0].Id);
        Assert.All(sample.Journeys, j =>
        {
            Assert.InRange(j.Input.Length, 3, 20);
            Assert.InRange(j.Target.Length, 1, 5);
            Assert.All(j.Input.Concat(j.Target), t => Assert.Contains(t, Model.Tokens));
        });
        Assert.Equal(["itv", "itv2", "channel4", "e4", "channel5", "sky_one", "sky_sports", "sky_atlantic", "dave", "comedy_central", "web", "visit"], Model.Tokens);
        // every length in the range occurs
        Assert.Equal(18, sample.Journeys.Select(j => j.Input.Length).Distinct().Count());
        Assert.Equal(5, sample.Journeys.Select(j => j.Target.Length).Distinct().Count());
    }

    [Fact]
    public void TransitionRowsAreDistributionsAndTheTruthFileHoldsThem()
    {
        foreach (var type in Model.Types)
        {
            Assert.Equal(1.0, type.Initial.Sum(), 12);
            Assert.All(type.Transition, row => Assert.Equal(1.0, row.Sum(), 12));
            Assert.All(type.Transition.SelectMany(r => r), p => Assert.InRange(p, 0.0, 1.0));
        }
        var rows = GeneratedCsv.Rows(sample.Result.TransitionsPath);
        Assert.Equal(Model.Types.Count * 13 * 12, rows.Count);
        var type0 = Model.Types[0];
        var itvToWeb = rows.Single(r => r[0] == type0.Name && r[1] == "itv" && r[2] == "web");
        Assert.Equal(type0.Transition[Model.TokenIndex("itv")][Model.TokenIndex("web")], double.Parse(itvToWeb[3], CultureInfo.InvariantCulture), 8);
        Assert.Contains(rows, r => r[1] == JourneyGenerator.StartToken);
    }

    [Fact]
    public void EmpiricalTransitionFrequenciesMatchTheMatrix()
    {
        var typeOf = sample.Result.Truth.ToDictionary(t => t.CustomerId, t => t.CustomerType);
        var counts = new Dictionary<(string Type, string From), Dictionary<string, int>>();
        foreach (var (id, input, target) in sample.Journeys)
        {
            var tokens = input.Concat(target).ToArray();
            for (int t = 1; t < tokens.Length; t++)
            {
                var key = (typeOf[id], tokens[t - 1]);
                if (!counts.TryGetValue(key, out var row)) counts[key] = row = [];
                row[tokens[t]] = row.GetValueOrDefault(tokens[t]) + 1;
            }
        }
        int checkedRows = 0;
        foreach (var ((typeName, from), row) in counts)
        {
            int n = row.Values.Sum();
            if (n < 300) continue;
            checkedRows++;
            var type = Model.Types.Single(t => t.Name == typeName);
            foreach (var to in Model.Tokens)
            {
                double p = type.Transition[Model.TokenIndex(from)][Model.TokenIndex(to)];
                double observed = row.GetValueOrDefault(to) / (double)n;
                Assert.True(Math.Abs(observed - p) <= 4.5 * Math.Sqrt(p * (1 - p) / n) + 0.002,
                    $"{typeName}: {from} -> {to} observed {observed:F4} vs {p:F4} over {n}");
            }
        }
        Assert.True(checkedRows >= 20, $"only {checkedRows} rows had enough transitions");
    }

    [Fact]
    public void ConversionIsAVisitInTheTargetAndMatchesTheModel()
    {
        int conversions = sample.Journeys.Count(j => j.Target.Contains("visit"));
        Assert.Equal(sample.Result.Conversions, conversions);
        Assert.InRange(sample.Result.ConversionRate, 0.15, 0.4);
        // Standard error at n = 5,000 is ~0.006.
        Assert.Equal(sample.Result.ExpectedConversionRate, sample.Result.ConversionRate, 0.025);
        Assert.Equal(sample.Result.Truth.Average(t => t.VisitProbability), sample.Result.ConversionRate, 0.025);
    }

    [Fact]
    public void BestAccuraciesAreProperAndReachedByTheBayesPredictorOnTheSample()
    {
        double bestNext = sample.Result.BestNextTouchpointAccuracy, bestVisit = sample.Result.BestVisitAccuracy;
        Assert.InRange(bestNext, 0.2, 0.7);
        Assert.InRange(bestVisit, 1 - sample.Result.ExpectedConversionRate, 0.99); // never worse than "never converts"

        // Using the true model on the written journeys scores (within sampling error) the best achievable accuracy.
        var truth = sample.Result.Truth;
        double nextHits = sample.Journeys.Select((j, i) => truth[i].BayesNextTouchpoint == j.Target[0] ? 1.0 : 0.0).Average();
        double visitHits = sample.Journeys.Select((j, i) => (truth[i].VisitProbability >= 0.5) == j.Target.Contains("visit") ? 1.0 : 0.0).Average();
        Assert.Equal(bestNext, nextHits, 0.03);
        Assert.Equal(bestVisit, visitHits, 0.025);

        // A Monte Carlo estimate with another seed agrees.
        var (next, visit, _) = JourneyGenerator.BestAccuracies(Model, seed: 12345, journeys: 50_000);
        Assert.Equal(bestNext, next, 0.01);
        Assert.Equal(bestVisit, visit, 0.01);
    }

    [Fact]
    public void PublicPredictionsAgreeWithTheTruthFile()
    {
        var rows = GeneratedCsv.Rows(sample.Result.TypesPath);
        Assert.Equal("customer_id,customer_type,p_visit,bayes_next_touchpoint,p_bayes_next", GeneratedCsv.Lines(sample.Result.TypesPath)[0]);
        for (int i = 0; i < 50; i++)
        {
            var input = sample.Journeys[i].Input;
            var next = Model.NextTouchpointDistribution(input);
            Assert.Equal(1.0, next.Values.Sum(), 12);
            Assert.Equal(rows[i][3], next.MaxBy(kv => kv.Value).Key);
            Assert.Equal(double.Parse(rows[i][4], CultureInfo.InvariantCulture), next.Values.Max(), 6);
            Assert.Equal(double.Parse(rows[i][2], CultureInfo.InvariantCulture), Model.VisitProbability(input), 6);
            Assert.Equal(1.0, Model.TypePosterior(input).Sum(), 12);
        }
    }

    [Fact]
    public void VisitProbabilityMatchesBruteForceOverShortTargets()
    {
        // One token of input from a single-type model: P(visit within M steps) by enumerating every path.
        var type = Model.Types[0];
        var single = Model with { Types = [type with { Share = 1 }], MinTargetLength = 2, MaxTargetLength = 2 };
        int web = Model.TokenIndex("web"), visit = Model.TokenIndex("visit");
        double noVisit = 0;
        for (int a = 0; a < Model.Tokens.Count; a++)
            for (int b = 0; b < Model.Tokens.Count; b++)
                if (a != visit && b != visit) noVisit += type.Transition[web][a] * type.Transition[a][b];
        Assert.Equal(1 - noVisit, single.VisitProbability(["web"]), 12);
    }

    [Fact]
    public void ResultAndModelRenderAsHtml()
    {
        Assert.Contains(JourneyGenerator.FileName, sample.Result.ToHtml());
        var model = Model.ToHtml();
        Assert.Contains("Transitions of tv_responder", model);
        Assert.Contains("sky_sports", model);
    }

    [Fact]
    public void SameSeedGivesIdenticalBytesAndAnotherSeedDoesNot()
    {
        using var folder = new TempFolder();
        var options = new JourneyOptions { Journeys = 400, MonteCarloJourneys = 2000 };
        new JourneyGenerator(options).Write(folder.Sub("a"));
        GeneratedCsv.WithCulture("de-DE", () => new JourneyGenerator(options).Write(folder.Sub("b")));
        new JourneyGenerator(options with { Seed = 8 }).Write(folder.Sub("c"));
        GeneratedCsv.AssertSameFiles(folder.Sub("a"), folder.Sub("b"));
        Assert.True(GeneratedCsv.AnyFileDiffers(folder.Sub("a"), folder.Sub("c")));
    }
}
