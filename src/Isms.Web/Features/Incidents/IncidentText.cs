using System.Globalization;
using Isms.Core.Incidents;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Incidents;

/// The words the incident pages show for the feature's values, and how a deadline reads against
/// the clock ("due in 3 h", "overdue by 2 h").
public sealed class IncidentText(IStringLocalizer<SharedResource> text, TimeProvider clock)
{
    public string Kind(ReportKind kind) => kind switch
    {
        ReportKind.Incident => text["Incident"],
        ReportKind.Weakness => text["Weakness"],
        _ => text["Suggestion"],
    };

    public string Status(ReportStatus status) => status switch
    {
        ReportStatus.Reported => text["Reported, waiting for triage"],
        ReportStatus.Rejected => text["Rejected"],
        ReportStatus.Confirmed => text["Confirmed incident"],
        _ => text["Corrective action under way"],
    };

    public string Aspect(ImpactAspect aspect) => aspect switch
    {
        ImpactAspect.Confidentiality => text["Confidentiality"],
        ImpactAspect.Integrity => text["Integrity"],
        _ => text["Availability"],
    };

    public string Scope(ImpactScope scope) => scope switch
    {
        ImpactScope.NonCore => text["Non-core business or systems"],
        ImpactScope.Core => text["Core business or systems"],
        ImpactScope.OfficialSecret => text["Official secrets or sensitive information"],
        _ => text["National secret information"],
    };

    public string Severity(ImpactSeverity severity) => severity == ImpactSeverity.Serious ? text["Serious impact"] : text["Minor impact"];

    public string DrillKind(DrillKind kind) => kind == Incidents.DrillKind.SocialEngineering ? text["Social engineering (e.g. phishing mail)"] : text["Incident response"];

    public string Level(int level, bool major) =>
        string.Format(CultureInfo.CurrentCulture, major ? text["Level {0} (major)"] : text["Level {0}"], level);

    /// Where a deadline stands: met (when done), due in some time, or overdue by some time.
    public DeadlineState Deadline(DateTimeOffset? due, DateTimeOffset? done)
    {
        if (due is not { } by)
        {
            return new DeadlineState("", "");
        }

        if (done is { } at)
        {
            return at <= by ? new DeadlineState(text["met"], "ok") : new DeadlineState(string.Format(CultureInfo.CurrentCulture, text["met late, by {0}"], Span(at - by)), "warning");
        }

        var left = by - clock.GetUtcNow();
        return left >= TimeSpan.Zero
            ? new DeadlineState(string.Format(CultureInfo.CurrentCulture, text["due in {0}"], Span(left)), left < TimeSpan.FromHours(1) ? "warning" : "info")
            : new DeadlineState(string.Format(CultureInfo.CurrentCulture, text["overdue by {0}"], Span(-left)), "danger");
    }

    /// A span rounded to what matters at a glance: minutes within the hour, hours within two days, then days.
    public string Span(TimeSpan span) => span switch
    {
        _ when span < TimeSpan.FromHours(1) => string.Format(CultureInfo.CurrentCulture, text["{0} min"], Math.Max(1, (int)Math.Ceiling(span.TotalMinutes))),
        _ when span < TimeSpan.FromHours(48) => string.Format(CultureInfo.CurrentCulture, text["{0} h"], (int)Math.Round(span.TotalHours)),
        _ => string.Format(CultureInfo.CurrentCulture, text["{0} d"], (int)Math.Round(span.TotalDays)),
    };
}

/// A deadline's words and the badge class that colours them.
public sealed record DeadlineState(string Text, string Badge);
