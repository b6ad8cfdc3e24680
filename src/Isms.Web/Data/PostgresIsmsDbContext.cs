using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Data;

public sealed class PostgresIsmsDbContext(DbContextOptions<PostgresIsmsDbContext> options) : IsmsDbContext(options)
{
    // Npgsql writes timestamptz only from offset-zero values.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcInstantConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        Features.ServiceDesk.ServiceDeskConfiguration.ForPostgres(builder);
    }
}
