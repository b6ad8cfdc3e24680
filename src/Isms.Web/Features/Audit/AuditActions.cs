namespace Isms.Web.Features.Audit;

/// The stable action codes of the trail, grouped by area. Never rename one: auditors filter on them.
public static class AuditActions
{
    // Records
    public const string Create = "record.create";
    public const string Update = "record.update";
    public const string Delete = "record.delete";

    // Sign-in
    public const string SignInSucceeded = "sign-in.succeeded";
    public const string SignInFailed = "sign-in.failed";
    public const string SignInLockedOut = "sign-in.locked-out";

    // Data leaving the system
    public const string Export = "data.export";
    public const string Download = "data.download";

    // Security events
    public const string Forbidden = "security.forbidden";
    public const string NotFound = "security.not-found";
    public const string TokenUsed = "security.token-used";

    public static readonly string[] All =
        [Create, Update, Delete, SignInSucceeded, SignInFailed, SignInLockedOut, Export, Download, Forbidden, NotFound, TokenUsed];
}
