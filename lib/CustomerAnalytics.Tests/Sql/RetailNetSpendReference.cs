using System.Globalization;
using System.Text;
using CustomerAnalytics.Tests.Data.Generators;

namespace CustomerAnalytics.Tests.Sql;

/// <summary>
/// Online Retail spend net of returns, computed in plain C# from the CSV (no SQL, no loader): the independent check of
/// workshop 01's steps. A line is non-product when its StockCode (upper-cased) is listed; else a cancellation when its
/// invoice starts with C; else a purchase when quantity and price are positive; else an adjustment. A customer's net
/// spend is their purchases plus their cancellations, for customers with a purchase; frequency counts their purchase
/// invoices. Lines on or after the as-of date are ignored.
/// </summary>
internal sealed class RetailNetSpendReference
{
    /// <summary>One customer's figures.</summary>
    public sealed record Customer(string Id, int Frequency, decimal Gross, decimal Returned, decimal Net);

    /// <summary>Customers with a purchase, by id ("17850"; a "17850.0" id is the same customer).</summary>
    public IReadOnlyDictionary<string, Customer> Customers { get; }

    /// <summary>Lines and money per rule, named as the rules table names them.</summary>
    public IReadOnlyDictionary<string, (int Lines, decimal Money)> Rules { get; }

    public RetailNetSpendReference(string csvPath, IEnumerable<string> nonProductCodes, DateTime asOf, Encoding? encoding = null)
    {
        var codes = nonProductCodes.Select(c => c.ToUpperInvariant()).ToHashSet();
        var lines = new List<(string Kind, string Code, string? Customer, string Invoice, decimal Value)>();
        var text = File.ReadAllText(csvPath, encoding ?? new UTF8Encoding(false)).Replace("\r\n", "\n");
        foreach (var line in text.Split('\n').Skip(1).Where(l => l.Length > 0))
        {
            var f = GeneratedCsv.Fields(line);
            var date = DateTime.ParseExact(f[4], ["M/d/yyyy H:mm", "yyyy-MM-dd HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None);
            if (date >= asOf) continue;
            int quantity = int.Parse(f[3], CultureInfo.InvariantCulture);
            decimal price = decimal.Parse(f[5], CultureInfo.InvariantCulture);
            string? customer = f[6] == "" ? null : f[6].EndsWith(".0", StringComparison.Ordinal) ? f[6][..^2] : f[6];
            string code = f[1].ToUpperInvariant();
            string kind = codes.Contains(code) ? "non-product" : f[0].StartsWith('C') ? "cancellation"
                : quantity > 0 && price > 0 ? "purchase" : "adjustment";
            lines.Add((kind, code, customer, f[0], quantity * price));
        }

        var purchases = lines.Where(l => l.Kind == "purchase" && l.Customer is not null).GroupBy(l => l.Customer!).ToDictionary(g => g.Key, g => g.ToList());
        var returns = lines.Where(l => l.Kind == "cancellation" && l.Customer is not null && purchases.ContainsKey(l.Customer))
            .GroupBy(l => l.Customer!).ToDictionary(g => g.Key, g => g.Sum(l => l.Value));
        Customers = purchases.ToDictionary(p => p.Key, p =>
        {
            decimal gross = p.Value.Sum(l => l.Value), returned = returns.GetValueOrDefault(p.Key);
            return new Customer(p.Key, p.Value.Select(l => l.Invoice).Distinct().Count(), gross, returned, gross + returned);
        });

        string Rule((string Kind, string Code, string? Customer, string Invoice, decimal Value) l) =>
            l.Kind == "non-product" ? "non-product line " + l.Code
            : l.Kind == "adjustment" ? "adjustment: quantity or price not positive"
            : l.Customer is null ? l.Kind + " without CustomerID"
            : !Customers.TryGetValue(l.Customer, out var c) ? "cancellation by a customer with no purchase"
            : c.Net <= 0 ? l.Kind + " of a customer with net spend <= 0"
            : l.Kind + " of a customer";
        Rules = lines.GroupBy(Rule).ToDictionary(g => g.Key, g => (g.Count(), g.Sum(l => l.Value)));
    }
}
