namespace Isms.Web.Features.Incidents;

/// What the _Deadlines partial shows: an incident's three clocks.
public sealed record DeadlinesView(ReportResponse Report, IncidentText Text);
