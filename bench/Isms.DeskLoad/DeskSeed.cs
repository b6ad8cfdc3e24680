using Isms.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.DeskLoad;

// Every value put into these statements is a number or constant of this program, never input.
#pragma warning disable EF1002

/// Inserts forms straight into the table in one statement (a generated series), not through the
/// application: the benchmark measures the reads and the recomputation, not the seeding.
public static class DeskSeed
{
    public const string Location = "Bench City";

    public static async Task InsertAsync(IServiceProvider services, int year, int count, int unit, int person, int category, bool open)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IsmsDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        // Receipts every 30 s through the year (achievement) or over the week before 11 March 2026 (recompute).
        var start = open ? new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(8)) : new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var step = open ? 7 * 86_400.0 / count : 30.0;
        var status = open ? "'InProgress'" : "CASE WHEN i % 50 = 0 THEN 'Cancelled' WHEN i % 10 = 0 THEN 'InProgress' ELSE 'Finished' END";
        // Only a finished form has a finish time and an on-time flag: every form of the closure run is open.
        var unfinished = open ? "TRUE" : "i % 10 = 0 OR i % 50 = 0";
        if (db.Database.IsSqlite())
        {
            long Ticks(DateTimeOffset t) => t.UtcTicks;
            var t0 = Ticks(start);
            var stepTicks = (long)(step * TimeSpan.TicksPerSecond);
            var day = TimeSpan.TicksPerDay;
            await db.Database.ExecuteSqlRawAsync($"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
                INSERT INTO "QaForm" ("Number","Year","Month","Sequence","RequesterId","OwnerUnitId","Module","CategoryId","Subject","Description","Channel",
                    "ReceivedAt","ClockLocation","Rule","TargetDays","DayStart","DayEnd","PauseWhileWaiting","DueAt","Status","AssigneeId","FinishedAt","OnTime",
                    "ReopenCount","Classification","Audience","SearchText","Version","CreatedAt","UpdatedAt")
                SELECT 'QB-{year}-' || i, {year}, 1 + (i % 12), i, {person}, {unit}, 'm', {category} + (i % 6), 's', 'd', 'Web',
                    {t0} + i * {stepTicks}, '{Location}', 'WorkingDays', 2, '08:30:00', '17:30:00', 0, {t0} + i * {stepTicks} + 2 * {day}, {status}, {person},
                    CASE WHEN {unfinished} THEN NULL ELSE {t0} + i * {stepTicks} + (i % 4) * {day} END,
                    CASE WHEN {unfinished} THEN NULL ELSE (i % 4) <= 2 END,
                    0, 1, 'Restricted', '', 0, {t0}, {t0}
                FROM n
                """);
        }
        else
        {
            var t0 = start.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss+00", System.Globalization.CultureInfo.InvariantCulture);
            var stepText = step.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await db.Database.ExecuteSqlRawAsync($"""
                INSERT INTO "QaForm" ("Number","Year","Month","Sequence","RequesterId","OwnerUnitId","Module","CategoryId","Subject","Description","Channel",
                    "ReceivedAt","ClockLocation","Rule","TargetDays","DayStart","DayEnd","PauseWhileWaiting","DueAt","Status","AssigneeId","FinishedAt","OnTime",
                    "ReopenCount","Classification","Audience","SearchText","Version","CreatedAt","UpdatedAt")
                SELECT 'QB-{year}-' || i, {year}, 1 + (i % 12), i, {person}, {unit}, 'm', {category} + (i % 6), 's', 'd', 'Web',
                    '{t0}'::timestamptz + i * interval '{stepText} seconds', '{Location}', 'WorkingDays', 2, '08:30', '17:30', false,
                    '{t0}'::timestamptz + i * interval '{stepText} seconds' + interval '2 days', {status}, {person},
                    CASE WHEN {unfinished} THEN NULL ELSE '{t0}'::timestamptz + i * interval '{stepText} seconds' + (i % 4) * interval '1 day' END,
                    CASE WHEN {unfinished} THEN NULL ELSE (i % 4) <= 2 END,
                    0, 1, 'Restricted', '', 0, '{t0}', '{t0}'
                FROM generate_series(1, {count}) AS i;
                """);
            await SettleAsync(db);
        }
    }

    /// After a bulk change, what autovacuum would do sooner or later, done now: otherwise it runs
    /// during the timed part on PostgreSQL, on the same two cores, and the figures measure it.
    /// The same for the checkpoint: a bulk change leaves up to a gigabyte of log whose pages the
    /// database writes out in the minutes after, on the same disk and cores as the timed part.
    public static async Task SettleAsync(IsmsDbContext db)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
            return;
        }

        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE \"QaForm\"");
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE \"AuditEntry\"");
        try
        {
            await db.Database.ExecuteSqlRawAsync("CHECKPOINT");
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.InsufficientPrivilege)
        {
            Console.WriteLine("(not allowed to CHECKPOINT: the timed part may share the disk with one)");
        }
    }
}
