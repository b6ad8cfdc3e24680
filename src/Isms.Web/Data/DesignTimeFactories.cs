using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Isms.Web.Data;

// Used only by `dotnet ef migrations add`; the connection strings are never opened.
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteIsmsDbContext>
{
    public SqliteIsmsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteIsmsDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresIsmsDbContext>
{
    public PostgresIsmsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresIsmsDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
