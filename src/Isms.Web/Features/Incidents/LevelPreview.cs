using System.Globalization;
using Isms.Core.Incidents;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Incidents;

/// One impact as the triage form sends it; everything optional so that a missing field is named
/// in the answer instead of failing the whole body.
public sealed record ImpactInput
{
    public ImpactAspect? Aspect { get; init; }

    public ImpactScope? Scope { get; init; }

    public bool CriticalInfrastructure { get; init; }

    public ImpactSeverity? Severity { get; init; }

    public bool? RestoredWithinTolerableTime { get; init; }
}

public sealed record LevelPreviewRequest
{
    public IReadOnlyList<ImpactInput>? Impacts { get; init; }
}

public sealed record LevelPreviewResponse(int Level, bool Major, IReadOnlyList<string> Reasons);

/// The level an incident's impacts give (issue 6), with a reason per impact in the reader's language.
public sealed class LevelPreview(IStringLocalizer<SharedResource> text)
{
    public LevelPreviewResponse Preview(LevelPreviewRequest request)
    {
        var errors = new FieldErrors();
        var impacts = new List<Impact>();
        var given = request.Impacts ?? [];
        if (given.Count == 0)
        {
            errors.Add(nameof(request.Impacts), text["Give at least one impact."]);
        }

        for (var i = 0; i < given.Count; i++)
        {
            var input = given[i] ?? new ImpactInput();
            var at = string.Create(CultureInfo.InvariantCulture, $"{nameof(request.Impacts)}[{i}].");
            if (input.Aspect is not { } aspect)
            {
                errors.Add(at + nameof(Impact.Aspect), text["Choose confidentiality, integrity or availability."]);
                continue;
            }

            if (input.Scope is not { } scope)
            {
                errors.Add(at + nameof(Impact.Scope), text["Choose nonCore, core, officialSecret or nationalSecret."]);
                continue;
            }

            var impact = new Impact(aspect, scope, input.CriticalInfrastructure, input.Severity, input.RestoredWithinTolerableTime);
            foreach (var problem in impact.Problems())
            {
                errors.Add(at + problem.Field, Message(problem));
            }

            impacts.Add(impact);
        }

        errors.ThrowIfAny();
        var grade = IncidentLevel.Of(impacts);
        return new LevelPreviewResponse(grade.Level, grade.Major, grade.Reasons.Select(Reason).ToList());
    }

    private string Message(ImpactProblem problem) => (problem.Field, problem.Kind) switch
    {
        (_, ImpactProblemKind.SecretNotAvailability) => text["Availability is graded for non-core and core business only, not for secrets."],
        (nameof(Impact.Severity), _) => text["Say whether the impact was minor or serious."],
        (nameof(Impact.RestoredWithinTolerableTime), _) => text["Say whether operation was restored within the tolerable interruption time."],
        (nameof(Impact.Aspect), _) => text["Choose confidentiality, integrity or availability."],
        _ => text["Choose nonCore, core, officialSecret or nationalSecret."],
    };

    private string Reason(LevelReason reason)
    {
        var impact = reason.Impact;
        string aspect = impact.Aspect switch
        {
            ImpactAspect.Confidentiality => text["Confidentiality"],
            ImpactAspect.Integrity => text["Integrity"],
            _ => text["Availability"],
        };
        string how = impact.Aspect == ImpactAspect.Availability
            ? impact.RestoredWithinTolerableTime == true ? text["restored within the tolerable time"] : text["not restored within the tolerable time"]
            : impact.Severity == ImpactSeverity.Serious ? text["serious"] : text["minor"];
        string scope = impact.Scope switch
        {
            ImpactScope.NonCore => text["non-core business"],
            ImpactScope.Core when impact.CriticalInfrastructure => text["core business, critical infrastructure"],
            ImpactScope.Core => text["core business"],
            ImpactScope.OfficialSecret => text["general official secrets or sensitive information"],
            _ => text["national secrets"],
        };
        return string.Format(CultureInfo.CurrentCulture, text["{0}, {1}, {2}: level {3}"], aspect, how, scope, reason.Level);
    }
}
