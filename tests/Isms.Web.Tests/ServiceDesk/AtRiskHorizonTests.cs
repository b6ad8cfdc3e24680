using Isms.Core.Calendars;
using Isms.Web.Features.Calendar;
using Isms.Web.Features.ServiceDesk;
using static Isms.Web.Tests.ServiceDesk.DeskWorld;

namespace Isms.Web.Tests.ServiceDesk;

/// The horizon before which the at-risk view and mail read forms (QaAtRiskHorizon) on the shipped
/// 2025–2026 calendars, with typhoon closures in one location: no I/O.
public sealed class AtRiskHorizonTests
{
    private const string Typhoon = "Kaohsiung City";
    private static readonly TimeOnly DayStart = new(8, 30);
    private static readonly TimeOnly DayEnd = new(17, 30);

    [Fact]
    public void Horizon_FridayBeforeLunarNewYear_IsTwoOfficeDaysLaterAfterTheBreak()
    {
        // 2.5 h on Friday 13 Feb 2026, the 16th–20th off, 9 h on Monday the 23rd, 6.5 h on Tuesday:
        // 18 h, one office day more than the 4 at-risk hours rounded up to days.
        var horizon = QaAtRiskHorizon.Of(Calendars(), [null], At(2026, 2, 13, 15), DayStart, DayEnd, 4);

        Assert.Equal(At(2026, 2, 24, 15), horizon);
    }

    [Fact]
    public void Horizon_OfSeveralLocations_IsTheLatestOfTheirs()
    {
        // The typhoon closes Kaohsiung on Monday 23 Feb 2026: its office days come one day later.
        var horizon = QaAtRiskHorizon.Of(Calendars(), [null, Typhoon], At(2026, 2, 13, 15), DayStart, DayEnd, 4);

        Assert.Equal(At(2026, 2, 25, 15), horizon);
    }

    [Fact]
    public void Horizon_WhenTheOfficeHoursRunIntoAYearNotImported_IsTheStartOfThatYear()
    {
        var horizon = QaAtRiskHorizon.Of(Calendars(), [null], At(2026, 12, 31, 15), DayStart, DayEnd, 4);

        Assert.Equal(At(2027, 1, 1, 0), horizon);
    }

    [Fact]
    public void Horizon_ForAnyNowAndAtRiskHours_LeavesNoFormAtRiskAfterIt()
    {
        // Property: a form due a second after the horizon has more than the at-risk hours of office
        // time left on its location's calendar, or none can be counted (a year not imported): it is
        // not at risk either way, so reading forms due up to the horizon leaves none out.
        var calendars = Calendars();
        var random = new Random(20260213);
        var from = At(2025, 1, 1, 0).ToUnixTimeSeconds();
        var to = At(2027, 1, 1, 0).ToUnixTimeSeconds();
        for (var sample = 0; sample < 2000; sample++)
        {
            var now = DateTimeOffset.FromUnixTimeSeconds(random.NextInt64(from, to));
            var hours = random.Next(1, 81);
            var (start, end) = random.Next(3) == 0 ? (new TimeOnly(9, 0), new TimeOnly(12, 15)) : (DayStart, DayEnd);
            var horizon = QaAtRiskHorizon.Of(calendars, [null, Typhoon], now, start, end, hours);

            Assert.NotNull(horizon);
            foreach (var location in new[] { null, Typhoon })
            {
                try
                {
                    var left = SlaClock.OfficeTimeUntil(calendars.For(location), start, end, now, horizon.Value.AddSeconds(1));
                    Assert.True(left > TimeSpan.FromHours(hours), $"now {now:O}, {hours} h, {start}–{end}, {location}: {left} left at the horizon {horizon:O}");
                }
                catch (CalendarYearMissingException)
                {
                    // Counting office time that far reaches 2027: no form due then shows as at risk.
                }
            }
        }
    }

    private static CalendarSet Calendars()
    {
        var years = CalendarImport.ShippedFiles().Where(file => file.Year is 2025 or 2026).Select(file => OfficeCalendarFile.Parse(file.Content).Calendar!).ToList();
        Closure[] closures =
        [
            new(new DateOnly(2025, 7, 29), null),
            new(new DateOnly(2025, 7, 30), new TimeOnly(12, 0)),
            new(new DateOnly(2026, 2, 23), null),
            new(new DateOnly(2026, 8, 3), new TimeOnly(8, 0)),
            new(new DateOnly(2026, 8, 4), null),
            new(new DateOnly(2026, 8, 5), new TimeOnly(15, 0)),
        ];
        return new CalendarSet(years, closures.ToLookup(_ => Typhoon), Taipei);
    }
}
