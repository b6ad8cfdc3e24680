using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Isms.Web.Features.ServiceDesk;

/// A kind of question. The category chooses the clock's rule; changing it applies to forms
/// received afterwards (each form keeps the rule it was received under).
public sealed class QaCategory
{
    public int Id { get; private set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? NameZh { get; set; }

    public QaClockRule Rule { get; set; }

    public bool IsActive { get; set; } = true;

    public int Version { get; set; }
}

/// The desk's settings, kept with their history: a change is a new row effective from the moment
/// it is made, and a form follows the row in force when it was received.
public sealed class ServiceDeskSetting
{
    public int Id { get; private set; }

    public DateTimeOffset EffectiveFrom { get; set; }

    /// The policy's "two working days".
    public int TargetDays { get; set; } = 2;

    /// The yearly goal in percent (the policy's 94 %).
    public decimal GoalPercent { get; set; } = 94m;

    /// Office hours: the working-hours rule's day, and what "due within 4 working hours" counts.
    public TimeOnly DayStart { get; set; } = new(8, 30);

    public TimeOnly DayEnd { get; set; } = new(17, 30);

    public bool PauseWhileWaiting { get; set; }

    /// How long after finishing a form may be reopened (its due time stays the original one).
    public int ReopenDays { get; set; } = 7;

    /// A form is "at risk" when this much office time or less is left before it is due.
    public int AtRiskHours { get; set; } = 4;

    /// The Department of Information Management: handles the forms; its location picks the calendar.
    public int? DeskUnitId { get; set; }

    public Guid? ChangedById { get; set; }
}

public sealed class ServiceDeskConfiguration : IEntityTypeConfiguration<QaCategory>, IEntityTypeConfiguration<ServiceDeskSetting>, IEntityTypeConfiguration<QaForm>
{
    /// The open forms (every status but finished and cancelled), by year of receipt.
    public const string OpenFormsIndex = "IX_QaForm_Open";

    /// The forms without a due time because a calendar year is missing.
    public const string WithoutDueTimeIndex = "IX_QaForm_WithoutDueTime";

    /// PostgreSQL's fill factor for the forms' pages. An in-place (HOT) update needs room on the
    /// row's own page, and a closure moves pages of forms at once: those received on the same days
    /// lie together. Half of each page is left for their new versions.
    public const int FormsFillFactor = 50;

    public void Configure(EntityTypeBuilder<QaCategory> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(30);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.NameZh).HasMaxLength(100);
        builder.Property(c => c.Rule).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<ServiceDeskSetting> builder)
    {
        builder.Property(s => s.GoalPercent).HasPrecision(5, 2);
        builder.HasIndex(s => s.EffectiveFrom);
        builder.HasOne<Organisation.Unit>().WithMany().HasForeignKey(s => s.DeskUnitId).OnDelete(DeleteBehavior.Restrict);
    }

    /// What differs by provider, applied by the provider's context after the shared model.
    public static void ForPostgres(ModelBuilder builder) => builder.Entity<QaForm>().HasStorageParameter("fillfactor", FormsFillFactor);

    /// SQLite updates only the indexes whose columns change, and answers the achievement's count
    /// of open forms past due from this index alone when it holds DueAt (15 ms against 135 ms for
    /// 80,000 open forms, reading DueAt from each row).
    public static void ForSqlite(ModelBuilder builder)
    {
        var forms = builder.Entity<QaForm>();
        forms.Metadata.RemoveIndex(forms.Metadata.FindIndex(OpenFormsIndex)!);
        OpenFormsIndexOf(forms, f => new { f.Year, f.PausedSince, f.Month, f.CategoryId, f.AssigneeId, f.DueAt });
    }

    private static void OpenFormsIndexOf(EntityTypeBuilder<QaForm> builder, System.Linq.Expressions.Expression<Func<QaForm, object?>> columns) =>
        builder.HasIndex(columns, OpenFormsIndex)
            // Written as EF writes OpenForms.Open() inside a longer condition: SQLite uses a partial
            // index only when the query holds its condition term for term (OpenFormsIndexTests).
            .HasFilter("\"Status\" <> 'Finished' AND \"Status\" <> 'Cancelled'");

    public void Configure(EntityTypeBuilder<QaForm> builder)
    {
        builder.Property(f => f.Number).HasMaxLength(20);
        builder.HasIndex(f => f.Number).IsUnique();
        builder.HasIndex(f => new { f.Year, f.Sequence }).IsUnique();
        builder.Property(f => f.Module).HasMaxLength(100);
        builder.Property(f => f.Subject).HasMaxLength(200);
        builder.Property(f => f.Description).HasMaxLength(8000);
        builder.Property(f => f.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.ClockLocation).HasMaxLength(50);
        builder.Property(f => f.Rule).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(f => f.Resolution).HasMaxLength(4000);
        builder.Property(f => f.CancelReason).HasMaxLength(1000);
        builder.Property(f => f.Audience).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.SearchText).HasMaxLength(400);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.Ignore(f => f.IsOpen);
        // On PostgreSQL no index holds DueAt. A closure moves the due time of every open form of its
        // city received in the last days, tens of thousands at once; with DueAt in no index each is
        // rewritten in place (a HOT update, on its own page, no index written). The queries that
        // filter on DueAt read it from the open forms, which this partial index finds (and which are
        // few once the desk keeps up). Its columns after Year serve the achievement's count of open
        // forms past due: with PausedSince an equality more than the covering index below offers,
        // and the groups in order, SQLite picks it without statistics. SQLite has no HOT updates to
        // keep, so there the index holds DueAt too (ForSqlite).
        OpenFormsIndexOf(builder, f => new { f.Year, f.PausedSince, f.Month, f.CategoryId, f.AssigneeId });
        // The forms whose due time waits for a calendar year (DueAt null), which a recompute reads
        // with the open ones.
        builder.HasIndex(f => f.MissingCalendarYear, WithoutDueTimeIndex).HasFilter("\"MissingCalendarYear\" IS NOT NULL");
        // Covers the yearly achievement's counts of finished and cancelled forms, so it reads the index and not the forms.
        builder.HasIndex(f => new { f.Year, f.Month, f.CategoryId, f.AssigneeId, f.Status, f.OnTime });
        builder.HasIndex(f => f.AssigneeId);
        builder.HasIndex(f => new { f.OwnerUnitId, f.Classification });
        // Nothing lists forms by requester, handling unit or category alone, and people, units and
        // categories are never deleted: an index for each of these keys would be written on every
        // insert, and on every moved due time (a closure moves tens of thousands), for no reader.
        Data.UnindexedForeignKeys.WithoutIndex(builder.Property(f => f.RequesterId));
        Data.UnindexedForeignKeys.WithoutIndex(builder.Property(f => f.HandlingUnitId));
        Data.UnindexedForeignKeys.WithoutIndex(builder.Property(f => f.CategoryId));
        builder.HasOne<People.Person>().WithMany().HasForeignKey(f => f.RequesterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<People.Person>().WithMany().HasForeignKey(f => f.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation.Unit>().WithMany().HasForeignKey(f => f.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation.Unit>().WithMany().HasForeignKey(f => f.HandlingUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<QaCategory>().WithMany().HasForeignKey(f => f.CategoryId).OnDelete(DeleteBehavior.Restrict);
    }
}
