using CustomerAnalytics.Lifetime.Data;

namespace CustomerAnalytics.Lifetime.Models;

/// <summary>Customers with the same (x, t_x, T): the likelihood is computed once per group and weighted by its count.</summary>
internal sealed record HistoryGroup(int Frequency, double Recency, double Age, int Count);

/// <summary>Checks histories and groups equal ones, sorted by frequency, recency and age, so the input order never matters.</summary>
internal static class HistoryGroups
{
    public static IReadOnlyList<HistoryGroup> Of(IReadOnlyList<CustomerHistory> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        if (customers.Count == 0) throw new LifetimeModelException("There are no customers to fit the model to.");
        var bad = customers.Select(c => (c.CustomerId, Problem: c.Problem())).Where(c => c.Problem is not null).ToArray();
        if (bad.Length > 0)
            throw new LifetimeModelException($"{bad.Length} of {customers.Count} customer histories are impossible, for example customer {bad[0].CustomerId} has {bad[0].Problem}. Frequency counts repeat purchase days, recency is the time from the first to the last purchase, age the time from the first purchase to the end of calibration.");
        var repeated = customers.GroupBy(c => c.CustomerId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new LifetimeModelException($"Customer {repeated.Key} appears {repeated.Count()} times: give one history per customer.");
        return customers.GroupBy(c => (c.Frequency, c.Recency, c.Age))
            .Select(g => new HistoryGroup(g.Key.Frequency, g.Key.Recency, g.Key.Age, g.Count()))
            .OrderBy(g => g.Frequency).ThenBy(g => g.Recency).ThenBy(g => g.Age).ToArray();
    }
}
