using CustomerAnalytics.Data;
using Microsoft.Data.Analysis;

namespace CustomerAnalytics.Tests.Data;

public class DatasetLoaderTests
{
    private static Dictionary<string, string> Types(WorkshopDatabase db, string table) =>
        db.Describe(table).ToDictionary(c => c.Name, c => c.Type + (c.Nullable ? "" : " NOT NULL"));

    [Fact]
    public void Olist_folder_loads_into_three_typed_tables()
    {
        using var temp = new TempFolder();
        using var db = new WorkshopDatabase();

        var result = DatasetLoader.LoadOlist(db, Samples.WriteOlist(temp));

        Assert.Equal([3L, 3L, 4L], result.Reports.Select(r => r.RowsAccepted));
        Assert.Equal(["customers", "orders", "payments"], result.Reports.Select(r => r.Table));
        Assert.Equal(3, db.Count("customers"));
        Assert.Equal(3, db.Count("orders"));
        Assert.Equal(4, db.Count("payments"));
        Assert.Equal("VARCHAR NOT NULL", Types(db, "customers")["customer_zip_code_prefix"]);
        var orders = Types(db, "orders");
        Assert.Equal("TIMESTAMP NOT NULL", orders["order_purchase_timestamp"]);
        Assert.Equal("TIMESTAMP", orders["order_approved_at"]);
        var payments = Types(db, "payments");
        Assert.Equal("INTEGER NOT NULL", payments["payment_sequential"]);
        Assert.Equal("DECIMAL(18,2) NOT NULL", payments["payment_value"]);
        Assert.Equal(340.70m, db.Scalar<decimal>("SELECT sum(payment_value) FROM payments"));
        Assert.Equal("01151", db.Scalar<string>("SELECT customer_zip_code_prefix FROM customers WHERE customer_id = 'c1'"));
        Assert.Equal(1, db.Scalar<long>("SELECT count(*) FROM orders WHERE order_approved_at IS NULL"));
        Assert.Equal(new DateTime(2017, 10, 10, 21, 25, 13), db.Scalar<DateTime>("SELECT order_delivered_customer_date FROM orders WHERE order_id = 'o1'"));
    }

    [Fact]
    public void Missing_olist_file_is_reported_before_any_table_is_created()
    {
        using var temp = new TempFolder();
        var folder = Samples.WriteOlist(temp);
        File.Delete(Path.Combine(folder, DatasetSchemas.OlistFiles.Payments));
        using var db = new WorkshopDatabase();

        var e = Assert.Throws<DataFileNotFoundException>(() => DatasetLoader.LoadOlist(db, folder));

        Assert.EndsWith(DatasetSchemas.OlistFiles.Payments, e.Path);
        Assert.Empty(db.Columns("customers"));
        var missingFolder = Assert.Throws<DataFileNotFoundException>(() => DatasetLoader.LoadOlist(db, Path.Combine(temp.Path, "nope")));
        Assert.Contains("folder does not exist", missingFolder.Message);
    }

    [Fact]
    public void A_failed_olist_load_changes_no_table()
    {
        using var temp = new TempFolder();
        using var db = new WorkshopDatabase();
        DatasetLoader.LoadOlist(db, Samples.WriteOlist(temp, "good"));
        var bad = Samples.WriteOlist(temp, "bad");
        File.AppendAllText(Path.Combine(bad, DatasetSchemas.OlistFiles.Payments), "\no4,1,boleto,1,lots\n");
        File.AppendAllText(Path.Combine(bad, DatasetSchemas.OlistFiles.Customers), "\n\"c4\",\"u4\",\"01000\",\"x\",\"SP\"\n");

        var e = Assert.Throws<DataValidationException>(() => DatasetLoader.LoadOlist(db, bad, LoadOptions.Strict));

        Assert.Equal(6, e.Report.FirstRejects.Single().Line);
        Assert.Equal(3, db.Count("customers")); // the customers file loaded fine, but the whole load rolled back
        Assert.Equal(4, db.Count("payments"));
        Assert.Equal(["customers", "orders", "payments"], TableNames(db)); // no staging table left behind
    }

    [Fact]
    public void When_several_files_fail_the_first_file_in_load_order_is_reported()
    {
        using var temp = new TempFolder();
        var bad = Samples.WriteOlist(temp, "bad");
        File.AppendAllText(Path.Combine(bad, DatasetSchemas.OlistFiles.Orders), "\nbroken,row\n");
        File.AppendAllText(Path.Combine(bad, DatasetSchemas.OlistFiles.Payments), "\no4,1,boleto,1,lots\n");

        for (int attempt = 0; attempt < 5; attempt++) // the files load on parallel threads: timing must not matter
        {
            using var db = new WorkshopDatabase();
            var e = Assert.Throws<DataValidationException>(() => DatasetLoader.LoadOlist(db, bad, LoadOptions.Strict));
            Assert.EndsWith(DatasetSchemas.OlistFiles.Orders, e.Report.Source);
            Assert.Empty(TableNames(db));
        }
    }

    [Fact]
    public void Olist_loads_into_a_database_file_and_replaces_its_tables()
    {
        using var temp = new TempFolder();
        var file = Path.Combine(temp.Path, "workshop.duckdb");
        using (var db = new WorkshopDatabase(file))
        {
            db.Execute("CREATE TABLE orders (stale INTEGER)");
            DatasetLoader.LoadOlist(db, Samples.WriteOlist(temp));
        }
        using var reopened = new WorkshopDatabase(file);
        Assert.Equal(["customers", "orders", "payments"], TableNames(reopened));
        Assert.Equal(4, reopened.Count("payments"));
        Assert.Contains(reopened.Describe("orders"), c => c.Name == "order_status");
    }

    private static string[] TableNames(WorkshopDatabase db) =>
        db.Query("SELECT table_name FROM information_schema.tables ORDER BY 1").Columns[0].Cast<string>().ToArray();

    [Fact]
    public void Under_budget_rejects_are_reported_and_the_good_rows_loaded()
    {
        using var temp = new TempFolder();
        var path = temp.Write("p.csv", Samples.Payments + "\no5,1,boleto,x,1.00\no6,1,boleto,1,2.00\n");
        using var db = new WorkshopDatabase();

        var report = DatasetLoader.LoadTable(db, "payments", path, DatasetSchemas.OlistPayments);

        Assert.Equal(5, db.Count("payments"));
        Assert.Equal(1, report.Rejected(RejectReason.BadNumber));
        Assert.Equal(6, report.FirstRejects.Single().Line);
    }

    [Fact]
    public void Online_retail_loads_with_exact_money_and_nullable_customer_ids()
    {
        using var temp = new TempFolder();
        using var db = new WorkshopDatabase();

        var report = DatasetLoader.LoadOnlineRetail(db, temp.Write("retail.csv", Samples.OnlineRetail));

        Assert.Equal("online_retail", report.Table);
        var types = Types(db, "online_retail");
        Assert.Equal("DECIMAL(18,3) NOT NULL", types["UnitPrice"]);
        Assert.Equal("BIGINT", types["CustomerID"]);
        Assert.Equal("INTEGER NOT NULL", types["Quantity"]);
        Assert.Equal("TIMESTAMP NOT NULL", types["InvoiceDate"]);
        Assert.Equal(8.141m, db.Scalar<decimal>("SELECT sum(Quantity * UnitPrice) FROM online_retail"));
        Assert.Equal(1, db.Scalar<long>("SELECT count(*) FROM online_retail WHERE InvoiceNo LIKE 'C%'"));
        Assert.Equal(2, db.Scalar<long>("SELECT count(*) FROM online_retail WHERE CustomerID IS NULL"));
    }

    [Fact]
    public void Propensity_loads_into_duckdb_as_tinyint_flags_and_into_typed_records()
    {
        using var temp = new TempFolder();
        var path = temp.Write("sessions.csv", Samples.Propensity());
        using var db = new WorkshopDatabase();

        DatasetLoader.LoadPropensity(db, path);
        var (sessions, report) = DatasetLoader.LoadPropensity(path);

        Assert.Equal("TINYINT NOT NULL", Types(db, "sessions")["saw_checkout"]);
        Assert.Equal(1.0 / 3, db.Scalar<double>("SELECT avg(ordered) FROM sessions"), 12);
        Assert.Equal(3, report.RowsAccepted);
        var buyer = sessions[1];
        Assert.Equal("a0c0-6b73247c-a0c0-4bd9-8baa-797356", buyer.UserId);
        Assert.True(buyer.Ordered);
        bool Flag(SessionRecord s, string feature) => s.Flags[DatasetSchemas.PropensityFeatures.ToList().IndexOf(feature)];
        Assert.True(Flag(buyer, "basket_icon_click") && Flag(buyer, "basket_add_list") && Flag(buyer, "saw_checkout") && Flag(buyer, "device_mobile") && Flag(buyer, "returning_user"));
        Assert.False(Flag(buyer, "sort_by") || Flag(buyer, "loc_uk") || Flag(buyer, "device_computer"));
        Assert.Equal([true, true, false], buyer.Flags.Take(3));
        Assert.Equal(23, buyer.Flags.Count);
        Assert.True(Flag(sessions[2], "loc_uk") && Flag(sessions[2], "device_computer"));
    }

    [Fact]
    public void Ga4_events_load_with_date_and_bigint_columns()
    {
        using var temp = new TempFolder();
        using var db = new WorkshopDatabase();
        DatasetLoader.LoadTable(db, "events", temp.Write("events.csv", Samples.Ga4Events), DatasetSchemas.Ga4Events);

        var types = Types(db, "events");
        Assert.Equal("DATE NOT NULL", types["event_date"]);
        Assert.Equal("BIGINT NOT NULL", types["event_timestamp"]);
        Assert.Equal("BIGINT", types["ga_session_id"]);
        Assert.Equal(new DateTime(2021, 1, 31, 5, 5, 10), db.Scalar<DateTime>(
            "SELECT date_trunc('second', make_timestamp(min(event_timestamp))) FROM events"));
    }

    [Fact]
    public void Dataframe_column_types_follow_the_schema_and_equal_those_of_a_duckdb_query()
    {
        using var temp = new TempFolder();
        var files = new (string Table, string Path, DatasetSchema Schema)[]
        {
            ("orders", temp.Write("orders.csv", Samples.Orders), DatasetSchemas.OlistOrders),
            ("payments", temp.Write("payments.csv", Samples.Payments), DatasetSchemas.OlistPayments),
            ("retail", temp.Write("retail.csv", Samples.OnlineRetail), DatasetSchemas.OnlineRetail),
            ("sessions", temp.Write("sessions.csv", Samples.Propensity()), DatasetSchemas.PropensitySessions),
            ("events", temp.Write("events.csv", Samples.Ga4Events), DatasetSchemas.Ga4Events),
        };
        using var db = new WorkshopDatabase();
        foreach (var (table, path, schema) in files)
        {
            DatasetLoader.LoadTable(db, table, path, schema);
            var direct = DatasetLoader.LoadDataFrame(path, schema).Frame;
            var queried = db.Query($"SELECT * FROM {table}");

            Assert.Equal(direct.Columns.Select(c => (c.Name, c.GetType())), queried.Columns.Select(c => (c.Name, c.GetType())));
            Assert.Equal(direct.Rows.Count, queried.Rows.Count);
            for (int i = 0; i < direct.Rows.Count; i++)
                Assert.Equal(direct.Rows[i].ToArray(), queried.Rows[i].ToArray());
        }

        var payments = DatasetLoader.LoadDataFrame(files[1].Path, DatasetSchemas.OlistPayments).Frame;
        Assert.IsType<Int32DataFrameColumn>(payments["payment_sequential"]);
        Assert.IsType<DecimalDataFrameColumn>(payments["payment_value"]);
        var orders = DatasetLoader.LoadDataFrame(files[0].Path, DatasetSchemas.OlistOrders).Frame;
        Assert.IsType<DateTimeDataFrameColumn>(orders["order_purchase_timestamp"]);
        Assert.Equal(1, orders["order_approved_at"].NullCount);
        Assert.IsType<SByteDataFrameColumn>(DatasetLoader.LoadDataFrame(files[3].Path, DatasetSchemas.PropensitySessions).Frame["ordered"]);
    }

    [Fact]
    public void Query_turns_dates_hugeints_and_lists_into_dataframe_columns()
    {
        using var db = new WorkshopDatabase();
        var frame = db.Query("SELECT DATE '2021-01-31' AS d, sum(x) AS total, [1, 2] AS l, NULL::INTEGER AS n FROM (VALUES (1), (2)) t(x)");

        Assert.IsType<DateTimeDataFrameColumn>(frame["d"]);
        Assert.Equal(new DateTime(2021, 1, 31), frame["d"][0]);
        Assert.IsType<Int64DataFrameColumn>(frame["total"]);
        Assert.Equal(3L, frame["total"][0]);
        Assert.Equal("[1, 2]", frame["l"][0]);
        Assert.IsType<Int32DataFrameColumn>(frame["n"]);
        Assert.Null(frame["n"][0]);
    }

    [Fact]
    public void Crlf_and_lf_files_load_identical_tables()
    {
        using var temp = new TempFolder();
        using var db = new WorkshopDatabase();
        var retail = Samples.OnlineRetail.Replace("LANTERN, WHITE METAL", "LANTERN\nWHITE METAL");
        DatasetLoader.LoadOnlineRetail(db, temp.Write("lf.csv", retail, "\n"), table: "lf");
        DatasetLoader.LoadOnlineRetail(db, temp.Write("crlf.csv", retail, "\r\n"), table: "crlf");

        Assert.Equal(5, db.Count("lf"));
        Assert.Equal(0, db.Scalar<long>("SELECT count(*) FROM (SELECT * FROM lf EXCEPT ALL SELECT * FROM crlf)"));
        Assert.Equal(0, db.Scalar<long>("SELECT count(*) FROM (SELECT * FROM crlf EXCEPT ALL SELECT * FROM lf)"));
        Assert.Equal("LANTERN\nWHITE METAL", db.Scalar<string>("SELECT Description FROM crlf WHERE StockCode = '71053'"));
    }

    [Fact]
    public void Text_reaches_duckdb_exactly_as_written()
    {
        // Short (inlined by DuckDB) and long values, beyond the sink's first 256-byte buffer, non-ASCII text in
        // one to four UTF-8 bytes per character, quotes, delimiters and a lone space.
        string[] cities = ["são paulo", "Łódź", "東京都", "emoji 🛒 city", " ", "say \"hi\", then go", new string('x', 300) + "é", "a"];
        var csv = "customer_id,customer_unique_id,customer_zip_code_prefix,customer_city,customer_state\n" +
                  string.Concat(cities.Select((city, i) => $"c{i},u{i},0{i}000,\"{city.Replace("\"", "\"\"")}\",SP\n"));
        using var temp = new TempFolder();
        using var db = new WorkshopDatabase();
        var path = temp.Write("customers.csv", csv);
        DatasetLoader.LoadTable(db, "customers", path, DatasetSchemas.OlistCustomers);

        var stored = db.Query("SELECT customer_city, customer_zip_code_prefix FROM customers ORDER BY customer_id").Rows.ToArray();
        Assert.Equal(cities, stored.Select(r => (string)r[0]));
        Assert.Equal(cities.Select((_, i) => $"0{i}000"), stored.Select(r => (string)r[1]));
        Assert.Equal(0, db.Scalar<long>("SELECT count(*) FROM customers WHERE customer_city IS NULL"));
        var frame = DatasetLoader.LoadDataFrame(path, DatasetSchemas.OlistCustomers).Frame;
        Assert.Equal(cities, frame.Columns["customer_city"].Cast<string>());
    }

    [Fact]
    public void Reloading_replaces_the_table_and_a_failed_reload_keeps_the_old_one()
    {
        using var temp = new TempFolder();
        using var db = new WorkshopDatabase();
        DatasetLoader.LoadTable(db, "payments", temp.Write("p1.csv", Samples.Payments), DatasetSchemas.OlistPayments);
        DatasetLoader.LoadTable(db, "payments", temp.Write("p2.csv", "order_id,payment_sequential,payment_type,payment_installments,payment_value\no1,1,a,1,1.00\n"), DatasetSchemas.OlistPayments);
        Assert.Equal(1, db.Count("payments"));

        var bad = temp.Write("p3.csv", "order_id,payment_sequential,payment_type,payment_installments,payment_value\no1,1,a,1,1.00\no2,x,a,1,1.00\n");
        Assert.Throws<DataValidationException>(() => DatasetLoader.LoadTable(db, "payments", bad, DatasetSchemas.OlistPayments, LoadOptions.Strict));
        Assert.Equal(1, db.Count("payments"));
        Assert.Equal(1.00m, db.Scalar<decimal>("SELECT sum(payment_value) FROM payments"));
    }
}
