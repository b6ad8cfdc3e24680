using Isms.Web.Features.Accounts;
using Isms.Web.Features.Audit;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace Isms.Web.Data;

/// The one context of the application. Each database provider has a sealed subclass only so that
/// EF Core keeps one migration set per provider (Data/Migrations/Sqlite and Data/Migrations/Postgres).
/// Every save writes the audit trail (STYLE 13): one entry per added, changed or deleted entity
/// and per queued event, in the same transaction as the change.
public abstract class IsmsDbContext(DbContextOptions options)
    : IdentityDbContext<Account, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    private readonly List<AuditEvent> _events = [];

    /// The request's (or job's) services, given when the context is leased from the pool
    /// (DatabaseSetup): a pooled context outlives its scope, so it may not take scoped services
    /// from its options, which hold the root provider.
    private IServiceProvider? _scope;

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// The provider, from the context's own type: `Database.IsSqlite()` reads the provider's
    /// assembly name each time, which showed in profiles of every write.
    public bool OnSqlite => this is SqliteIsmsDbContext;

    /// An event that is not an entity change (an export, a sign-in); written by the next save.
    public void QueueAuditEvent(AuditEvent auditEvent) => _events.Add(auditEvent);

    /// Binds a context leased from the pool to the scope it serves until that scope ends.
    internal IsmsDbContext LeasedTo(IServiceProvider scope)
    {
        _scope = scope;
        return this;
    }

    // Back to the pool: nothing of this scope may reach the next one. EF resets its own state.
    public override void Dispose()
    {
        Forget();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override async ValueTask DisposeAsync()
    {
        Forget();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private void Forget()
    {
        _events.Clear();
        _scope = null;
    }

    // A context made any other way would take the trail from the root provider, with no request's
    // actor: better to fail than to write entries under the wrong name.
    private AuditTrail Trail => _scope?.GetRequiredService<AuditTrail>()
        ?? throw new InvalidOperationException("An IsmsDbContext saves only when leased to a scope (resolve IsmsDbContext from a scope's services).");

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var captured = AuditCapture.Capture(this);
        if (captured.Count == 0 && _events.Count == 0)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        var trail = Trail;
        using var gate = Database.CurrentTransaction is null && OnSqlite ? WriterTurns.Enter(Database.GetConnectionString()!) : null;
        using var own = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var savepoints = Database.AutoSavepointsEnabled;
        Database.AutoSavepointsEnabled = false;
        try
        {
            var written = base.SaveChanges(acceptAllChangesOnSuccess: true);
            var staged = trail.StageNow(this, [.. captured.Select(c => c.Complete()), .. _events]);
            base.SaveChanges(acceptAllChangesOnSuccess: true);
            own?.Commit();
            _events.Clear();
            Detach(staged);
            return written;
        }
        finally
        {
            Database.AutoSavepointsEnabled = savepoints;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var captured = AuditCapture.Capture(this);
        if (captured.Count == 0 && _events.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var trail = Trail;
        using var gate = Database.CurrentTransaction is null && OnSqlite
            ? await WriterTurns.EnterAsync(Database.GetConnectionString()!, cancellationToken) : null;
        await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var savepoints = Database.AutoSavepointsEnabled;
        Database.AutoSavepointsEnabled = false;
        try
        {
            // The change first, the head last: the head stays locked for as short a time as possible.
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
            var events = captured.Select(c => c.Complete()).Concat(_events).ToList();
            if (own is not null && !OnSqlite)
            {
                // PostgreSQL, a transaction of its own: appended from the head this process last
                // wrote, in two round trips under the head's lock (AuditTrail.AppendAsync).
                await trail.AppendAsync(this, events, () => own.CommitAsync(cancellationToken), cancellationToken);
            }
            else
            {
                var staged = await trail.StageAsync(this, events, cancellationToken);
                await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
                if (own is not null)
                {
                    await own.CommitAsync(cancellationToken);
                }

                Detach(staged);
            }

            _events.Clear();
            return written;
        }
        finally
        {
            Database.AutoSavepointsEnabled = savepoints;
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Conventions.Replace<ForeignKeyIndexConvention>(services =>
            new UnindexedForeignKeys(services.GetRequiredService<ProviderConventionSetBuilderDependencies>()));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(IsmsDbContext).Assembly);

        // A person, unit or vendor that something refers to is deactivated, never deleted with it.
        foreach (var foreignKey in builder.Model.GetEntityTypes().SelectMany(t => t.GetForeignKeys()))
        {
            if (!foreignKey.IsOwnership && foreignKey.DeleteBehavior == DeleteBehavior.Cascade
                && !foreignKey.DeclaringEntityType.ClrType.Namespace!.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal))
            {
                foreignKey.DeleteBehavior = DeleteBehavior.Restrict;
            }
        }
    }

    // Written entries and the head are not kept: the next save reads the head afresh under its lock.
    private void Detach(IEnumerable<object> staged)
    {
        foreach (var entity in staged)
        {
            Entry(entity).State = EntityState.Detached;
        }
    }
}
