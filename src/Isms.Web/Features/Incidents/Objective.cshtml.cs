using Isms.Core.Calendars;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Isms.Web.Features.Incidents;

/// The policy's incident objective for a half year (fewer than 3 confirmed incidents), with the
/// count per level, unit and system, for the handling unit, managers and auditors.
[Authorize(Policy = Policies.IncidentsObjective)]
public sealed class ObjectiveModel(SecurityReports reports, AgencyTime agency, TimeProvider clock) : PageModel
{
    public ObjectiveResponse Result { get; private set; } = null!;

    public HalfYear Half { get; private set; }

    /// The half years to choose from: this one and the four before it.
    public IReadOnlyList<HalfYear> Choices { get; private set; } = [];

    public async Task OnGetAsync(int? year, int? half, CancellationToken cancellationToken)
    {
        var current = HalfYear.Of(agency.DateAt(clock.GetUtcNow()));
        // Anything that is not a half year from 2000 to 2100 shows the current one.
        Half = year is >= 2000 and <= 2100 && half is 1 or 2 ? new HalfYear(year.Value, half.Value) : current;
        var choices = new List<HalfYear> { current };
        while (choices.Count < 5)
        {
            var last = choices[^1];
            choices.Add(last.Half == 2 ? new HalfYear(last.Year, 1) : new HalfYear(last.Year - 1, 2));
        }

        Choices = choices;
        Result = await reports.ObjectiveAsync(Half, cancellationToken);
    }
}
