using System.Reflection;
using Isms.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Isms.Web.Tests.Data;

/// STYLE 12: the two providers' migration sets are generated together and never drift apart.
public sealed class MigrationSetTests
{
    private static List<string> MigrationIdsOf(Type context) =>
        typeof(IsmsDbContext).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Migration)) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == context)
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id ?? throw new InvalidOperationException($"{t} has no [Migration]."))
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void MigrationIds_SqliteAndPostgres_AreIdentical()
    {
        var sqlite = MigrationIdsOf(typeof(SqliteIsmsDbContext));
        var postgres = MigrationIdsOf(typeof(PostgresIsmsDbContext));

        Assert.NotEmpty(sqlite);
        Assert.Equal(sqlite, postgres);
    }

    [Fact]
    public void Migrations_EveryOne_BelongsToOneProvider()
    {
        var orphans = typeof(IsmsDbContext).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Migration)))
            .Where(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType is not { } c || (c != typeof(SqliteIsmsDbContext) && c != typeof(PostgresIsmsDbContext)))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(orphans);
    }
}
