using Isms.Core;
using Isms.Core.Access;
using Isms.Web.Data;
using Isms.Web.Features.Accounts;
using Isms.Web.Features.Organisation;
using Isms.Web.Features.People;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Access;

/// Changing who may do and see what: an account's roles with their unit scopes, and a person's
/// clearance. Each change is one transaction, and a role change ends the account's sessions.
public sealed class AccessWrites(IsmsDbContext db, UserManager<Account> users, ClassificationScale scale, Caller caller, IStringLocalizer<SharedResource> text)
{
    public async Task<AccountRolesResponse> ReadRolesAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var account = await db.Set<Account>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken)
            ?? throw new RecordNotFoundException("Account", accountId);
        var roles = await users.GetRolesAsync(account);
        var scopes = await db.Set<RoleScope>().AsNoTracking().Where(s => s.AccountId == accountId).ToListAsync(cancellationToken);
        var grants = Roles.All.Where(roles.Contains)
            .Select(role => new RoleGrant(role, scopes.Where(s => s.Role == role).Select(s => s.UnitId).Order().ToArray()))
            .ToList();
        return new AccountRolesResponse(account.Id, account.UserName ?? "", grants);
    }

    public async Task<AccountRolesResponse> SetRolesAsync(Guid accountId, IReadOnlyList<RoleGrant> grants, CancellationToken cancellationToken)
    {
        var account = await users.FindByIdAsync(accountId.ToString()) ?? throw new RecordNotFoundException("Account", accountId);
        var errors = new FieldErrors();
        var unknown = grants.Select(g => g.Role).Where(r => !Roles.All.Contains(r, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add("Roles", string.Format(System.Globalization.CultureInfo.CurrentCulture, text["Unknown role: {0}."], string.Join(", ", unknown)));
        }

        if (grants.GroupBy(g => g.Role).Any(g => g.Count() > 1))
        {
            errors.Add("Roles", text["Each role may be given once."]);
        }

        var unitIds = grants.SelectMany(g => g.UnitIds ?? []).Distinct().ToList();
        var known = await db.Set<Unit>().Where(u => unitIds.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken);
        if (known.Count != unitIds.Count)
        {
            errors.Add("Roles", text["A scope names a unit that does not exist."]);
        }

        var wanted = grants.Select(g => g.Role).ToHashSet();
        var current = await users.GetRolesAsync(account);
        if (current.Contains(Roles.Administrator) && !wanted.Contains(Roles.Administrator)
            && (await users.GetUsersInRoleAsync(Roles.Administrator)).Count(a => a.LockoutEnd != AccountActions.Forever) <= 1)
        {
            errors.Add("Roles", text["The last administrator keeps the Administrator role."]);
        }

        errors.ThrowIfAny();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Check(await users.RemoveFromRolesAsync(account, current.Except(wanted)));
        Check(await users.AddToRolesAsync(account, wanted.Except(current)));
        db.RemoveRange(await db.Set<RoleScope>().Where(s => s.AccountId == accountId).ToListAsync(cancellationToken));
        db.AddRange(grants.SelectMany(g => (g.UnitIds ?? []).Distinct().Select(unit => new RoleScope { AccountId = accountId, Role = g.Role, UnitId = unit })));
        await db.SaveChangesAsync(cancellationToken);
        // A new stamp ends every session of the account: its next request must sign in again and
        // gets the new roles.
        Check(await users.RolesChangedAsync(account));
        await transaction.CommitAsync(cancellationToken);
        return await ReadRolesAsync(accountId, cancellationToken);
    }

    public async Task<ClearanceResponse> SetClearanceAsync(int personId, ClearanceRequest request, CancellationToken cancellationToken)
    {
        var person = await db.Set<Person>().SingleOrDefaultAsync(p => p.Id == personId, cancellationToken)
            ?? throw new RecordNotFoundException("Person", personId);
        if (!scale.IsLevel(request.Clearance))
        {
            throw InputRejectedException.For(nameof(request.Clearance), text["Choose a classification."]);
        }

        // Nobody raises their own clearance, grants more than they hold, or reaches outside their units.
        var scope = await caller.ScopeAsync(cancellationToken);
        if (person.AccountId is { } own && own == scope.AccountId)
        {
            throw new AccessDeniedException(text["Nobody sets their own clearance."]);
        }

        if (!scope.CanManageUnit(person.UnitId))
        {
            throw new RecordNotFoundException("Person", personId);
        }

        if (request.Clearance > scope.Clearance)
        {
            throw InputRejectedException.For(nameof(request.Clearance), text["You may not grant a clearance above your own."]);
        }

        person.Clearance = request.Clearance;
        person.AgreementSigned = request.AgreementSigned;
        person.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return new ClearanceResponse(person.Id, person.Clearance, scale.NameOf(person.Clearance), person.AgreementSigned,
            scale.EffectiveClearance(person.Clearance, person.AgreementSigned));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new RuleViolationException("account.roles", string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
