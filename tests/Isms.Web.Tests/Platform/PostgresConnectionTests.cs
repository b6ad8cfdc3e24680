using Isms.Web.Data;
using Npgsql;

namespace Isms.Web.Tests.Platform;

/// The PostgreSQL connection defaults that prepare the repeated statements (docs/benchmarks.md,
/// issue 3), and that an operator's own setting always wins.
public sealed class PostgresConnectionTests
{
    [Fact]
    public void ConnectionString_WithoutTheSettings_GetsTheDefaults()
    {
        var built = new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString("Host=db;Database=isms;Username=isms"));

        Assert.Equal(64, built.MaxAutoPrepare);
        Assert.Equal(2, built.AutoPrepareMinUsages);
        Assert.True(built.NoResetOnClose);
        Assert.Equal("db", built.Host);
        Assert.Equal("isms", built.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false;Auto Prepare Min Usages=5")]
    [InlineData("Host=db;MaxAutoPrepare=0;NoResetOnClose=false;AutoPrepareMinUsages=5")]
    public void ConnectionString_WithTheSettings_KeepsThem(string configured)
    {
        var built = new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString(configured));

        Assert.Equal(0, built.MaxAutoPrepare);
        Assert.Equal(5, built.AutoPrepareMinUsages);
        Assert.False(built.NoResetOnClose);
    }
}
