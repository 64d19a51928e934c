using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerAnalytics.Benchmarks;
using CustomerAnalytics.Data;
using CustomerAnalytics.Segmentation.Data;
using CustomerAnalytics.Segmentation.Models;
using CustomerAnalytics.Segmentation.Evaluation;
using CustomerAnalytics.Sql;
using CustomerAnalytics.Tests.Fixtures.RealFormats;
using Microsoft.Data.Analysis;
using Xunit.Abstractions;

namespace CustomerAnalytics.Tests.Segmentation;

/// <summary>
/// Workshop 02's cluster names are true of their members: a name of workshop 01's grid only when most members meet
/// its definition (their R score and orders, as 01's SQL computes them) and the members' mean orders reach its fewest;
/// otherwise a description of the members. The C# grid and 01's SQL agree.
/// </summary>
public sealed partial class SegmentNamingTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("segment-naming-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static int Int(object value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);

    // The grid name a cluster name starts with ("Hibernating (higher spend)" → Hibernating), or null for a description.
    private static RfmGridSegment? GridName(string name) =>
        RfmGrid.Segments.FirstOrDefault(s => name == s.Name || name.StartsWith(s.Name + " (", StringComparison.Ordinal));

    // ---- the grid: one rule in C#, the same as workshop 01's SQL ----

    [Fact]
    public void TheGridRuleGivesWhatTheSqlOfStep5GivesInEveryCell()
    {
        using var db = new WorkshopDatabase();
        var cells = (from r in Enumerable.Range(1, 5) from orders in Enumerable.Range(1, 8) select (R: r, Orders: orders)).ToArray();
        db.Execute("CREATE TABLE rfm_scores (customer_unique_id VARCHAR, r_score INTEGER, frequency INTEGER, f_score INTEGER)");
        foreach (var (r, orders) in cells)
            db.Execute($"INSERT INTO rfm_scores VALUES ('r{r}o{orders}', {r}, {orders}, {CustomerAnalytics.Tests.Sql.RfmReference.Band(orders)})");
        db.Execute(SqlScript.Load("Rfm").Single(s => s.Name == "05_segments").Sql);
        var sql = db.Query("SELECT customer_unique_id, segment FROM rfm_segments").Rows.ToDictionary(row => (string)row[0], row => (string)row[1]);
        Assert.All(cells, c => Assert.Equal(sql[$"r{c.R}o{c.Orders}"], RfmGrid.SegmentOf(c.R, c.Orders)));
        Assert.All(cells, c => Assert.True(RfmGrid.Definition(RfmGrid.SegmentOf(c.R, c.Orders)).Contains(c.R, c.Orders)));
        Assert.Equal(RfmGrid.Segments.Select(s => s.Name).Order(), sql.Values.Distinct().Order());
    }

    public static TheoryData<string> Tables() => new(["olist sample", "online retail sample", "real formats olist", "real formats retail"]);

    private DataFrame Table(string which)
    {
        switch (which)
        {
            case "olist sample": return OlistSample.Rfm.Table;
            case "online retail sample": return RfmInput.FromOnlineRetail(Path.Combine(RepositoryPaths.Data, "online-retail", "online_retail.csv"), true).Table;
        }
        var folder = Path.Combine(_temp, "real");
        OlistAndRetailFiles.Write(folder);
        return which == "real formats olist"
            ? RfmInput.FromOlist(folder, false).Table
            : RfmInput.FromOnlineRetail(Path.Combine(folder, OlistAndRetailFiles.RetailFileName), false).Table;
    }

    [Theory, MemberData(nameof(Tables))]
    public void TheRecencyScoreAndSegmentOfEveryCustomerAreWhatWorkshop01sSqlGives(string which)
    {
        var table = Table(which);
        var features = CustomerFeatures.FromDataFrame(table);
        var scores = RfmGrid.RecencyScores(features.Recency);
        var sqlR = table.Columns["r_score"].Cast<object>().Select(Int).ToArray();
        var sqlSegment = table.Columns["segment"].Cast<object>().Select(s => (string)s).ToArray();
        Assert.Equal(sqlR, scores);
        Assert.Equal(sqlSegment, Enumerable.Range(0, features.Count).Select(i => RfmGrid.SegmentOf(scores[i], (int)features.Frequency[i])));
    }

    // ---- the rule ----

    private static ClusterMembers Members(string grid, double share, double meanOrders, double spend = 100, string description = "one order, 5-8 months ago, high spend") =>
        new(1, 100, meanOrders, 200, spend, grid, share, description);

    [Fact]
    public void AGridNameNeedsMostMembersInItsDefinitionAndTheirMeanOrdersAtItsFewestOrMore()
    {
        Assert.Equal("Hibernating", SegmentNaming.GridOrDescription(Members("Hibernating", 0.9, 1.0)));
        Assert.Equal("Potential loyalists", SegmentNaming.GridOrDescription(Members("Potential loyalists", 0.6, 2.2)));
        // half is not most
        Assert.Equal("one order, 5-8 months ago, high spend", SegmentNaming.GridOrDescription(Members("Potential loyalists", 0.5, 2.2)));
        // most members have 2-3 orders, but the mean (1.6) is below the band: not a name that needs 2 or more
        Assert.Equal("one order, 5-8 months ago, high spend", SegmentNaming.GridOrDescription(Members("Potential loyalists", 0.6, 1.6)));
        // a few big buyers may pull the mean above a band's top: the name still holds for most members
        Assert.Equal("Hibernating", SegmentNaming.GridOrDescription(Members("Hibernating", 0.8, 2.4)));
        Assert.Equal("New customers", SegmentNaming.GridOrDescription(Members("New customers", 0.6, 1.01)));
        Assert.Equal("one order, 5-8 months ago, high spend", SegmentNaming.GridOrDescription(Members("At risk", 0.55, 2.9)));
    }

    [Fact]
    public void SameNamesAreToldApartBySpendWhateverTheClusterIds()
    {
        ClusterMembers[] clusters =
        [
            new(1, 50, 1, 400, 80, "Hibernating", 0.9, "a"),
            new(2, 60, 1, 420, 300, "Hibernating", 0.95, "b"),
            new(3, 10, 5, 20, 900, "Champions", 0.7, "c"),
        ];
        var names = SegmentNaming.Name(clusters);
        Assert.Equal(["Hibernating (lower spend)", "Hibernating (higher spend)", "Champions"], names);
        var reversed = SegmentNaming.Name(clusters.Reverse().Select((c, i) => c with { Cluster = i + 1 }).ToArray());
        Assert.Equal(names.Reverse(), reversed);
        var three = SegmentNaming.Name([.. clusters, new(4, 5, 1, 400, 150, "Hibernating", 0.9, "d")]);
        Assert.Equal(["Hibernating (spend rank 3)", "Hibernating (spend rank 1)", "Champions", "Hibernating (spend rank 2)"], three);
    }

    [Fact]
    public void TheDescriptionSaysWhatTheMiddleHalfOfTheMembersDid()
    {
        // 4 customers with one order, 5.1 to 7.9 months ago, median spend above two thirds of all customers
        Assert.Equal("one order, 5-8 months ago, high spend", SegmentNaming.Describe([1, 1, 1, 1], [156, 170, 230, 240], 300, 50, 120));
        Assert.Equal("1-2 orders, in the last 2 months, low spend", SegmentNaming.Describe([1, 1, 2, 2], [3, 10, 40, 50], 50, 50, 120));
        Assert.Equal("4-6 orders, in the last month, mid spend", SegmentNaming.Describe([4, 4, 5, 6, 6, 9], [1, 2, 5, 9, 20, 25], 100, 50, 120));
        Assert.Equal("2 orders, 12-13 months ago, mid spend", SegmentNaming.Describe([2, 2, 2], [366, 370, 380], 100, 50, 120));
    }

    [Fact]
    public void EveryPartOfADescriptionIsTrueOfAtLeastHalfTheMembers()
    {
        var model = SegmentationPipeline.Train(OlistSample.Features, 6);
        var clusters = model.Assign(OlistSample.Features).Clusters;
        var f = OlistSample.Features;
        var spend = f.Monetary.Order().ToArray();
        foreach (var m in SegmentNaming.Members(f, clusters, 6))
        {
            output.WriteLine($"{m.Cluster}: {m.Description} ({m.Customers} customers, grid {m.GridSegment} {m.GridShare:P0})");
            var members = Enumerable.Range(0, f.Count).Where(i => clusters[i] == m.Cluster).ToArray();
            var parts = m.Description.Split(", ");
            var orders = OrdersRange().Match(parts[0]);
            var (fewest, most) = parts[0] == "one order" ? (1, 1) : (int.Parse(orders.Groups[1].Value, CultureInfo.InvariantCulture),
                orders.Groups[2].Success ? int.Parse(orders.Groups[2].Value, CultureInfo.InvariantCulture) : int.Parse(orders.Groups[1].Value, CultureInfo.InvariantCulture));
            Assert.True(members.Count(i => f.Frequency[i] >= fewest && f.Frequency[i] <= most) * 2 >= members.Length, m.Description);
            var months = Months().Match(parts[1]);
            var (from, to) = months.Groups[1].Success ? (int.Parse(months.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(months.Groups[2].Value, CultureInfo.InvariantCulture))
                : (0, parts[1] == "in the last month" ? 1 : int.Parse(LastMonths().Match(parts[1]).Groups[1].Value, CultureInfo.InvariantCulture));
            Assert.True(members.Count(i => f.Recency[i] >= from * 30.4375 && f.Recency[i] <= to * 30.4375) * 2 >= members.Length, m.Description);
            var median = members.Select(i => f.Monetary[i]).Order().ElementAt((members.Length - 1) / 2);
            double Below(double v) => spend.Count(s => s < v) / (double)spend.Length;
            if (parts[2] == "high spend") Assert.True(Below(median) >= 2 / 3.0 - 1e-9, m.Description);
            if (parts[2] == "low spend") Assert.True(Below(median) <= 1 / 3.0, m.Description);
        }
    }

    [GeneratedRegex(@"^(\d+)(?:-(\d+))? orders$")] private static partial Regex OrdersRange();
    [GeneratedRegex(@"^(\d+)-(\d+) months ago$")] private static partial Regex Months();
    [GeneratedRegex(@"^in the last (\d+) months$")] private static partial Regex LastMonths();

    // ---- the two checks of issue 26 ----

    /// <summary>A table shaped like the real Olist data: 97% bought once, on many days over two years, for varied amounts.</summary>
    private static CustomerFeatures MostlyOneTimeBuyers()
    {
        var random = new Random(26);
        const int n = 6_000;
        var ids = Enumerable.Range(0, n).Select(i => $"c{i:D5}").ToArray();
        var frequency = Enumerable.Range(0, n).Select(i => i % 100 < 97 ? 1.0 : 2 + random.Next(4)).ToArray();
        var recency = Enumerable.Range(0, n).Select(_ => (double)random.Next(0, 700)).ToArray();
        var monetary = Enumerable.Range(0, n).Select(i => Math.Round(frequency[i] * Math.Exp(4.5 + 0.8 * Gaussian(random)), 2)).ToArray();
        var table = new DataFrame(new StringDataFrameColumn("customer_unique_id", ids), new DoubleDataFrameColumn("recency_days", recency),
            new DoubleDataFrameColumn("frequency", frequency), new DoubleDataFrameColumn("monetary_total", monetary));
        return CustomerFeatures.FromDataFrame(table);
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void WhereAlmostEveryoneBoughtOnceNoClusterBelowTwoOrdersGetsANameThatNeedsTwoOrMore()
    {
        var features = MostlyOneTimeBuyers();
        Assert.InRange(features.Frequency.Count(f => f == 1) / (double)features.Count, 0.96, 0.98);
        var checkedClusters = 0;
        for (var k = 2; k <= 8; k++)
        {
            var model = SegmentationPipeline.Train(features, k);
            var profiles = ClusterProfiles.Build(features, model.Assign(features).Clusters, k);
            Assert.Equal(model.SegmentNames, profiles.Select(p => p.Name));
            output.WriteLine($"k = {k}: {profiles}");
            foreach (var p in profiles.Where(p => p.MeanFrequency < 2))
            {
                checkedClusters++;
                Assert.False(GridName(p.Name) is { RequiresRepeatOrders: true }, $"k = {k}: '{p.Name}' for {p.Customers} customers with a mean of {p.MeanFrequency:F2} orders");
            }
            Assert.Equal(k, profiles.Select(p => p.Name).Distinct().Count());
        }
        Assert.True(checkedClusters > 10);
    }

    [Fact]
    public void OnTheSampleEveryGridNamedClusterFitsItsDefinitionForMostOfItsMembers()
    {
        // judged with the R score and orders of workshop 01's SQL table, not with the C# rule that named the clusters
        var table = OlistSample.Rfm.Table;
        var features = OlistSample.Features;
        var r = table.Columns["r_score"].Cast<object>().Select(Int).ToArray();
        var orders = table.Columns["frequency"].Cast<object>().Select(Int).ToArray();
        var gridNamed = 0;
        for (var k = 2; k <= 8; k++)
        {
            var model = SegmentationPipeline.Train(features, k);
            var clusters = model.Assign(features).Clusters;
            output.WriteLine($"k = {k}: {string.Join("; ", model.SegmentNames)}");
            for (var c = 1; c <= k; c++)
            {
                if (GridName(model.SegmentNames[c - 1]) is not { } grid) continue;
                gridNamed++;
                var members = Enumerable.Range(0, features.Count).Where(i => clusters[i] == c).ToArray();
                var fits = members.Count(i => grid.Contains(r[i], orders[i]));
                Assert.True(fits * 2 > members.Length, $"k = {k}: '{model.SegmentNames[c - 1]}' fits {fits} of {members.Length} members");
                Assert.True(members.Average(i => orders[i]) >= grid.MinOrders);
            }
        }
        Assert.True(gridNamed > 5, "the sample should give some grid names");
    }

    // ---- the rule in workshop 02's cell is the library's ----

    [Fact]
    public void TheNotebooksNamingRuleIsTheLibrarysRule()
    {
        var notebook = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Notebooks, "02-kmeans-segmentation.ipynb")));
        var cell = Assert.Single(notebook.RootElement.GetProperty("cells").EnumerateArray()
            .Select(c => string.Concat(c.GetProperty("source").EnumerateArray().Select(s => s.GetString()))),
            s => s.Contains("string NameCluster(ClusterMembers c) =>", StringComparison.Ordinal) && !s.Contains("Exercise.Todo", StringComparison.Ordinal)); // the solution, not the exercise's TODO
        var library = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "lib", "CustomerAnalytics", "Segmentation", "Models", "SegmentNaming.cs"));
        Assert.Equal(Body(library, "public static string GridOrDescription(ClusterMembers c) =>"), Body(cell, "string NameCluster(ClusterMembers c) =>"));
    }

    private static string Body(string code, string head)
    {
        var start = code.IndexOf(head, StringComparison.Ordinal) + head.Length;
        return Whitespace().Replace(code[start..code.IndexOf(';', start)], " ").Trim();
    }

    [GeneratedRegex(@"\s+")] private static partial Regex Whitespace();
}
