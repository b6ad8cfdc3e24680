using System.ComponentModel.DataAnnotations;
using Isms.Web.Platform.Localization;

namespace Isms.Web.Features.Tokens;

public sealed record TokenRequest
{
    [Display(Name = "Name"), Required(ErrorMessage = "Name the token after what uses it."), MaxLength(100, ErrorMessage = Messages.TooLong)]
    public string Name { get; init; } = "";

    [Display(Name = "Scope")]
    public TokenScope Scope { get; init; } = TokenScope.Read;

    [Display(Name = "Expires in (days)"), Range(1, 366, ErrorMessage = "A token lives between 1 and 366 days.")]
    public int ExpiresInDays { get; init; } = 90;
}

public sealed record TokenResponse(Guid Id, string Name, TokenScope Scope, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

/// The only answer that ever carries the secret.
public sealed record CreatedToken(TokenResponse Token, string Secret);

public sealed record ServiceAccountRequest
{
    [Display(Name = "User name"), Required(ErrorMessage = "Enter a user name."), MaxLength(100, ErrorMessage = Messages.TooLong),
     RegularExpression("^[A-Za-z0-9._-]+$", ErrorMessage = "Use letters, digits, '.', '_' and '-' only.")]
    public string UserName { get; init; } = "";

    [Display(Name = "Display name"), MaxLength(100, ErrorMessage = Messages.TooLong)]
    public string? DisplayName { get; init; }

    [Display(Name = "Role"), Required(ErrorMessage = "Choose a role.")]
    public string Role { get; init; } = "";
}

public sealed record ServiceAccountResponse(Guid Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<TokenResponse> Tokens);
