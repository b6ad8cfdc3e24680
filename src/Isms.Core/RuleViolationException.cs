namespace Isms.Core;

/// <summary>
/// A request that the domain rules refuse (an illegal state change, a conflicting edit). The web
/// host turns it into a 409 or 422 problem whose type is built from <see cref="Code"/>.
/// </summary>
public sealed class RuleViolationException : Exception
{
    /// <summary>Creates the exception with a stable machine-readable code and a message for people.</summary>
    public RuleViolationException(string code, string message, bool isConflict = false)
        : base(message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Code = code;
        IsConflict = isConflict;
    }

    /// <summary>A stable code such as <c>person.version-mismatch</c>.</summary>
    public string Code { get; }

    /// <summary>True when the request clashed with the current state (409) rather than a rule (422).</summary>
    public bool IsConflict { get; }
}
