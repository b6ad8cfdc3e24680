using System.Globalization;
using Isms.Core.Availability;

namespace Isms.Core.Tests.Availability;

/// The short notation of the table-driven availability tests: instants are minutes after T0
/// (2026-01-01 00:00 UTC, 08:00 in Taipei), intervals "0..10 20..30", samples "S0 F5 F10" (a
/// success at minute 0, failures at 5 and 10). Show writes intervals back in the same notation.
internal static class Notation
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(int minute) => T0.AddMinutes(minute);

    public static Interval Span(int from, int to) => new(At(from), At(to));

    public static Interval Span(string text) => Spans(text).Single();

    public static Interval[] Spans(string text) =>
        [.. Parts(text).Select(part => part.Split("..")).Select(ends => Span(Minute(ends[0]), Minute(ends[1])))];

    public static ProbeSample[] Samples(string text) =>
        [.. Parts(text).Select(part => new ProbeSample(At(Minute(part[1..])), part[0] switch
        {
            'S' => true,
            'F' => false,
            _ => throw new FormatException($"A sample is S or F and a minute, not {part}."),
        }))];

    public static string Show(IEnumerable<Interval> intervals) => string.Join(" ", intervals.Select(Show));

    public static string Show(Interval interval) => $"{Minutes(interval.Start)}..{Minutes(interval.End)}";

    private static string Minutes(DateTimeOffset instant) =>
        ((instant - T0).Ticks % TimeSpan.TicksPerMinute == 0 ? (instant - T0).TotalMinutes : Math.Round((instant - T0).TotalMinutes, 3))
            .ToString(CultureInfo.InvariantCulture);

    private static int Minute(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static string[] Parts(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
