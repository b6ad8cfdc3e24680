using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Accounts;

/// Identity's messages that a person can meet, in their language.
public sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> text) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = string.Format(System.Globalization.CultureInfo.CurrentCulture, text["Passwords must be at least {0} characters."], length) };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = text["Incorrect password."] };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = string.Format(System.Globalization.CultureInfo.CurrentCulture, text["The user name {0} is already taken."], userName) };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = string.Format(System.Globalization.CultureInfo.CurrentCulture, text["Passwords must use at least {0} different characters."], uniqueChars) };
}
