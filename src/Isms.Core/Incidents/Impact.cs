namespace Isms.Core.Incidents;

/// <summary>Which security property an incident hit.</summary>
public enum ImpactAspect
{
    /// <summary>Information was disclosed.</summary>
    Confidentiality,

    /// <summary>Information or a system was altered.</summary>
    Integrity,

    /// <summary>A service or system was interrupted.</summary>
    Availability,
}

/// <summary>What was hit: non-core or core business, or official or national secrets.</summary>
public enum ImpactScope
{
    /// <summary>Non-core business or systems.</summary>
    NonCore,

    /// <summary>Core business or systems.</summary>
    Core,

    /// <summary>General official secrets or sensitive information.</summary>
    OfficialSecret,

    /// <summary>National secrets.</summary>
    NationalSecret,
}

/// <summary>How badly confidentiality or integrity was hit.</summary>
public enum ImpactSeverity
{
    /// <summary>Minor.</summary>
    Minor,

    /// <summary>Serious.</summary>
    Serious,
}

/// <summary>
/// One impact of an incident, as Taiwan's incident regulation grades it. Confidentiality and
/// integrity impacts have a <see cref="Severity"/>; availability impacts say whether operation was
/// restored within the tolerable interruption time, and cannot concern secrets.
/// <see cref="CriticalInfrastructure"/> raises only core business (the table's "core, critical
/// infrastructure" column).
/// </summary>
public sealed record Impact(
    ImpactAspect Aspect, ImpactScope Scope, bool CriticalInfrastructure = false, ImpactSeverity? Severity = null, bool? RestoredWithinTolerableTime = null)
{
    /// <summary>What is wrong with this impact, by field name; empty when it can be graded.</summary>
    public IReadOnlyList<ImpactProblem> Problems()
    {
        var problems = new List<ImpactProblem>();
        if (!Enum.IsDefined(Aspect))
        {
            problems.Add(new ImpactProblem(nameof(Aspect), ImpactProblemKind.Unknown));
        }

        if (!Enum.IsDefined(Scope))
        {
            problems.Add(new ImpactProblem(nameof(Scope), ImpactProblemKind.Unknown));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        if (Aspect == ImpactAspect.Availability)
        {
            if (Scope is ImpactScope.OfficialSecret or ImpactScope.NationalSecret)
            {
                problems.Add(new ImpactProblem(nameof(Scope), ImpactProblemKind.SecretNotAvailability));
            }

            if (RestoredWithinTolerableTime is null)
            {
                problems.Add(new ImpactProblem(nameof(RestoredWithinTolerableTime), ImpactProblemKind.Missing));
            }
        }
        else if (Severity is not { } severity || !Enum.IsDefined(severity))
        {
            problems.Add(new ImpactProblem(nameof(Severity), Severity is null ? ImpactProblemKind.Missing : ImpactProblemKind.Unknown));
        }

        return problems;
    }
}

/// <summary>Why an impact cannot be graded.</summary>
public enum ImpactProblemKind
{
    /// <summary>The field is needed for this aspect and was not given.</summary>
    Missing,

    /// <summary>The value is not one of the defined ones.</summary>
    Unknown,

    /// <summary>Availability of a secret: the regulation's table has no such row.</summary>
    SecretNotAvailability,
}

/// <summary>A field of an impact that cannot be graded, and why.</summary>
public sealed record ImpactProblem(string Field, ImpactProblemKind Kind);
