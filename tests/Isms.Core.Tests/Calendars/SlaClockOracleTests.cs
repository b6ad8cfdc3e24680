using System.Diagnostics;
using System.Globalization;
using System.Text;
using Isms.Core.Calendars;
using Xunit.Abstractions;

namespace Isms.Core.Tests.Calendars;

// Issue 4, DESIGN.md §2: SlaClock against NaiveSlaClock, which walks the calendar day by day and
// minute by minute, over random receipts, finishes, closures and pauses of a few locations across
// 2025–2027 (2027 is synthetic, with a make-up Saturday) and a location with a year missing in the
// middle. Each fact has its own fixed seed; a failure names it with the case to replay.
public sealed class SlaClockOracleTests(ITestOutputHelper output)
{
    private static readonly TimeZoneInfo Taipei = ShippedCalendars.Taipei;
    private static readonly DateOnly FirstDay = new(2024, 12, 31);
    private static readonly DateOnly LastDay = new(2027, 12, 31);

    private static readonly SlaRule[] DaysRules =
        [.. Enumerable.Repeat(SlaRule.WorkingDaysRule(), 6), SlaRule.WorkingDaysRule(1), SlaRule.WorkingDaysRule(3), SlaRule.WorkingDaysRule(5)];

    private static readonly SlaRule[] HoursRules =
    [
        .. Enumerable.Repeat(SlaRule.WorkingHoursRule(2, new TimeOnly(8, 30), new TimeOnly(17, 30)), 6),
        SlaRule.WorkingHoursRule(1, new TimeOnly(9, 0), new TimeOnly(18, 0)),
        SlaRule.WorkingHoursRule(3, new TimeOnly(8, 0), new TimeOnly(12, 0)),
        SlaRule.WorkingHoursRule(4, new TimeOnly(7, 45), new TimeOnly(16, 15)),
    ];

    /// 2027 as the government would publish it: weekends off, a few holidays, and Saturday 30
    /// January a make-up workday for the Friday 5 February bridging the Lunar New Year break.
    internal static OfficeCalendarYear Synthetic2027 { get; } = new(
        Enumerable.Range(0, 365).Select(offset => new DateOnly(2027, 1, 1).AddDays(offset)).Select(date => date switch
        {
            { Month: 1, Day: 30 } => new OfficeDay(date, false, "補行上班"),
            { Month: 1, Day: 1 } or { Month: 2, Day: >= 5 and <= 10 } or { Month: 3, Day: 1 } or { Month: 4, Day: 5 }
                or { Month: 6, Day: 9 } or { Month: 9, Day: 15 } or { Month: 10, Day: 11 } => new OfficeDay(date, true, "放假"),
            _ => new OfficeDay(date, date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, ""),
        }));

    [Fact]
    public void DueAt_DaysRuleOverRandomReceipts_AgreesWithTheNaiveWalk() => Run(seed: 20250208, DaysRules, cases: 1_000_000, withPauses: false);

    [Fact]
    public void DueAt_HoursRuleOverRandomReceipts_AgreesWithTheNaiveWalk() => Run(seed: 20260223, HoursRules, cases: 800_000, withPauses: false);

    [Fact]
    public void DueAt_DaysRuleWithPauses_AgreesWithTheNaiveWalk() => Run(seed: 20270130, DaysRules, cases: 100_000, withPauses: true);

    [Fact]
    public void DueAt_HoursRuleWithPauses_AgreesWithTheNaiveWalk() => Run(seed: 20251010, HoursRules, cases: 100_000, withPauses: true);

    private void Run(int seed, SlaRule[] rules, int cases, bool withPauses)
    {
        var watch = Stopwatch.StartNew();
        var random = new Random(seed);
        var locations = Locations(random);
        var failures = new List<string>();
        var (missing, late, index) = (0, 0, 0);
        for (; index < cases && failures.Count < 10; index++)
        {
            // The location with a missing year is a twentieth of the cases: it mostly checks the throw.
            var location = locations[random.Next(20) == 0 ? 0 : random.Next(1, locations.Length)];
            var rule = rules[random.Next(rules.Length)];
            var received = Receipt(random, location, rule);
            var pauses = withPauses ? Pauses(random, received) : [];

            var expected = location.Naive.Due(rule, received, pauses);
            var actual = Production(location.Calendar, rule, received, pauses);
            if (expected != actual)
            {
                failures.Add($"due: naive {expected}, SlaClock {actual}; {Describe(seed, index, location, rule, received, pauses)}");
            }
            else if (expected.At is { } due)
            {
                var finished = Finish(random, due);
                var onTime = location.Naive.OnTime(rule, pauses, finished, due);
                late += onTime ? 0 : 1;
                if (onTime != SlaClock.OnTime(finished, due))
                {
                    failures.Add($"on time: naive {onTime} at {Show(finished)}, due {expected}; {Describe(seed, index, location, rule, received, pauses)}");
                }
            }
            else
            {
                missing++;
            }
        }

        output.WriteLine($"seed {seed}: {index:N0} cases ({missing:N0} in a missing year, {late:N0} finished late) in {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static NaiveDue Production(WorkingDayCalendar calendar, SlaRule rule, DateTimeOffset received, SlaPause[] pauses)
    {
        try
        {
            var due = pauses.Length == 0 ? SlaClock.DueAt(calendar, rule, received) : SlaClock.DueAt(calendar, rule, received, pauses);
            return new NaiveDue(due, null);
        }
        catch (CalendarYearMissingException missing)
        {
            return new NaiveDue(null, missing.Year);
        }
    }

    private sealed record Location(string Name, Closure[] Closures, WorkingDayCalendar Calendar, NaiveSlaClock Naive);

    // Index 0 lacks 2026; the others have 2025–2027 with no closures, closures on the make-up
    // Saturdays, or random closures.
    private static Location[] Locations(Random random)
    {
        OfficeCalendarYear[] all = [ShippedCalendars.Y2025, ShippedCalendars.Y2026, Synthetic2027];
        return
        [
            Build("gap 2026", [ShippedCalendars.Y2025, Synthetic2027], RandomClosures(random, 40)),
            Build("no closures", all, []),
            Build("make-up days", all, [new Closure(new DateOnly(2025, 2, 8), new TimeOnly(12, 0)), new Closure(new DateOnly(2027, 1, 30), null)]),
            Build("random A", all, RandomClosures(random, 60)),
            Build("random B", all, RandomClosures(random, 60)),
            Build("random C", all, RandomClosures(random, 120)),
        ];

        static Location Build(string name, OfficeCalendarYear[] years, Closure[] closures) =>
            new(name, closures, new WorkingDayCalendar(years, closures, Taipei), new NaiveSlaClock(years, closures, Taipei));
    }

    // Whole-day and from-a-time closures on any day (days off and 2028 included, which change
    // nothing), typhoons of two or three days, and a second closure of the same day now and then.
    private static Closure[] RandomClosures(Random random, int count)
    {
        TimeOnly[] usual = [new(8, 30), new(8, 31), new(12, 0), new(14, 0), new(17, 29), new(17, 30), new(17, 31), new(0, 1), new(23, 59)];
        var closures = new List<Closure>();
        while (closures.Count < count)
        {
            var date = RandomDay(random, new DateOnly(2025, 1, 1), new DateOnly(2028, 1, 31));
            var days = random.Next(6) == 0 ? random.Next(2, 4) : 1;
            for (var day = 0; day < days; day++)
            {
                closures.Add(new Closure(date.AddDays(day), RandomClosureTime(random, usual)));
            }

            if (random.Next(10) == 0)
            {
                closures.Add(new Closure(date, RandomClosureTime(random, usual)));
            }
        }

        return [.. closures];
    }

    private static TimeOnly? RandomClosureTime(Random random, TimeOnly[] usual) => random.Next(5) switch
    {
        0 or 1 => null,
        2 => usual[random.Next(usual.Length)],
        _ => new TimeOnly(0, 0).AddMinutes(random.Next(1, 1440)),
    };

    // Receipts anywhere from the day before the first calendar to its last day, weighted toward
    // closure days, the make-up workdays and year ends, and toward the seconds around office
    // hours, closures and midnight.
    private static DateTimeOffset Receipt(Random random, Location location, SlaRule rule)
    {
        DateOnly[] special =
        [
            new(2025, 2, 7), new(2025, 2, 8), new(2025, 2, 9), new(2027, 1, 29), new(2027, 1, 30), new(2024, 12, 31),
            new(2025, 12, 31), new(2026, 12, 31), new(2027, 12, 29), new(2025, 1, 24), new(2026, 2, 13), new(2027, 2, 4),
        ];
        var date = random.Next(10) switch
        {
            < 6 => RandomDay(random, FirstDay, LastDay),
            < 9 when location.Closures.Length > 0 => location.Closures[random.Next(location.Closures.Length)].Date,
            _ => special[random.Next(special.Length)],
        };
        if (date > LastDay)
        {
            date = LastDay;
        }

        var closes = location.Naive.IsImported(date) ? location.Naive.ClosesAt(date) : null;
        int[] around = [0, 1, 12 * 3600, SecondsOf(rule.DayStart), SecondsOf(rule.DayEnd), SecondsOf(closes ?? new TimeOnly(14, 0))];
        var second = random.Next(3) == 0
            ? Math.Clamp(around[random.Next(around.Length)] + random.Next(-1, 2), 0, 86_399)
            : random.Next(86_400);
        if (random.Next(12) == 0)
        {
            second = 86_399;
        }

        return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue).AddSeconds(second), TimeSpan.FromHours(8));
    }

    // One to three pauses on whole minutes near the receipt: short, a day or several days long,
    // before, around or after it, sometimes overlapping.
    private static SlaPause[] Pauses(Random random, DateTimeOffset received)
    {
        var minute = new DateTimeOffset(received.UtcTicks - (received.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var pauses = new SlaPause[random.Next(1, 4)];
        for (var index = 0; index < pauses.Length; index++)
        {
            var start = random.Next(8) == 0 ? minute : minute.AddMinutes(random.Next(-1440, 5 * 1440));
            var length = random.Next(10) switch
            {
                < 5 => random.Next(1, 180),
                < 8 => random.Next(180, 1440),
                _ => random.Next(1440, 3 * 1440),
            };
            pauses[index] = new SlaPause(start, start.AddMinutes(length));
        }

        return pauses;
    }

    // Finishes at the due second, a second either side, or anywhere within three days of it.
    private static DateTimeOffset Finish(Random random, DateTimeOffset due) => random.Next(20) switch
    {
        < 5 => due,
        < 7 => due.AddSeconds(1),
        < 9 => due.AddSeconds(-1),
        _ => due.AddSeconds(random.Next(-3 * 86_400, 3 * 86_400)),
    };

    private static DateOnly RandomDay(Random random, DateOnly from, DateOnly to) =>
        DateOnly.FromDayNumber(random.Next(from.DayNumber, to.DayNumber + 1));

    private static int SecondsOf(TimeOnly time) => (int)(time.Ticks / TimeSpan.TicksPerSecond);

    private static string Show(DateTimeOffset instant) => instant.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Describe(int seed, int index, Location location, SlaRule rule, DateTimeOffset received, SlaPause[] pauses)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"seed {seed} case {index}: {location.Name}, {rule.Kind} {rule.Days}");
        if (rule.Kind == SlaRuleKind.WorkingHours)
        {
            text.Append(CultureInfo.InvariantCulture, $" {rule.DayStart:HH:mm}-{rule.DayEnd:HH:mm}");
        }

        text.Append(CultureInfo.InvariantCulture, $", received {Show(received)}");
        foreach (var pause in pauses)
        {
            text.Append(CultureInfo.InvariantCulture, $", paused {Show(pause.Start)}/{Show(pause.End)}");
        }

        var receivedDay = DateOnly.FromDateTime(received.ToOffset(TimeSpan.FromHours(8)).DateTime);
        foreach (var closure in location.Closures.Where(closure => closure.Date >= receivedDay && closure.Date <= receivedDay.AddDays(21)))
        {
            text.Append(CultureInfo.InvariantCulture, $", closed {closure.Date:yyyy-MM-dd}{(closure.From is { } from ? $" {from:HH:mm}" : "")}");
        }

        return text.ToString();
    }
}
