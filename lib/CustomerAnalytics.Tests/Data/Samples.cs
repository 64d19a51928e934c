using CustomerAnalytics.Data;

namespace CustomerAnalytics.Tests.Data;

/// <summary>Small hand-written files in each dataset's format (the real generators live elsewhere).</summary>
internal static class Samples
{
    public const string Customers = """
        "customer_id","customer_unique_id","customer_zip_code_prefix","customer_city","customer_state"
        "c1","u1","01151","sao paulo","SP"
        "c2","u2","14409","franca","SP"
        "c3","u2","22790","rio de janeiro","RJ"
        """;

    public const string OrdersHeader =
        "order_id,customer_id,order_status,order_purchase_timestamp,order_approved_at,order_delivered_carrier_date,order_delivered_customer_date,order_estimated_delivery_date";

    public const string Orders = OrdersHeader + """

        o1,c1,delivered,2017-10-02 10:56:33,2017-10-02 11:07:15,2017-10-04 19:55:00,2017-10-10 21:25:13,2017-10-18 00:00:00
        o2,c2,canceled,2018-08-08 08:38:49,,,,2018-08-28 00:00:00
        o3,c3,shipped,2018-02-13 21:18:39,2018-02-13 22:20:29,2018-02-14 19:46:34,,2018-03-07 00:00:00
        """;

    public const string Payments = """
        order_id,payment_sequential,payment_type,payment_installments,payment_value
        o1,1,credit_card,1,18.12
        o1,2,voucher,1,2.00
        o2,1,boleto,1,141.46
        o3,1,credit_card,3,179.12
        """;

    public const string OnlineRetail = """
        InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
        536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850.0,United Kingdom
        536365,71053,"LANTERN, WHITE METAL",6,12/1/2010 8:26,3.39,17850,United Kingdom
        C536379,D,Discount,-1,2010-12-01 09:41:00,27.50,14527,United Kingdom
        536414,22139,,56,12/1/2010 11:52,0,,United Kingdom
        536544,21773,PADS TO MATCH ALL CUSHIONS,1,12/1/2010 14:32,0.001,,United Kingdom
        """;

    public static string PropensityHeader(bool withLabel = true) =>
        string.Join(',', new[] { "UserID" }.Concat(DatasetSchemas.PropensityFeatures).Concat(withLabel ? ["ordered"] : []));

    /// <summary>A session line: the user id, then the given 0/1 flags for the 23 features (rest 0), then the label.</summary>
    public static string PropensityLine(string user, int? ordered, params int[] onFeatureIndexes)
    {
        var flags = new int[23];
        foreach (var i in onFeatureIndexes) flags[i] = 1;
        return string.Join(',', new[] { user }.Concat(flags.Select(f => f.ToString())).Concat(ordered is null ? [] : [ordered.Value.ToString()]));
    }

    public static string Propensity() => string.Join("\n",
        PropensityHeader(),
        PropensityLine("a720-6b732349-a720-4862-bd21-644732", 0, 0, 18),
        PropensityLine("a0c0-6b73247c-a0c0-4bd9-8baa-797356", 1, 0, 1, 13, 18, 21),
        PropensityLine("86a8-6b735c67-86a8-407b-ba24-333055", 0, 19, 22));

    public const string Ga4Events = """
        event_date,event_timestamp,event_name,user_pseudo_id,ga_session_id,platform,device_category,geo_country
        20210131,1612069510766593,page_view,1026454.4271112504,1612069510,WEB,desktop,United States
        20210131,1612069511000000,first_visit,1026454.4271112504,,WEB,desktop,United States
        20210201,1612137600000001,purchase,2091876.6031257133,1612137590,WEB,mobile,India
        """;

    public const string Journeys = "c1\temail web  web\tpurchase\nc2\tsearch\tweb purchase\nc3\tsocial web\tweb\n";

    public static string WriteOlist(TempFolder temp, string folder = "olist", string newline = "\n")
    {
        temp.Write($"{folder}/{DatasetSchemas.OlistFiles.Customers}", Customers, newline);
        temp.Write($"{folder}/{DatasetSchemas.OlistFiles.Orders}", Orders, newline);
        temp.Write($"{folder}/{DatasetSchemas.OlistFiles.Payments}", Payments, newline);
        return Path.Combine(temp.Path, folder);
    }
}
