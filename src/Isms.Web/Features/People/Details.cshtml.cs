using Isms.Web.Data;
using Isms.Web.Features.Access;
using Isms.Web.Features.Organisation;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Security;
using Isms.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.People;

[Authorize(Policy = Policies.PeopleRead)]
public sealed class DetailsModel(IsmsDbContext db, Caller caller, Today today, IAuthorizationService authorization, Classifications classifications) : PageModel
{
    public Classifications Levels => classifications;

    public bool CanSetClearance { get; private set; }

    public bool CanCreateAccount { get; private set; }

    public PersonResponse Person { get; private set; } = null!;

    public string UnitName { get; private set; } = "";

    public IReadOnlyList<ResponsibilityResponse> Responsibilities { get; private set; } = [];

    public bool CanWrite { get; private set; }

    /// The person's rewards and punishments, for those who may read them (null for the others).
    public IReadOnlyList<Incidents.Sanctions.SanctionResponse>? Sanctions { get; private set; }

    public bool CanWriteSanctions { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, [FromServices] Incidents.Sanctions.SanctionRecords sanctions, CancellationToken cancellationToken)
    {
        if (await PersonReads.FindAsync(await caller.VisiblePeopleAsync(db, cancellationToken), id, today.Date, cancellationToken) is not { } person)
        {
            return NotFound();
        }

        Person = person;
        var unit = await db.Set<Unit>().AsNoTracking().SingleAsync(u => u.Id == person.UnitId, cancellationToken);
        UnitName = unit.DisplayName(System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal));
        Responsibilities = await db.Set<Responsibility>().Where(r => r.PersonId == id).OrderBy(r => r.From).ToResponses().ToListAsync(cancellationToken);
        CanWrite = (await authorization.AuthorizeAsync(User, Policies.PeopleWrite)).Succeeded;
        CanSetClearance = (await authorization.AuthorizeAsync(User, Policies.ClearanceWrite)).Succeeded;
        CanCreateAccount = person.AccountUserName is null && (await authorization.AuthorizeAsync(User, Policies.AccountsAdmin)).Succeeded;
        if ((await authorization.AuthorizeAsync(User, Policies.SanctionsRead)).Succeeded)
        {
            Sanctions = (await sanctions.ListAsync(new() { PersonId = id, PageSize = 10 }, cancellationToken)).Items;
            CanWriteSanctions = (await authorization.AuthorizeAsync(User, Policies.SanctionsWrite)).Succeeded;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostDeactivateAsync(int id, [FromServices] PersonWrites writes, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.PeopleWrite)).Succeeded)
        {
            return Forbid();
        }

        await writes.DeactivateAsync(id, cancellationToken);
        TempData["Notice"] = "The person was deactivated.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReactivateAsync(int id, [FromServices] PersonWrites writes, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.PeopleWrite)).Succeeded)
        {
            return Forbid();
        }

        await writes.ReactivateAsync(id, cancellationToken);
        TempData["Notice"] = "The person was reactivated.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostClearanceAsync(
        int id, int clearance, bool agreementSigned, [FromServices] AccessWrites access, [FromServices] Incidents.Sanctions.SanctionRecords sanctions, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.ClearanceWrite)).Succeeded)
        {
            return Forbid();
        }

        // A refused clearance (above the officer's own, say) is shown beside the field, not as an error page.
        if (!await ModelState.TryWriteAsync("Clearance", () => access.SetClearanceAsync(id, new ClearanceRequest(clearance, agreementSigned), cancellationToken)))
        {
            return await OnGetAsync(id, sanctions, cancellationToken);
        }

        TempData["Notice"] = "The clearance was saved.";
        return RedirectToPage(new { id });
    }
}
