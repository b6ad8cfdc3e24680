using System.Globalization;
using Isms.Core.Availability;
using Isms.Core.Calendars;
using Isms.Web.Platform.Errors;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Availability;

/// The period a figure is asked for: `from`/`to` as agency-local dates (to inclusive) or as instants
/// with an offset (to exclusive), or `period` = day, month, halfyear or year around `date`. Without
/// any, the current calendar year (Asia/Taipei).
public sealed record FigurePeriod(string? From, string? To, string? Period, DateOnly? Date)
{
    public static readonly TimeSpan Longest = TimeSpan.FromDays(3660);

    public Interval Resolve(AgencyTime agency, DateTimeOffset now, IStringLocalizer text)
    {
        var errors = new FieldErrors();
        var today = agency.DateAt(now);
        Interval? result = null;
        if (From is not null || To is not null)
        {
            var start = Parse(From, agency, inclusiveEnd: false, nameof(From), errors, text);
            var end = Parse(To, agency, inclusiveEnd: true, nameof(To), errors, text);
            if (From is null)
            {
                errors.Add(nameof(From), text["Give both from and to."]);
            }

            if (To is null)
            {
                errors.Add(nameof(To), text["Give both from and to."]);
            }

            if (start is { } s && end is { } e)
            {
                if (e <= s)
                {
                    errors.Add(nameof(To), text["The end must be after the start."]);
                }
                else if (e - s > Longest)
                {
                    errors.Add(nameof(To), text["Ask for at most ten years at once."]);
                }
                else
                {
                    result = new Interval(s, e);
                }
            }
        }
        else
        {
            var date = Date ?? today;
            result = (Period ?? "year").ToLowerInvariant() switch
            {
                "day" => agency.Day(date),
                "month" => agency.Month(date.Year, date.Month),
                "halfyear" => agency.HalfYear(HalfYear.Of(date)),
                "year" => agency.Year(date.Year),
                _ => null,
            };
            if (result is null)
            {
                errors.Add(nameof(Period), text["Choose day, month, halfyear or year."]);
            }
        }

        errors.ThrowIfAny();
        return result!.Value;
    }

    private static DateTimeOffset? Parse(string? value, AgencyTime agency, bool inclusiveEnd, string field, FieldErrors errors, IStringLocalizer text)
    {
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return agency.StartOf(inclusiveEnd ? date.AddDays(1) : date);
        }

        if (value.Length > 10 && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            && (value.EndsWith('Z') || value.LastIndexOfAny(['+', '-']) > 10))
        {
            return instant.ToUniversalTime();
        }

        errors.Add(field, text["Write a date as yyyy-MM-dd or an instant with its offset, such as 2026-03-01T08:00:00+08:00."]);
        return null;
    }
}
