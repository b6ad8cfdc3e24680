using System.ComponentModel.DataAnnotations;
using Isms.Web.Data;
using Isms.Web.Features.People;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Localization;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Accounts;

/// A new sign-in account: a one-time password shown once, which the holder replaces at the first
/// sign-in; optionally linked to the person it belongs to (their unit and clearance then apply).
public sealed record NewAccountRequest
{
    [Display(Name = "User name"), Required(ErrorMessage = "Enter a user name."), MaxLength(100, ErrorMessage = Messages.TooLong),
     RegularExpression("^[A-Za-z0-9._@-]+$", ErrorMessage = "Use letters, digits, '.', '_', '@' and '-' only.")]
    public string UserName { get; init; } = "";

    [Display(Name = "Display name"), Required(ErrorMessage = "Enter the name shown in the application."), MaxLength(100, ErrorMessage = Messages.TooLong)]
    public string DisplayName { get; init; } = "";

    [Display(Name = "Roles")]
    public string[] Roles { get; init; } = [];

    /// The person record the account belongs to, if any.
    [Display(Name = "Person")]
    public int? PersonId { get; init; }
}

public sealed record NewAccountResponse(Guid Id, string UserName, string OneTimePassword);

public sealed class NewAccounts(IsmsDbContext db, UserManager<Account> users, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public async Task<NewAccountResponse> CreateAsync(NewAccountRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var userName = request.UserName.Trim();
        if (await users.FindByNameAsync(userName) is not null)
        {
            errors.Add(nameof(request.UserName), text["An account with this user name exists already."]);
        }

        if (request.Roles.Any(r => !Roles.All.Contains(r, StringComparer.Ordinal)))
        {
            errors.Add(nameof(request.Roles), text["Choose a role."]);
        }

        Person? person = null;
        if (request.PersonId is { } personId)
        {
            person = await db.Set<Person>().SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
            if (person is null)
            {
                errors.Add(nameof(request.PersonId), text["The person does not exist."]);
            }
            else if (person.AccountId is not null)
            {
                errors.Add(nameof(request.PersonId), text["This person already has a sign-in account."]);
            }
        }

        errors.ThrowIfAny();
        var password = AccountAdmin.NewOneTimePassword();
        var account = new Account
        {
            UserName = userName,
            DisplayName = request.DisplayName.Trim(),
            Email = person?.Email,
            MustChangePassword = true,
            CreatedAt = clock.GetUtcNow(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Check(await users.CreateAsync(account, password));
        Check(await users.AddToRolesAsync(account, request.Roles.Distinct()));
        if (person is not null)
        {
            person.AccountId = account.Id;
            person.Version++;
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new NewAccountResponse(account.Id, userName, password);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw InputRejectedException.For(nameof(NewAccountRequest.UserName), string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
