using CustomerAnalytics.Data;

namespace CustomerAnalytics.Tests.Data;

public class DatasetSchemaTests
{
    [Fact]
    public void Schemas_print_their_columns_with_duckdb_types_and_formats()
    {
        var text = DatasetSchemas.OnlineRetail.ToString();
        Assert.Contains("UnitPrice DECIMAL(18,3)", text);
        Assert.Contains("CustomerID BIGINT NULL (also accepts 17850.0)", text);
        Assert.Contains("InvoiceDate TIMESTAMP [M/d/yyyy H:mm | yyyy-MM-dd HH:mm:ss]", text);
        Assert.Contains("ordered TINYINT (optional column)", DatasetSchemas.PropensitySessions.ToString());
    }

    [Fact]
    public void Propensity_schema_has_user_23_flags_and_the_label()
    {
        var columns = DatasetSchemas.PropensitySessions.Columns;
        Assert.Equal(25, columns.Count);
        Assert.Equal("UserID", columns[0].Name);
        Assert.All(columns.Skip(1), c => Assert.Equal(ColumnType.Binary, c.Type));
        Assert.Equal("loc_uk", columns[23].Name);
        Assert.Equal("ordered", columns[24].Name);
    }
}
