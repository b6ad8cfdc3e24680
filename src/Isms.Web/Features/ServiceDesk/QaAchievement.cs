using Isms.Web.Data;
using Isms.Web.Features.People;
using Isms.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.ServiceDesk;

/// DESIGN.md §2: rate = on time / (finished + still open past due); open forms not yet due are
/// pending and not counted; a cancelled form counts nowhere. A form belongs to its year of receipt.
public sealed record QaFigures(int Received, int FinishedOnTime, int FinishedLate, int OpenOverdue, int Pending, int Cancelled)
{
    public int Counted => FinishedOnTime + FinishedLate + OpenOverdue;

    /// Percent on time, or null while no form counts yet.
    public decimal? Rate => Counted == 0 ? null : Math.Round(100m * FinishedOnTime / Counted, 2);
}

public sealed record QaFigureRow(string Key, string Label, QaFigures Figures, decimal? Rate);

public sealed record QaAchievementReport(int Year, decimal GoalPercent, QaFigures Total, decimal? Rate, bool? Met, DateTimeOffset AsOf,
    IReadOnlyList<QaFigureRow> ByMonth, IReadOnlyList<QaFigureRow> ByCategory, IReadOnlyList<QaFigureRow> ByAssignee);

/// The objective's figures, counted by the database from the stored due and finish times (never
/// by loading the forms), per year and per month, category and assignee.
public sealed class QaAchievement(IsmsDbContext db, Today today, ServiceDeskSettings settings, Isms.Core.Calendars.AgencyTime agency)
{
    private sealed record Group(int Key, int Received, int OnTime, int Late, int Overdue, int Cancelled);

    /// One cell of the counts. A class set by its initializer, not a record's constructor: EF can put
    /// only the former in a UNION.
    public sealed class CellCount
    {
        public int Month { get; init; }

        public int CategoryId { get; init; }

        public int? AssigneeId { get; init; }

        public int Received { get; init; }

        public int OnTime { get; init; }

        public int Late { get; init; }

        public int Overdue { get; init; }

        public int Cancelled { get; init; }
    }

    public async Task<QaAchievementReport> ForYearAsync(int year, CancellationToken cancellationToken)
    {
        var now = today.Now;
        var yearEnd = agency.StartOf(new DateOnly(year, 12, 31).AddDays(1));
        var goal = (await settings.InForceAtAsync(now < yearEnd ? now : yearEnd.AddTicks(-1), cancellationToken)).GoalPercent;

        var cells = await CellsOf(db, year, now).ToListAsync(cancellationToken);
        var byMonth = Sum(cells, c => c.Month);
        var byCategory = Sum(cells, c => c.CategoryId);
        var byAssignee = Sum(cells, c => c.AssigneeId ?? 0);

        var categoryNames = await db.Set<QaCategory>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var assigneeIds = byAssignee.Select(g => g.Key).ToList();
        var assigneeNames = await db.Set<Person>().AsNoTracking().Where(p => assigneeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, cancellationToken);

        var total = Sum(byMonth);
        return new QaAchievementReport(
            year,
            goal,
            total,
            total.Rate,
            total.Rate is { } rate ? rate >= goal : null,
            now,
            byMonth.OrderBy(g => g.Key).Select(g => Row(g.Key.ToString("00", System.Globalization.CultureInfo.InvariantCulture), $"{year}-{g.Key:00}", g)).ToList(),
            byCategory.OrderBy(g => categoryNames.GetValueOrDefault(g.Key), StringComparer.Ordinal).Select(g => Row(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), categoryNames.GetValueOrDefault(g.Key) ?? "?", g)).ToList(),
            byAssignee.OrderBy(g => g.Key == 0).ThenBy(g => assigneeNames.GetValueOrDefault(g.Key), StringComparer.Ordinal)
                .Select(g => Row(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Key == 0 ? "" : assigneeNames.GetValueOrDefault(g.Key) ?? "?", g)).ToList());
    }

    /// The year's forms counted per month, category and assignee together; the three views and the
    /// total are sums of these few hundred cells. Finished and cancelled forms are counted from the
    /// covering index alone; the open ones past due from the open forms' index, reading DueAt from
    /// the rows (no index holds it: see ServiceDeskConfiguration). One statement, so both parts see
    /// the same moment.
    public static IQueryable<CellCount> CellsOf(IsmsDbContext db, int year, DateTimeOffset now)
    {
        var ofYear = db.Set<QaForm>().AsNoTracking().Where(f => f.Year == year);
        var closed = ofYear
            // Grouped in the index's own order (no COALESCE), so SQLite needs no temporary b-tree.
            .GroupBy(f => new { f.Month, f.CategoryId, f.AssigneeId })
            .Select(g => new CellCount
            {
                Month = g.Key.Month,
                CategoryId = g.Key.CategoryId,
                AssigneeId = g.Key.AssigneeId,
                Received = g.Count(f => f.Status != QaFormStatus.Cancelled),
                OnTime = g.Count(f => f.Status == QaFormStatus.Finished && f.OnTime == true),
                Late = g.Count(f => f.Status == QaFormStatus.Finished && f.OnTime == false),
                Overdue = 0,
                Cancelled = g.Count(f => f.Status == QaFormStatus.Cancelled),
            });
        var overdue = ofYear
            .Open()
            .Where(f => f.PausedSince == null && f.DueAt != null && f.DueAt < now)
            .GroupBy(f => new { f.Month, f.CategoryId, f.AssigneeId })
            .Select(g => new CellCount
            {
                Month = g.Key.Month,
                CategoryId = g.Key.CategoryId,
                AssigneeId = g.Key.AssigneeId,
                Received = 0,
                OnTime = 0,
                Late = 0,
                Overdue = g.Count(),
                Cancelled = 0,
            });
        return closed.Concat(overdue);
    }

    private static List<Group> Sum(IEnumerable<CellCount> cells, Func<CellCount, int> key) =>
        cells.GroupBy(key).Select(g => new Group(g.Key, g.Sum(c => c.Received), g.Sum(c => c.OnTime), g.Sum(c => c.Late), g.Sum(c => c.Overdue), g.Sum(c => c.Cancelled))).ToList();

    private static QaFigures Figures(Group g) => new(g.Received, g.OnTime, g.Late, g.Overdue, g.Received - g.OnTime - g.Late - g.Overdue, g.Cancelled);

    private static QaFigureRow Row(string key, string label, Group g)
    {
        var figures = Figures(g);
        return new QaFigureRow(key, label, figures, figures.Rate);
    }

    private static QaFigures Sum(IEnumerable<Group> groups)
    {
        var all = groups.Aggregate(new Group(0, 0, 0, 0, 0, 0), (a, g) => new Group(0, a.Received + g.Received, a.OnTime + g.OnTime, a.Late + g.Late, a.Overdue + g.Overdue, a.Cancelled + g.Cancelled));
        return Figures(all);
    }
}
