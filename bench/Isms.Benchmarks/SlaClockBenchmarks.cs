using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Isms.Core.Calendars;

namespace Isms.Benchmarks;

/// Due times of Q&A forms as a report over a year recomputes them: 100,000 random receipts on the
/// shipped 2025–2026 calendars of a location with typhoon closures, timed per form. Issue 4 asks
/// for at least 10 million forms a second on one core. Each rule is set against a naive walk
/// through the calendar's public API, a day at a time, with the zone converted per form.
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SlaClockBenchmarks
{
    private const int Forms = 100_000;
    private static readonly SlaRule DaysRule = SlaRule.WorkingDaysRule();
    private static readonly SlaRule HoursRule = SlaRule.WorkingHoursRule(2, new TimeOnly(8, 30), new TimeOnly(17, 30));
    private DateTimeOffset[] _received = [];
    private WorkingDayCalendar _calendar = null!;

    [GlobalSetup]
    public void Setup()
    {
        // A fixed seed keeps runs comparable; receipts stop in mid-December so every due time is in 2026.
        var random = new Random(2025_02_08);
        var (first, last) = (new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 15));
        var closures = Enumerable.Range(0, 24).Select(index => new Closure(
            DateOnly.FromDayNumber(random.Next(first.DayNumber, last.DayNumber)), index % 2 == 0 ? null : new TimeOnly(random.Next(9, 17), 0)));
        _calendar = new WorkingDayCalendar([Year(2025), Year(2026)], closures, TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei"));
        var start = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
        var seconds = (last.DayNumber - first.DayNumber) * 86_400;
        _received = [.. Enumerable.Range(0, Forms).Select(_ => start.AddSeconds(random.Next(seconds)))];
        if (NaiveDaysRule() != SlaClockDaysRule() || NaiveHoursRule() != SlaClockHoursRule())
        {
            throw new InvalidOperationException("A naive walk disagrees with SlaClock: the baseline would measure something else.");
        }
    }

    [Benchmark(Baseline = true, Description = "naive day-by-day walk", OperationsPerInvoke = Forms)]
    [BenchmarkCategory("working days")]
    public long NaiveDaysRule()
    {
        long sum = 0;
        foreach (var received in _received)
        {
            var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(received, _calendar.Zone).DateTime);
            for (var counted = 0; counted < DaysRule.Days;)
            {
                date = date.AddDays(1);
                counted += _calendar.IsWorkingDay(date) ? 1 : 0;
            }

            var end = date.ToDateTime(new TimeOnly(23, 59, 59));
            sum += new DateTimeOffset(end, _calendar.Zone.GetUtcOffset(end)).UtcTicks;
        }

        return sum;
    }

    [Benchmark(Description = "SlaClock.DueAt", OperationsPerInvoke = Forms)]
    [BenchmarkCategory("working days")]
    public long SlaClockDaysRule()
    {
        long sum = 0;
        foreach (var received in _received)
        {
            sum += SlaClock.DueAt(_calendar, DaysRule, received).UtcTicks;
        }

        return sum;
    }

    [Benchmark(Baseline = true, Description = "naive day-by-day walk", OperationsPerInvoke = Forms)]
    [BenchmarkCategory("working hours")]
    public long NaiveHoursRule()
    {
        long sum = 0;
        foreach (var received in _received)
        {
            var local = TimeZoneInfo.ConvertTime(received, _calendar.Zone).DateTime;
            var (date, from, budget) = (DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), HoursRule.Budget);
            while (true)
            {
                var closes = _calendar.ClosesAt(date) is { } early && early < HoursRule.DayEnd ? early : HoursRule.DayEnd;
                var opens = from > HoursRule.DayStart ? from : HoursRule.DayStart;
                if (_calendar.IsWorkingDay(date) && closes > opens)
                {
                    if (closes - opens >= budget)
                    {
                        var due = date.ToDateTime(opens.Add(budget));
                        sum += new DateTimeOffset(due, _calendar.Zone.GetUtcOffset(due)).UtcTicks;
                        break;
                    }

                    budget -= closes - opens;
                }

                (date, from) = (date.AddDays(1), TimeOnly.MinValue);
            }
        }

        return sum;
    }

    [Benchmark(Description = "SlaClock.DueAt", OperationsPerInvoke = Forms)]
    [BenchmarkCategory("working hours")]
    public long SlaClockHoursRule()
    {
        long sum = 0;
        foreach (var received in _received)
        {
            sum += SlaClock.DueAt(_calendar, HoursRule, received).UtcTicks;
        }

        return sum;
    }

    private static OfficeCalendarYear Year(int year)
    {
        using var stream = typeof(SlaClockBenchmarks).Assembly.GetManifestResourceStream($"calendar.{year}.csv")
            ?? throw new InvalidOperationException($"calendar.{year}.csv is not embedded");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return OfficeCalendarFile.Parse(bytes.ToArray()).Calendar ?? throw new InvalidOperationException($"calendar.{year}.csv does not parse");
    }
}
