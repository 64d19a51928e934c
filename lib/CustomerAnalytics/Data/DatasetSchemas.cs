namespace CustomerAnalytics.Data;

/// <summary>
/// The schemas of the public datasets the workshops use, column for column as in the published files
/// (and in the sample files the library generates). See data/README.md for sources and licences.
/// </summary>
public static class DatasetSchemas
{
    /// <summary>Timestamp format of the Olist files.</summary>
    public const string OlistTimestampFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>File names of the Olist tables inside a dataset folder.</summary>
    public static class OlistFiles
    {
        /// <summary>Customers file.</summary>
        public const string Customers = "olist_customers_dataset.csv";
        /// <summary>Orders file.</summary>
        public const string Orders = "olist_orders_dataset.csv";
        /// <summary>Payments file.</summary>
        public const string Payments = "olist_order_payments_dataset.csv";
    }

    /// <summary>Olist customers. Zip code prefixes are text: Brazilian prefixes can start with 0.</summary>
    public static DatasetSchema OlistCustomers { get; } = new("olist_customers",
    [
        ColumnSpec.Text("customer_id"),
        ColumnSpec.Text("customer_unique_id"),
        ColumnSpec.Text("customer_zip_code_prefix"),
        ColumnSpec.Text("customer_city"),
        ColumnSpec.Text("customer_state"),
    ]);

    /// <summary>Olist orders. Approval and delivery timestamps are empty for orders that never got there.</summary>
    public static DatasetSchema OlistOrders { get; } = new("olist_orders",
    [
        ColumnSpec.Text("order_id"),
        ColumnSpec.Text("customer_id"),
        ColumnSpec.Text("order_status"),
        ColumnSpec.Timestamp("order_purchase_timestamp", false, OlistTimestampFormat),
        ColumnSpec.Timestamp("order_approved_at", true, OlistTimestampFormat),
        ColumnSpec.Timestamp("order_delivered_carrier_date", true, OlistTimestampFormat),
        ColumnSpec.Timestamp("order_delivered_customer_date", true, OlistTimestampFormat),
        ColumnSpec.Timestamp("order_estimated_delivery_date", false, OlistTimestampFormat),
    ]);

    /// <summary>Olist payments: one row per payment of an order.</summary>
    public static DatasetSchema OlistPayments { get; } = new("olist_payments",
    [
        ColumnSpec.Text("order_id"),
        ColumnSpec.Int("payment_sequential"),
        ColumnSpec.Text("payment_type"),
        ColumnSpec.Int("payment_installments"),
        ColumnSpec.Decimal("payment_value", scale: 2),
    ]);

    /// <summary>
    /// UCI Online Retail invoice lines. Cancellations (InvoiceNo starting with C, negative Quantity) are valid
    /// rows: netting them against purchases is a workshop step. Description and CustomerID can be empty; CustomerID may be
    /// written "17850.0" by spreadsheet exports. UnitPrice keeps 3 decimals (the file has prices like 0.001).
    /// </summary>
    public static DatasetSchema OnlineRetail { get; } = new("online_retail",
    [
        ColumnSpec.Text("InvoiceNo"),
        ColumnSpec.Text("StockCode"),
        ColumnSpec.Text("Description", nullable: true),
        ColumnSpec.Int("Quantity"),
        ColumnSpec.Timestamp("InvoiceDate", false, "M/d/yyyy H:mm", "yyyy-MM-dd HH:mm:ss"),
        ColumnSpec.Decimal("UnitPrice", scale: 3),
        ColumnSpec.Long("CustomerID", nullable: true) with { Formats = [ColumnSpec.WholeDecimalFormat] },
        ColumnSpec.Text("Country"),
    ]);

    /// <summary>The 23 binary session features of the propensity dataset, in file order.</summary>
    public static IReadOnlyList<string> PropensityFeatures { get; } =
    [
        "basket_icon_click", "basket_add_list", "basket_add_detail", "sort_by", "image_picker",
        "account_page_click", "promo_banner_click", "detail_wishlist_add", "list_size_dropdown",
        "closed_minibasket_click", "checked_delivery_detail", "checked_returns_detail", "sign_in",
        "saw_checkout", "saw_sizecharts", "saw_delivery", "saw_account_upgrade", "saw_homepage",
        "device_mobile", "device_computer", "device_tablet", "returning_user", "loc_uk",
    ];

    /// <summary>Propensity sessions: UserID, 23 0/1 features and the 0/1 label <c>ordered</c>
    /// (optional, so scoring files without a label load too).</summary>
    public static DatasetSchema PropensitySessions { get; } = new("propensity_sessions",
    [
        ColumnSpec.Text("UserID"),
        .. PropensityFeatures.Select(f => ColumnSpec.Binary(f)),
        ColumnSpec.Binary("ordered", optional: true),
    ]);

    /// <summary>GA4-style events, flattened. event_timestamp is microseconds since the Unix epoch (UTC);
    /// ga_session_id is empty for events outside a session.</summary>
    public static DatasetSchema Ga4Events { get; } = new("ga4_events",
    [
        ColumnSpec.Date("event_date", "yyyyMMdd"),
        ColumnSpec.Long("event_timestamp"),
        ColumnSpec.Text("event_name"),
        ColumnSpec.Text("user_pseudo_id"),
        ColumnSpec.Long("ga_session_id", nullable: true),
        ColumnSpec.Text("platform"),
        ColumnSpec.Text("device_category"),
        ColumnSpec.Text("geo_country"),
    ]);
}
