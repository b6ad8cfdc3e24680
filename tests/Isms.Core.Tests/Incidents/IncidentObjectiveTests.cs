using Isms.Core.Calendars;
using Isms.Core.Incidents;

namespace Isms.Core.Tests.Incidents;

/// The half-yearly incident count (policy IV.C.1.b, DESIGN.md §2), against a count written out here.
public sealed class IncidentObjectiveTests
{
    private static readonly TimeSpan Taipei = TimeSpan.FromHours(8);
    private static readonly AgencyTime Agency = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei"));

    [Fact]
    public void Count_OnlyConfirmedIncidentsOfTheHalfYear_ByOccurrenceElseAwareness()
    {
        IncidentFacts[] reports =
        [
            new(1, ReportKind.Incident, Confirmed: true, Rejected: false, Drill: false, new DateTimeOffset(2026, 1, 1, 0, 0, 0, Taipei), new DateTimeOffset(2026, 1, 2, 9, 0, 0, Taipei)),
            // Occurred on 31 December (Taipei) though the unit heard of it in January: last year's.
            new(2, ReportKind.Incident, true, false, false, new DateTimeOffset(2025, 12, 31, 23, 30, 0, Taipei), new DateTimeOffset(2026, 1, 1, 8, 0, 0, Taipei)),
            // Occurrence unknown: the awareness time counts; 30 June 23:59 Taipei is H1 although UTC says 30 June 15:59.
            new(3, ReportKind.Incident, true, false, false, null, new DateTimeOffset(2026, 6, 30, 23, 59, 0, Taipei)),
            // 1 July 00:00 Taipei is H2 (30 June 16:00 UTC).
            new(4, ReportKind.Incident, true, false, false, new DateTimeOffset(2026, 7, 1, 0, 0, 0, Taipei), new DateTimeOffset(2026, 7, 1, 1, 0, 0, Taipei)),
            new(5, ReportKind.Incident, Confirmed: false, Rejected: true, Drill: false, null, new DateTimeOffset(2026, 3, 1, 9, 0, 0, Taipei)),
            new(6, ReportKind.Incident, Confirmed: true, Rejected: false, Drill: true, null, new DateTimeOffset(2026, 3, 2, 9, 0, 0, Taipei)),
            new(7, ReportKind.Weakness, Confirmed: true, Rejected: false, Drill: false, null, new DateTimeOffset(2026, 3, 3, 9, 0, 0, Taipei)),
            new(8, ReportKind.Incident, Confirmed: false, Rejected: false, Drill: false, null, new DateTimeOffset(2026, 3, 4, 9, 0, 0, Taipei)),
            new(9, ReportKind.Incident, true, false, false, new DateTimeOffset(2026, 5, 5, 5, 5, 0, Taipei), new DateTimeOffset(2026, 5, 5, 6, 0, 0, Taipei)),
        ];

        var h1 = IncidentObjective.Count(reports, new HalfYear(2026, 1), Agency);
        Assert.Equal([1, 3, 9], h1.Counted);
        Assert.Equal((3, 3, false), (h1.Count, h1.Threshold, h1.Met));
        var h2 = IncidentObjective.Count(reports, new HalfYear(2026, 2), Agency);
        Assert.Equal([4L], h2.Counted);
        Assert.True(h2.Met);
        Assert.Equal([2L], IncidentObjective.Count(reports, new HalfYear(2025, 2), Agency).Counted);
    }

    [Fact]
    public void Count_RandomReports_EqualsAnIndependentCount()
    {
        var random = new Random(6);
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, Taipei);
        var reports = Enumerable.Range(1, 5_000).Select(i =>
        {
            var aware = start.AddMinutes(random.Next(3 * 366 * 1440));
            DateTimeOffset? occurred = random.Next(3) == 0 ? null : aware.AddMinutes(-random.Next(3 * 1440));
            return new IncidentFacts(i, (ReportKind)random.Next(3), random.Next(4) != 0, random.Next(5) == 0, random.Next(10) == 0, occurred, aware);
        }).ToList();

        foreach (var half in new[] { new HalfYear(2025, 1), new HalfYear(2025, 2), new HalfYear(2026, 1), new HalfYear(2027, 2) })
        {
            // Independently: the half year's bounds as Taipei instants, compared directly.
            var from = new DateTimeOffset(half.FirstDay.ToDateTime(TimeOnly.MinValue), Taipei);
            var to = new DateTimeOffset(half.LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), Taipei);
            var expected = 0;
            foreach (var r in reports)
            {
                var when = r.OccurredAt ?? r.AwareAt;
                if (r.Kind == ReportKind.Incident && r.Confirmed && !r.Rejected && !r.Drill && when >= from && when < to)
                {
                    expected++;
                }
            }

            Assert.Equal(expected, IncidentObjective.Count(reports, half, Agency).Count);
        }
    }
}
