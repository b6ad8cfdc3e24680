using Isms.Core.Calendars;

namespace Isms.Core.Incidents;

/// <summary>What a report turned out to be after triage.</summary>
public enum ReportKind
{
    /// <summary>A security incident.</summary>
    Incident,

    /// <summary>A suspected weakness.</summary>
    Weakness,

    /// <summary>A suggestion for better security.</summary>
    Suggestion,
}

/// <summary>What the objective needs to know of one report.</summary>
/// <param name="Id">The report, to list what was counted.</param>
/// <param name="Kind">Incident, weakness or suggestion.</param>
/// <param name="Confirmed">A security officer confirmed it as an incident.</param>
/// <param name="Rejected">A security officer rejected it (false positive).</param>
/// <param name="Drill">An incident-response or social-engineering drill, never counted.</param>
/// <param name="OccurredAt">When it happened, where known.</param>
/// <param name="AwareAt">When the handling unit became aware of it.</param>
public sealed record IncidentFacts(long Id, ReportKind Kind, bool Confirmed, bool Rejected, bool Drill, DateTimeOffset? OccurredAt, DateTimeOffset AwareAt);

/// <summary>The half year's count against the threshold, and what was counted.</summary>
public sealed record IncidentObjectiveResult(HalfYear HalfYear, int Count, int Threshold, IReadOnlyList<long> Counted)
{
    /// <summary>Met when the count is below the threshold (the policy's "fewer than 3").</summary>
    public bool Met => Count < Threshold;
}

/// <summary>
/// The policy's incident objective (IV.C.1.b, DESIGN.md §2): confirmed incidents — not rejected,
/// not weaknesses or suggestions, not drills — whose occurrence time (the awareness time where the
/// occurrence is unknown) falls in the half year, in the agency's calendar.
/// </summary>
public static class IncidentObjective
{
    /// <summary>The policy's threshold: fewer than three a half year.</summary>
    public const int DefaultThreshold = 3;

    /// <summary>Counts the half year's incidents among <paramref name="reports"/>.</summary>
    public static IncidentObjectiveResult Count(IEnumerable<IncidentFacts> reports, HalfYear halfYear, AgencyTime agency, int threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(agency);
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        var counted = reports
            .Where(r => r.Kind == ReportKind.Incident && r.Confirmed && !r.Rejected && !r.Drill)
            .Where(r => halfYear.Contains(agency.DateAt(r.OccurredAt ?? r.AwareAt)))
            .Select(r => r.Id)
            .ToList();
        return new IncidentObjectiveResult(halfYear, counted.Count, threshold, counted);
    }
}
