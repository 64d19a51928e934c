namespace CustomerAnalytics.Sql;

/// <summary>What an RFM pipeline reads: its input tables and columns, and how to find its purchase dates.</summary>
/// <param name="Dataset">Dataset name for messages, e.g. "Olist".</param>
/// <param name="RequiredColumns">Input table -> the columns the SQL uses (lower case).</param>
/// <param name="PurchaseRange">Query returning the first and last included purchase (after parameter tables exist).</param>
/// <param name="LoadHint">How to create the input tables, for error messages.</param>
public sealed record RfmSource(string Dataset, IReadOnlyDictionary<string, string[]> RequiredColumns, string PurchaseRange, string LoadHint)
{
    /// <summary>Olist customers, orders and payments, filtered by order status.</summary>
    public static RfmSource Olist { get; } = new("Olist",
        new Dictionary<string, string[]>
        {
            ["customers"] = ["customer_id", "customer_unique_id"],
            ["orders"] = ["order_id", "customer_id", "order_status", "order_purchase_timestamp"],
            ["payments"] = ["order_id", "payment_sequential", "payment_value"],
        },
        "SELECT MIN(order_purchase_timestamp), MAX(order_purchase_timestamp) FROM orders WHERE order_status IN (SELECT status FROM rfm_statuses)",
        "load them with DatasetLoader.LoadOlist(db, \"data/olist\")");

    /// <summary>UCI Online Retail invoice lines (sorted by rule by the pipeline's first steps); the purchase range is that
    /// of the product purchases of known customers.</summary>
    public static RfmSource OnlineRetail { get; } = new("Online Retail",
        new Dictionary<string, string[]> { ["online_retail"] = ["invoiceno", "stockcode", "quantity", "invoicedate", "unitprice", "customerid"] },
        "SELECT MIN(InvoiceDate), MAX(InvoiceDate) FROM online_retail WHERE CustomerID IS NOT NULL AND InvoiceNo NOT LIKE 'C%' " +
        "AND Quantity > 0 AND UnitPrice > 0 AND UPPER(StockCode) NOT IN (SELECT stock_code FROM retail_non_product_codes)",
        "load it with DatasetLoader.LoadOnlineRetail(db, \"data/online_retail.csv\")");
}
