using CustomerAnalytics.Data;

namespace CustomerAnalytics.Tests.Data;

public class CsvLoadTests
{
    private static (List<object?[]> Rows, LoadReport Report) Read(string path, DatasetSchema schema, LoadOptions? options = null) =>
        LoadedRows.Read(path, schema, options);

    private static string OrdersWith(TempFolder temp, params string[] lines) =>
        temp.Write("orders.csv", string.Join("\n", new[] { Samples.OrdersHeader }.Concat(lines)));

    private const string GoodOrder = "o9,c9,delivered,2017-10-02 10:56:33,,,,2017-10-18 00:00:00";

    [Fact]
    public void Good_orders_file_gives_typed_values_and_nulls_for_empty_optional_timestamps()
    {
        using var temp = new TempFolder();
        var (rows, report) = Read(temp.Write("orders.csv", Samples.Orders), DatasetSchemas.OlistOrders);

        Assert.Equal(3, report.RowsRead);
        Assert.Equal(3, report.RowsAccepted);
        Assert.Equal(0, report.RowsRejected);
        Assert.Equal(new DateTime(2017, 10, 2, 10, 56, 33), rows[0][3]);
        Assert.Equal("canceled", rows[1][2]);
        Assert.Null(rows[1][4]);
        Assert.Null(rows[2][6]);
        Assert.Equal(new DateTime(2018, 3, 7), rows[2][7]);
    }

    [Fact]
    public void Columns_are_matched_by_name_in_any_order_and_case()
    {
        using var temp = new TempFolder();
        var path = temp.Write("p.csv", "PAYMENT_VALUE,order_id,payment_type,Payment_Installments,payment_sequential\n18.12,o1,credit_card,1,2\n");
        var (rows, _) = Read(path, DatasetSchemas.OlistPayments);
        Assert.Equal(new object?[] { "o1", 2, "credit_card", 1, 18.12m }, rows[0]);
    }

    [Fact]
    public void Missing_column_names_expected_and_found_columns()
    {
        using var temp = new TempFolder();
        var path = temp.Write("p.csv", "order_id,payment_sequential,payment_type,payment_value\no1,1,boleto,2.00\n");

        var e = Assert.Throws<SchemaMismatchException>(() => Read(path, DatasetSchemas.OlistPayments));

        Assert.Equal(["payment_installments"], e.Missing);
        Assert.Contains("missing column(s) payment_installments", e.Message);
        Assert.Contains("Expected columns: order_id, payment_sequential, payment_type, payment_installments, payment_value", e.Message);
        Assert.Contains("Found: order_id, payment_sequential, payment_type, payment_value", e.Message);
    }

    [Fact]
    public void Extra_column_is_an_error_unless_allowed_and_then_it_is_reported()
    {
        using var temp = new TempFolder();
        var path = temp.Write("p.csv", Samples.Payments.Replace("payment_value", "payment_value,note").Replace("18.12", "18.12,x").Replace("2.00", "2.00,y")
            .Replace("141.46", "141.46,z").Replace("179.12", "179.12,w"));

        var e = Assert.Throws<SchemaMismatchException>(() => Read(path, DatasetSchemas.OlistPayments));
        Assert.Equal(["note"], e.Unexpected);
        Assert.Contains("AllowExtraColumns", e.Message);

        var (rows, report) = Read(path, DatasetSchemas.OlistPayments, new LoadOptions { AllowExtraColumns = true });
        Assert.Equal(4, rows.Count);
        Assert.Equal(["note"], report.IgnoredColumns);
    }

    [Fact]
    public void Duplicate_column_is_an_error()
    {
        using var temp = new TempFolder();
        var path = temp.Write("c.csv", "customer_id,customer_unique_id,customer_zip_code_prefix,customer_city,customer_state,customer_city\n");
        var e = Assert.Throws<SchemaMismatchException>(() => Read(path, DatasetSchemas.OlistCustomers));
        Assert.Contains("duplicate column(s) customer_city", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    public void Empty_file_is_a_clear_error(string content)
    {
        using var temp = new TempFolder();
        var path = temp.Write("empty.csv", content);
        var e = Assert.Throws<SchemaMismatchException>(() => Read(path, DatasetSchemas.OlistCustomers));
        Assert.Contains("is empty", e.Message);
        Assert.Contains("customer_id, customer_unique_id", e.Message);
        Assert.Empty(e.Found);
    }

    [Fact]
    public void Missing_file_names_the_path_and_how_to_get_the_data()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid(), "olist_orders_dataset.csv");
        var e = Assert.Throws<DataFileNotFoundException>(() => Read(path, DatasetSchemas.OlistOrders));
        Assert.Equal(path, e.Path);
        Assert.Contains(path, e.Message);
        Assert.Contains("data/README.md", e.Message);
        Assert.Contains("dotnet run --project lib/CustomerAnalytics.Runner -- --generate-data data", e.Message);
    }

    [Fact]
    public void Each_kind_of_bad_row_is_rejected_with_its_reason_line_and_raw_text()
    {
        using var temp = new TempFolder();
        var path = OrdersWith(temp,
            GoodOrder,                                                                    // line 2
            "o1,c1,delivered,2017-13-02 10:56:33,,,,2017-10-18 00:00:00",                 // 3 bad timestamp
            ",c1,delivered,2017-10-02 10:56:33,,,,2017-10-18 00:00:00",                   // 4 missing order_id
            "o1,c1,delivered,2017-10-02 10:56:33,,,2017-10-18 00:00:00",                  // 5 7 fields
            "o1,c1,delivered,2017-10-02 10:56:33,,,,",                                    // 6 missing estimated date
            "\"o1\"x,c1,delivered,2017-10-02 10:56:33,,,,2017-10-18 00:00:00",            // 7 malformed quotes
            GoodOrder);                                                                   // 8

        var (rows, report) = Read(path, DatasetSchemas.OlistOrders);

        Assert.Equal(7, report.RowsRead);
        Assert.Equal(2, report.RowsAccepted);
        Assert.Equal(5, report.RowsRejected);
        Assert.Equal(report.RowsRead, report.RowsAccepted + report.RowsRejected);
        Assert.Equal(2, rows.Count);
        Assert.Equal(1, report.Rejected(RejectReason.BadTimestamp));
        Assert.Equal(2, report.Rejected(RejectReason.MissingRequiredField));
        Assert.Equal(1, report.Rejected(RejectReason.WrongColumnCount));
        Assert.Equal(1, report.Rejected(RejectReason.MalformedQuotes));
        Assert.Equal([3L, 4L, 5L, 6L, 7L], report.FirstRejects.Select(r => r.Line));
        var badTime = report.FirstRejects[0];
        Assert.Equal("order_purchase_timestamp", badTime.Column);
        Assert.Contains("'2017-13-02 10:56:33' does not match yyyy-MM-dd HH:mm:ss", badTime.Detail);
        Assert.Equal("o1,c1,delivered,2017-13-02 10:56:33,,,,2017-10-18 00:00:00", badTime.RawText);
        Assert.Equal("order_id", report.FirstRejects[1].Column);
        Assert.Equal("expected 8 fields, found 7", report.FirstRejects[2].Detail);
        Assert.Equal("order_estimated_delivery_date", report.FirstRejects[3].Column);
    }

    [Theory]
    [InlineData("o1,x,credit_card,1,18.12", "payment_sequential", "'x' is not a whole number")]
    [InlineData("o1,3000000000,credit_card,1,18.12", "payment_sequential", "'3000000000' is not a whole number (32-bit)")]
    [InlineData("o1,1,credit_card,1.5,18.12", "payment_installments", "'1.5' is not a whole number")]
    [InlineData("o1,1,credit_card,1,18.123", "payment_value", "does not fit DECIMAL(18,2)")]
    [InlineData("o1,1,credit_card,1,1e3", "payment_value", "'1e3' is not a decimal number")]
    [InlineData("o1,1,credit_card,1,1_000", "payment_value", "'1_000' is not a decimal number")]
    [InlineData("o1,1_000,credit_card,1,18.12", "payment_sequential", "'1_000' is not a whole number")]
    [InlineData("o1,1,credit_card,1,12345678901234567.5", "payment_value", "does not fit DECIMAL(18,2)")]
    [InlineData("o1,1,credit_card,1,18.1201", "payment_value", "does not fit DECIMAL(18,2)")]
    [InlineData("o1,1,credit_card,1,.", "payment_value", "'.' is not a decimal number")]
    [InlineData("o1,1,credit_card,1,\"1,234.00\"", "payment_value", "is not a decimal number")]
    public void Bad_numbers_are_rejected(string line, string column, string detail)
    {
        using var temp = new TempFolder();
        var path = temp.Write("p.csv", "order_id,payment_sequential,payment_type,payment_installments,payment_value\n" + line + "\n");
        var (_, report) = Read(path, DatasetSchemas.OlistPayments);
        var reject = Assert.Single(report.FirstRejects);
        Assert.Equal(RejectReason.BadNumber, reject.Reason);
        Assert.Equal(column, reject.Column);
        Assert.Contains(detail, reject.Detail);
    }

    [Fact]
    public void Decimals_are_exact_and_trailing_zeros_within_the_scale_are_fine()
    {
        using var temp = new TempFolder();
        var path = temp.Write("p.csv", "order_id,payment_sequential,payment_type,payment_installments,payment_value\no1,1,a,1,0.10\no2,1,a,1,0.20\no3,1,a,1,-3.5000\n");
        var (rows, report) = Read(path, DatasetSchemas.OlistPayments);
        Assert.Equal(0, report.RowsRejected);
        Assert.Equal(-3.2m, rows.Sum(r => (decimal)r[4]!));
    }

    [Fact]
    public void Padded_signed_and_short_forms_of_numbers_are_read()
    {
        using var temp = new TempFolder();
        var path = temp.Write("p.csv", "order_id,payment_sequential,payment_type,payment_installments,payment_value\n" +
            "o1, 2 ,a,+3,.5\no2,007,a,1, 5. \no3,1,a,-1,0001234567890123456.10\n");
        var (rows, report) = Read(path, DatasetSchemas.OlistPayments);
        Assert.Equal(0, report.RowsRejected);
        Assert.Equal([2, 7, 1], rows.Select(r => (int)r[1]!));
        Assert.Equal([3, 1, -1], rows.Select(r => (int)r[3]!));
        Assert.Equal([0.5m, 5m, 1234567890123456.1m], rows.Select(r => (decimal)r[4]!));
    }

    [Fact]
    public void Online_retail_accepts_both_date_formats_decimal_customer_ids_blanks_and_cancellations()
    {
        using var temp = new TempFolder();
        var (rows, report) = Read(temp.Write("retail.csv", Samples.OnlineRetail), DatasetSchemas.OnlineRetail);

        Assert.Equal(5, report.RowsAccepted);
        Assert.Equal(17850L, rows[0][6]);
        Assert.Equal(17850L, rows[1][6]);
        Assert.Equal("LANTERN, WHITE METAL", rows[1][2]);
        Assert.Equal(new DateTime(2010, 12, 1, 8, 26, 0), rows[0][4]);
        Assert.Equal(new DateTime(2010, 12, 1, 9, 41, 0), rows[2][4]);
        Assert.Equal("C536379", rows[2][0]);
        Assert.Equal(-1, rows[2][3]);
        Assert.Null(rows[3][2]);
        Assert.Null(rows[3][6]);
        Assert.Equal(0.001m, rows[4][5]);
    }

    [Theory]
    [InlineData("17850.5")]
    [InlineData("17850.0.0")]
    [InlineData("abc")]
    public void Online_retail_rejects_customer_ids_that_are_not_whole_numbers(string id)
    {
        using var temp = new TempFolder();
        var path = temp.Write("retail.csv", $"InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n1,2,d,1,12/1/2010 8:26,1.00,{id},UK\n");
        var (_, report) = Read(path, DatasetSchemas.OnlineRetail);
        Assert.Equal("CustomerID", Assert.Single(report.FirstRejects).Column);
    }

    [Fact]
    public void Propensity_values_other_than_0_or_1_are_rejected_and_a_missing_label_column_is_allowed()
    {
        using var temp = new TempFolder();
        var bad = Samples.PropensityLine("u9", 1, 0).Split(',');
        bad[5] = "2";
        var path = temp.Write("train.csv", Samples.Propensity() + "\n" + string.Join(',', bad) + "\n");
        var (rows, report) = Read(path, DatasetSchemas.PropensitySessions);
        Assert.Equal(3, rows.Count);
        var reject = Assert.Single(report.FirstRejects);
        Assert.Equal(RejectReason.NotBinary, reject.Reason);
        Assert.Equal("image_picker", reject.Column);
        Assert.Equal(5, reject.Line);

        var scoring = temp.Write("score.csv", Samples.PropensityHeader(withLabel: false) + "\n" + Samples.PropensityLine("u1", null, 2) + "\n");
        var (scored, scoringReport) = Read(scoring, DatasetSchemas.PropensitySessions);
        Assert.Null(Assert.Single(scored)[24]);
        Assert.Equal(["ordered"], scoringReport.AbsentOptionalColumns);
    }

    [Fact]
    public void Ga4_event_dates_are_dates_and_a_missing_session_id_is_null()
    {
        using var temp = new TempFolder();
        var (rows, report) = Read(temp.Write("events.csv", Samples.Ga4Events), DatasetSchemas.Ga4Events);
        Assert.Equal(3, report.RowsAccepted);
        Assert.Equal(new DateOnly(2021, 1, 31), rows[0][0]);
        Assert.Equal(1612069510766593L, rows[0][1]);
        Assert.Equal("1026454.4271112504", rows[0][3]);
        Assert.Null(rows[1][4]);
        Assert.Equal(1612137590L, rows[2][4]);
    }

    [Fact]
    public void Under_the_error_budget_the_load_succeeds_and_reports_every_reject()
    {
        using var temp = new TempFolder();
        var lines = Enumerable.Range(0, 30).Select(i => i % 10 == 0 ? "o1,c1,delivered,not a date,,,,2017-10-18 00:00:00" : GoodOrder).ToArray();
        var (rows, report) = Read(OrdersWith(temp, lines), DatasetSchemas.OlistOrders, new LoadOptions { MaxErrors = 3, RejectSamples = 2 });

        Assert.Equal(27, rows.Count);
        Assert.Equal(3, report.RowsRejected);
        Assert.True(report.WithinBudget);
        Assert.Equal([2L, 12L], report.FirstRejects.Select(r => r.Line)); // samples capped, counts are not
    }

    [Fact]
    public void Over_the_error_budget_the_exception_counts_the_whole_file_and_lists_line_numbers()
    {
        using var temp = new TempFolder();
        var lines = Enumerable.Range(0, 30).Select(i => i % 10 == 0 ? "o1,c1,delivered,not a date,,,,2017-10-18 00:00:00" : GoodOrder).ToArray();
        var path = OrdersWith(temp, lines);

        var e = Assert.Throws<DataValidationException>(() => Read(path, DatasetSchemas.OlistOrders, new LoadOptions { MaxErrors = 2 }));

        Assert.Equal(3, e.Report.RowsRejected);
        Assert.Equal(30, e.Report.RowsRead);
        Assert.Contains("3 of 30 rows rejected, more than MaxErrors = 2", e.Message);
        Assert.Contains("bad timestamp 3", e.Message);
        Assert.Contains("line 2: bad timestamp in order_purchase_timestamp", e.Message);
        Assert.Contains("line 22:", e.Message);
        Assert.Contains("MaxErrors", e.Message);
    }

    [Fact]
    public void Strict_options_fail_on_the_first_bad_row()
    {
        using var temp = new TempFolder();
        var path = OrdersWith(temp, GoodOrder, "o1,c1,delivered,2017-10-02 10:56:33,,,,yesterday");
        var e = Assert.Throws<DataValidationException>(() => Read(path, DatasetSchemas.OlistOrders, LoadOptions.Strict));
        Assert.Equal(3, Assert.Single(e.Report.FirstRejects).Line);
    }

    [Fact]
    public void Default_budget_is_100_rows()
    {
        Assert.Equal(100, LoadOptions.Default.MaxErrors);
        Assert.Equal(0, LoadOptions.Strict.MaxErrors);
    }

    [Fact]
    public void Report_renders_as_text_and_html_with_reasons_and_rejected_rows()
    {
        using var temp = new TempFolder();
        var (_, report) = Read(OrdersWith(temp, GoodOrder, "o<1>,c1,delivered,bad,,,,2017-10-18 00:00:00", ""), DatasetSchemas.OlistOrders);

        var text = report.ToString();
        Assert.Contains("olist_orders: 2 rows read, 1 accepted, 1 rejected (max 100)", text);
        Assert.Contains("rejected by reason: bad timestamp 1", text);
        Assert.Contains("line 3: bad timestamp in order_purchase_timestamp", text);

        var html = report.ToHtml();
        Assert.Contains("<table>", html);
        Assert.Contains("Rejected rows by reason", html);
        Assert.Contains("o&lt;1&gt;,c1,delivered,bad", html);
        Assert.Contains("<td>3</td>", html);
    }
}
