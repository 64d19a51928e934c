using System.Diagnostics;
using System.Globalization;

namespace CustomerAnalytics.Benchmarks;

/// <summary>Runs benchmarks and prints wall time, allocations and peak working set for each, with the machine's load
/// before and after: a median taken on a busy machine is marked as not for quoting.</summary>
public static class Harness
{
    public static IReadOnlyList<IBenchmark> All { get; } = typeof(Harness).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmark).IsAssignableFrom(t))
        .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
        .OrderBy(b => b.Name, StringComparer.Ordinal)
        .ToArray();

    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "--list")
        {
            Console.WriteLine("Usage: dotnet run -c Release --project lib/CustomerAnalytics.Benchmarks -- <name|all> [--repeat N]");
            foreach (var b in All) Console.WriteLine($"  {b.Name,-22} {b.Description}");
            return args.Length == 0 ? 2 : 0;
        }
        var repeat = args.Length > 2 && args[1] == "--repeat" ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var chosen = args[0] == "all" ? All : All.Where(b => b.Name == args[0]).ToArray();
        if (chosen.Count == 0) { Console.Error.WriteLine($"No benchmark '{args[0]}'. Run with --list."); return 2; }
        var work = Path.Combine(Path.GetTempPath(), "ca-benchmarks");
        Directory.CreateDirectory(work);
        foreach (var benchmark in chosen) Measure(benchmark, work, repeat);
        return 0;
    }

    private static void Measure(IBenchmark benchmark, string work, int repeat)
    {
        Console.WriteLine($"== {benchmark.Name}: {benchmark.Description}");
        var before = MachineLoad.Now();
        Console.WriteLine($"   before: {before}");
        var state = benchmark.Setup(work);
        var times = new List<double>();
        for (var i = 0; i < repeat; i++)
        {
            GC.Collect();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var summary = benchmark.Run(state);
            watch.Stop();
            times.Add(watch.Elapsed.TotalSeconds);
            var mb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"   run {i + 1}: {watch.Elapsed.TotalSeconds:F2} s, {mb:F0} MB allocated, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB  {summary}"));
        }
        times.Sort();
        var after = MachineLoad.Now();
        Console.WriteLine($"   after: {after}");
        var quotable = before.IsQuiet && after.IsQuiet ? "" : " (NOT FOR QUOTING: the machine was busy)";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   median {times[times.Count / 2]:F2} s over {repeat} runs{quotable}"));
        (state as IDisposable)?.Dispose();
    }
}
