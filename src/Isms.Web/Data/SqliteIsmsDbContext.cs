using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Data;

public sealed class SqliteIsmsDbContext(DbContextOptions<SqliteIsmsDbContext> options) : IsmsDbContext(options)
{
    // SQLite has no instant type and cannot order DateTimeOffset text: instants are stored as UTC ticks.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        Features.ServiceDesk.ServiceDeskConfiguration.ForSqlite(builder);
    }
}
