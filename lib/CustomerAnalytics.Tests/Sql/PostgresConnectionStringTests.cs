using CustomerAnalytics.Sql;

namespace CustomerAnalytics.Tests.Sql;

/// <summary><see cref="PostgresEngine.IsConnectionString"/>: what workshop 01's parameter check accepts as postgresConnection, without connecting.</summary>
public sealed class PostgresConnectionStringTests
{
    [Theory]
    [InlineData("Host=127.0.0.1;Username=postgres;Database=rfm", true)]
    [InlineData("Host=cluster.redshift.amazonaws.com;Port=5439;Database=dev;Username=u;Password=p;Server Compatibility Mode=Redshift", true)]
    [InlineData("foo", false)]
    [InlineData("Hots=127.0.0.1", false)]
    [InlineData("", false)]
    public void Recognises_a_connection_string_without_contacting_anything(string text, bool expected) =>
        Assert.Equal(expected, PostgresEngine.IsConnectionString(text));
}
