using System.Globalization;
using CustomerAnalytics.Lifetime.Data;

namespace CustomerAnalytics.Tests.Lifetime;

/// <summary>
/// The CDNOW sample summarised in plain C#, independently of the workshop's SQL: 39-week calibration from 1997-01-01
/// (the last day is 1997-09-30), weeks as the unit, repeat purchases = purchase days after the first, a day's
/// purchases summed.
/// </summary>
internal static class CdnowSample
{
    public static readonly DateOnly CalibrationEnd = new(1997, 9, 30);

    public static string Path => System.IO.Path.Combine(RepositoryPaths.Data, "cdnow", "CDNOW_sample.txt");

    /// <summary>Each customer's purchase days with that day's spend, in date order.</summary>
    public static IReadOnlyDictionary<string, (DateOnly Day, double Spend)[]> PurchaseDays() => File.ReadLines(Path)
        .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Select(f => (Customer: f[0], Day: DateOnly.ParseExact(f[2], "yyyyMMdd", CultureInfo.InvariantCulture), Spend: double.Parse(f[4], CultureInfo.InvariantCulture)))
        .GroupBy(p => p.Customer)
        .ToDictionary(g => g.Key, g => g.GroupBy(p => p.Day).Select(d => (d.Key, d.Sum(p => p.Spend))).OrderBy(d => d.Key).ToArray());

    /// <summary>(x, t_x, T) in weeks at the end of calibration.</summary>
    public static IReadOnlyList<CustomerHistory> Histories() => PurchaseDays().Select(c =>
    {
        var days = c.Value.Where(d => d.Day <= CalibrationEnd).ToArray();
        double Weeks(DateOnly from, DateOnly to) => (to.DayNumber - from.DayNumber) / 7.0;
        return new CustomerHistory(c.Key, days.Length - 1, Weeks(days[0].Day, days[^1].Day), Weeks(days[0].Day, CalibrationEnd));
    }).ToArray();

    /// <summary>Repeat customers' average repeat-day spend in calibration (the first day left out).</summary>
    public static IReadOnlyList<RepeatSpend> RepeatSpends() => PurchaseDays()
        .Select(c => (c.Key, Repeat: c.Value.Where(d => d.Day <= CalibrationEnd).Skip(1).ToArray()))
        .Where(c => c.Repeat.Length > 0)
        .Select(c => new RepeatSpend(c.Key, c.Repeat.Length, c.Repeat.Average(d => d.Spend))).ToArray();
}
