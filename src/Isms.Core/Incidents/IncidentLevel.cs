namespace Isms.Core.Incidents;

/// <summary>The level one impact reaches, for the reasons shown with an incident's level.</summary>
public sealed record LevelReason(Impact Impact, int Level);

/// <summary>An incident's level (1–4) and the level each impact reached; levels 3 and 4 are major.</summary>
public sealed record IncidentGrade(int Level, IReadOnlyList<LevelReason> Reasons)
{
    /// <summary>Levels 3 and 4.</summary>
    public bool Major => Level >= 3;
}

/// <summary>
/// The four incident levels of Taiwan's incident regulation (issue 6): each impact reaches a level
/// by its aspect, severity (or, for availability, whether operation was restored within the
/// tolerable interruption time) and scope; the incident takes the highest.
/// </summary>
public static class IncidentLevel
{
    // Columns: non-core, core, core with critical infrastructure, official secret, national secret.
    private static readonly int[] ConfidentialityOrIntegrityMinor = [1, 2, 3, 3, 4];
    private static readonly int[] ConfidentialityOrIntegritySerious = [2, 3, 4, 4, 4];
    private static readonly int[] AvailabilityRestored = [1, 2, 3];
    private static readonly int[] AvailabilityNotRestored = [2, 3, 4];

    /// <summary>
    /// Grades the impacts. Throws <see cref="ArgumentException"/> when there are none or one cannot
    /// be graded (see <see cref="Impact.Problems"/>): check them first to tell the user which field.
    /// </summary>
    public static IncidentGrade Of(IEnumerable<Impact> impacts)
    {
        ArgumentNullException.ThrowIfNull(impacts);
        var list = impacts.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("An incident has at least one impact.", nameof(impacts));
        }

        var reasons = list.Select(impact => new LevelReason(impact, Of(impact))).ToList();
        return new IncidentGrade(reasons.Max(r => r.Level), reasons);
    }

    /// <summary>The level one impact reaches.</summary>
    public static int Of(Impact impact)
    {
        ArgumentNullException.ThrowIfNull(impact);
        if (impact.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException($"The impact cannot be graded: {string.Join(", ", problems)}.", nameof(impact));
        }

        var column = impact.Scope switch
        {
            ImpactScope.NonCore => 0,
            ImpactScope.Core => impact.CriticalInfrastructure ? 2 : 1,
            ImpactScope.OfficialSecret => 3,
            _ => 4,
        };
        var row = impact.Aspect == ImpactAspect.Availability
            ? impact.RestoredWithinTolerableTime == true ? AvailabilityRestored : AvailabilityNotRestored
            : impact.Severity == ImpactSeverity.Serious ? ConfidentialityOrIntegritySerious : ConfidentialityOrIntegrityMinor;
        return row[column];
    }
}
