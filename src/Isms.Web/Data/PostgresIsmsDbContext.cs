using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Data;

public sealed class PostgresIsmsDbContext(DbContextOptions<PostgresIsmsDbContext> options) : IsmsDbContext(options)
{
    // Npgsql writes timestamptz only from offset-zero values.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcInstantConverter>();
    }
}
