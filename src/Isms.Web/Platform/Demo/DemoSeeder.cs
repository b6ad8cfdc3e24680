using Isms.Web.Data;

namespace Isms.Web.Platform.Demo;

/// One feature's share of the demonstration data. Each later feature adds its own, ordered after
/// what it depends on; each must add nothing when its data is already there.
public interface IDemoData
{
    int Order { get; }

    /// Adds the feature's records and returns true, or returns false when they were already present.
    Task<bool> SeedAsync(IsmsDbContext db, CancellationToken cancellationToken);
}

public sealed class DemoSeeder(IsmsDbContext db, IEnumerable<IDemoData> parts)
{
    public async Task<bool> SeedAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var added = false;
        foreach (var part in parts.OrderBy(p => p.Order))
        {
            added |= await part.SeedAsync(db, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }
}

public static class DemoSetup
{
    public static IServiceCollection AddDemoData(this IServiceCollection services) => services.AddScoped<DemoSeeder>();
}
