using System.Globalization;
using Isms.Core.Calendars;

namespace Isms.Core.Tests.Calendars;

// Policy IV.C.1.c and DESIGN.md §2: a Q&A form is finished within 2 working days. Every expected
// instant below was worked out by hand from the shipped 2025/2026 calendars; times are Taipei
// local (+08:00). 2025-03-05 is a Wednesday in an ordinary week, the usual starting point.
public sealed class SlaClockGoldenTests
{
    [Theory]
    // Working-days rule, 2 days unless said otherwise.
    [InlineData("days 2", "2025-03-05T10:00:00", "", "", "2025-03-07T23:59:59")] // Wed is day 0, Thu day 1, Fri day 2
    [InlineData("days 1", "2025-03-05T10:00:00", "", "", "2025-03-06T23:59:59")] // a 1-day rule: the next working day
    [InlineData("days 3", "2025-03-05T10:00:00", "", "", "2025-03-10T23:59:59")] // a 3-day rule skips the weekend
    [InlineData("days 2", "2025-09-26T17:00:00", "", "", "2025-10-01T23:59:59")] // Fri 17:00 before Sat, Sun and Mon 09-29 (補假): Tue day 1, Wed day 2
    [InlineData("days 2", "2025-01-24T17:00:00", "", "", "2025-02-04T23:59:59")] // Fri before the Lunar New Year break (01-25..02-02): Mon 02-03 day 1
    [InlineData("days 2", "2025-10-10T09:00:00", "", "", "2025-10-14T23:59:59")] // received on 國慶日 (Fri): Mon 10-13 is day 1
    [InlineData("days 2", "2025-03-08T09:00:00", "", "", "2025-03-11T23:59:59")] // received on a Saturday: Mon day 1, Tue day 2
    [InlineData("days 2", "2025-02-08T11:00:00", "", "", "2025-02-11T23:59:59")] // the make-up Saturday is day 0 itself
    [InlineData("days 2", "2025-02-07T15:00:00", "", "", "2025-02-10T23:59:59")] // Fri day 0, the make-up Saturday day 1, Mon day 2
    [InlineData("days 2", "2025-02-09T10:00:00", "", "", "2025-02-11T23:59:59")] // the Sunday after it is off: Mon day 1
    [InlineData("days 2", "2025-12-30T14:00:00", "", "", "2026-01-02T23:59:59")] // across the year end: 12-31 day 1, 01-01 off, 01-02 day 2
    [InlineData("days 2", "2025-12-30T23:59:59", "", "", "2026-01-02T23:59:59")] // last second of 12-30 (15:59:59 UTC) is still 12-30
    [InlineData("days 2", "2025-12-31T00:00:00", "", "", "2026-01-05T23:59:59")] // first second of 12-31 (16:00 UTC the day before): day 0 is 12-31
    [InlineData("days 2", "2026-01-01T00:00:00", "", "", "2026-01-05T23:59:59")] // on 開國紀念日: Fri 01-02 day 1, Mon 01-05 day 2
    [InlineData("days 2", "2026-02-12T09:00:00", "", "", "2026-02-23T23:59:59")] // Thu before Lunar New Year 2026: Fri 02-13 day 1, then off until Mon 02-23
    [InlineData("days 2", "2026-02-13T16:00:00", "", "", "2026-02-24T23:59:59")] // Fri 02-13: the break 02-14..22 is skipped whole
    [InlineData("days 2", "2026-02-18T10:00:00", "", "", "2026-02-24T23:59:59")] // received during the break: Mon 02-23 day 1
    [InlineData("days 2", "2026-02-28T10:00:00", "", "", "2026-03-03T23:59:59")] // on 和平紀念日 (Sat)
    [InlineData("days 2", "2025-03-05T10:00:00", "2025-03-07", "", "2025-03-10T23:59:59")] // typhoon closes the due day: Mon becomes day 2
    [InlineData("days 2", "2025-03-05T10:00:00", "2025-03-06", "", "2025-03-10T23:59:59")] // typhoon closes day 1: Fri day 1, Mon day 2
    [InlineData("days 2", "2025-03-05T10:00:00", "2025-03-07 14:00", "", "2025-03-07T23:59:59")] // the due day closes at 14:00: still a working day, due end of day
    [InlineData("days 2", "2025-03-05T13:00:00", "2025-03-05 12:00", "", "2025-03-07T23:59:59")] // after the receipt day's closure: Thu day 1, Fri day 2
    [InlineData("days 2", "2025-03-05T10:00:00", "2025-03-05", "", "2025-03-07T23:59:59")] // receipt day closed whole: Thu day 1, Fri day 2
    // Working-hours rule, 2 × 9 h of 08:30–17:30.
    [InlineData("hours 2 08:30-17:30", "2025-03-05T07:00:00", "", "", "2025-03-06T17:30:00")] // before the start: Wed 08:30–17:30 and all of Thu
    [InlineData("hours 2 08:30-17:30", "2025-03-05T10:15:00", "", "", "2025-03-07T10:15:00")] // during: 7 h 15 Wed, 9 h Thu, 1 h 45 Fri
    [InlineData("hours 2 08:30-17:30", "2025-03-05T18:00:00", "", "", "2025-03-07T17:30:00")] // after the end: starts Thu 08:30
    [InlineData("hours 2 08:30-17:30", "2025-03-05T17:29:59", "", "", "2025-03-07T17:29:59")] // one second before the end: 1 s Wed, 9 h Thu, 8:59:59 Fri
    [InlineData("hours 2 08:30-17:30", "2025-03-05T10:00:00", "2025-03-05 14:00", "", "2025-03-07T13:30:00")] // Wed closes 14:00: 4 h Wed, 9 h Thu, 5 h Fri
    [InlineData("hours 2 08:30-17:30", "2025-03-05T15:00:00", "2025-03-05 14:00", "", "2025-03-07T17:30:00")] // received after the closure: starts Thu 08:30
    [InlineData("hours 2 08:30-17:30", "2025-03-05T10:15:00", "2025-03-07 09:00", "", "2025-03-10T09:45:00")] // due day closes 09:00: 30 min Fri, the last 1 h 15 on Mon
    [InlineData("hours 2 08:30-17:30", "2025-09-26T16:00:00", "", "", "2025-10-01T16:00:00")] // Fri 16:00 before a long weekend: 1 h 30 Fri, 9 h Tue, 7 h 30 Wed
    [InlineData("hours 2 08:30-17:30", "2025-12-31T12:00:00", "", "", "2026-01-05T12:00:00")] // across the year end: 5 h 30, 9 h on 01-02, 3 h 30 on 01-05
    [InlineData("hours 2 08:30-17:30", "2025-02-08T08:00:00", "", "", "2025-02-10T17:30:00")] // on the make-up Saturday before opening
    [InlineData("hours 2 08:30-17:30", "2026-02-13T13:30:00", "", "", "2026-02-24T13:30:00")] // before Lunar New Year 2026: 4 h Fri, 9 h 02-23, 5 h 02-24
    [InlineData("hours 2 08:30-17:30", "2025-10-10T10:00:00", "", "", "2025-10-14T17:30:00")] // on 國慶日: starts Mon 08:30
    // Pauses, working-days rule: the due time moves by the paused part of 00:00–24:00 of working days.
    [InlineData("days 2", "2025-03-05T10:00:00", "", "2025-03-06T09:00/2025-03-06T12:00", "2025-03-10T02:59:59")] // 3 h paused Thu: 3 h past Fri's end, over the weekend
    [InlineData("days 2", "2025-03-05T10:00:00", "", "2025-03-08T10:00/2025-03-09T10:00", "2025-03-07T23:59:59")] // paused over the weekend only: no working time, no change
    [InlineData("days 2", "2025-03-05T10:00:00", "", "2025-03-06T00:00/2025-03-07T00:00", "2025-03-10T23:59:59")] // a whole working day paused: one more working day
    [InlineData("days 2", "2025-03-05T10:00:00", "", "2025-03-05T08:00/2025-03-05T11:00", "2025-03-10T00:59:59")] // paused before receipt: only 10:00–11:00 counts
    [InlineData("days 2", "2025-03-05T10:00:00", "", "2025-03-06T09:00/2025-03-06T11:00;2025-03-06T10:00/2025-03-06T12:00", "2025-03-10T02:59:59")] // overlapping pauses count once: 3 h
    [InlineData("days 2", "2025-03-05T10:00:00", "", "2025-03-07T22:00/2025-03-10T02:00", "2025-03-10T03:59:59")] // pause over the old due time: Fri 2 h, then Mon 00:00–02:00 also paused
    [InlineData("days 2", "2025-03-05T10:00:00", "2025-03-07 14:00", "2025-03-06T09:00/2025-03-06T10:00", "2025-03-10T00:59:59")] // due day closes 14:00: its day ends there, the paused hour lands on Mon
    // Pauses, working-hours rule: the due time moves by the paused part of office hours.
    [InlineData("hours 2 08:30-17:30", "2025-03-05T10:15:00", "", "2025-03-06T13:00/2025-03-06T15:00", "2025-03-07T12:15:00")] // 2 office hours paused Thu
    [InlineData("hours 2 08:30-17:30", "2025-03-05T10:15:00", "", "2025-03-06T18:00/2025-03-07T08:00", "2025-03-07T10:15:00")] // paused overnight only: no office time, no change
    [InlineData("hours 2 08:30-17:30", "2025-03-05T10:15:00", "", "2025-03-06T16:30/2025-03-07T09:30", "2025-03-07T12:15:00")] // 1 h Thu evening + 1 h Fri morning
    [InlineData("hours 2 08:30-17:30", "2025-03-05T10:15:00", "", "2025-03-05T10:00/2025-03-05T11:15", "2025-03-07T11:15:00")] // received while paused: the clock starts 11:15
    public void DueAt_GoldenCase_IsTheHandCheckedInstant(string rule, string received, string closures, string pauses, string due)
    {
        var calendar = ShippedCalendars.Calendar(Closures(closures));

        var dueAt = SlaClock.DueAt(calendar, Rule(rule), Local(received), Pauses(pauses));

        Assert.Equal(Local(due), dueAt);
        Assert.Equal(TimeSpan.Zero, dueAt.Offset);
        if (pauses.Length == 0)
        {
            Assert.Equal(dueAt, SlaClock.DueAt(calendar, Rule(rule), Local(received)));
        }
    }

    [Theory]
    [InlineData("days 2", "2025-03-05T10:00:00", "2025-03-07T23:59:59", true)] // finished at the deadline's last second: on time
    [InlineData("days 2", "2025-03-05T10:00:00", "2025-03-08T00:00:00", false)] // one second later: late
    [InlineData("days 2", "2025-12-30T14:00:00", "2026-01-02T23:59:59", true)] // across the year end, at the deadline
    [InlineData("days 2", "2025-12-30T14:00:00", "2026-01-03T00:00:00", false)]
    [InlineData("hours 2 08:30-17:30", "2025-03-05T10:15:00", "2025-03-07T10:15:00", true)] // exactly when the budget runs out
    [InlineData("hours 2 08:30-17:30", "2025-03-05T10:15:00", "2025-03-07T10:15:01", false)]
    public void OnTime_FinishedAroundTheDeadline_IsOnTimeUpToTheDueSecond(string rule, string received, string finished, bool onTime)
    {
        var due = SlaClock.DueAt(ShippedCalendars.Calendar(), Rule(rule), Local(received));

        Assert.Equal(onTime, SlaClock.OnTime(Local(finished), due));
    }

    [Theory]
    [InlineData("2025-03-05T10:00:00", "2025-03-07T23:59:59", "", 25.5)] // 7 h 30 Wed + 9 h Thu + 9 h Fri
    [InlineData("2025-03-07T14:00:00", "2025-03-07T23:59:59", "", 3.5)] // at risk: less than 4 office hours left
    [InlineData("2025-03-07T14:00:00", "2025-03-07T16:00:00", "", 2)] // due inside office hours
    [InlineData("2025-01-24T16:00:00", "2025-02-04T17:30:00", "", 19.5)] // over the Lunar New Year break: 1 h 30 + 9 h + 9 h
    [InlineData("2025-03-07T10:00:00", "2025-03-07T23:59:59", "2025-03-07 12:00", 2)] // the office closes at 12:00
    [InlineData("2025-03-07T10:00:00", "2025-03-06T23:59:59", "", 0)] // past due
    public void OfficeTimeUntil_NowAndDue_IsTheOfficeTimeLeft(string now, string due, string closures, double hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), SlaClock.OfficeTimeUntil(
            ShippedCalendars.Calendar(Closures(closures)), new TimeOnly(8, 30), new TimeOnly(17, 30), Local(now), Local(due)));

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void SlaRule_DaysBelowOne_Throws(int days) => Assert.Throws<ArgumentOutOfRangeException>(() => SlaRule.WorkingDaysRule(days));

    [Fact]
    public void SlaRule_HoursEndingBeforeTheyStart_Throws() =>
        Assert.Throws<ArgumentException>(() => SlaRule.WorkingHoursRule(2, new TimeOnly(17, 30), new TimeOnly(8, 30)));

    [Fact]
    public void SlaRule_HoursRule_HasDaysTimesHoursAsBudget() =>
        Assert.Equal(TimeSpan.FromHours(18), SlaRule.WorkingHoursRule(2, new TimeOnly(8, 30), new TimeOnly(17, 30)).Budget);

    [Fact]
    public void SlaPause_EndingAtItsStart_Throws() =>
        Assert.Throws<ArgumentException>(() => new SlaPause(Local("2025-03-05T10:00:00"), Local("2025-03-05T10:00:00")));

    internal static DateTimeOffset Local(string local) =>
        DateTimeOffset.Parse(local + "+08:00", CultureInfo.InvariantCulture);

    // "days 2" or "hours 2 08:30-17:30"
    private static SlaRule Rule(string text) => text.Split(' ') switch
    {
        ["days", var days] => SlaRule.WorkingDaysRule(int.Parse(days, CultureInfo.InvariantCulture)),
        ["hours", var days, var hours] => SlaRule.WorkingHoursRule(
            int.Parse(days, CultureInfo.InvariantCulture), TimeOnly.Parse(hours[..5], CultureInfo.InvariantCulture), TimeOnly.Parse(hours[6..], CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException(text),
    };

    // "2025-03-07" (whole day) or "2025-03-07 14:00", separated by ';'
    private static Closure[] Closures(string text) => text.Split(';', StringSplitOptions.RemoveEmptyEntries)
        .Select(closure => closure.Split(' '))
        .Select(parts => new Closure(DateOnly.Parse(parts[0], CultureInfo.InvariantCulture), parts.Length > 1 ? TimeOnly.Parse(parts[1], CultureInfo.InvariantCulture) : null))
        .ToArray();

    // "start/end" in local time, separated by ';'
    private static SlaPause[] Pauses(string text) => text.Split(';', StringSplitOptions.RemoveEmptyEntries)
        .Select(pause => pause.Split('/'))
        .Select(ends => new SlaPause(Local(ends[0] + ":00"), Local(ends[1] + ":00")))
        .ToArray();
}
