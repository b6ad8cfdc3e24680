namespace Isms.Web.Features.Audit;

/// Looks at the final status of every signed-in request to the API or a feature page: a refusal
/// (403, or a page's redirect to "access denied") and a 404 for a record id are security events;
/// a file sent as an attachment that its endpoint did not record itself is a download.
public sealed class SecurityEvents(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, AuditLog audit)
    {
        await next(context);
        if (context.User.Identity?.IsAuthenticated != true || !IsFeature(context.Request.Path))
        {
            return;
        }

        var status = context.Response.StatusCode;
        var details = new { method = context.Request.Method, path = context.Request.Path.Value, status };
        if (status == StatusCodes.Status403Forbidden || (status == StatusCodes.Status302Found && IsDeniedRedirect(context.Response)))
        {
            await audit.RecordAsync(AuditActions.Forbidden, null, RecordId(context.Request.Path), details);
        }
        else if (status == StatusCodes.Status404NotFound && RecordId(context.Request.Path) is { } id)
        {
            await audit.RecordAsync(AuditActions.NotFound, null, id, details);
        }
        else if (status == StatusCodes.Status200OK && IsAttachment(context.Response) && !AuditLog.DataLeftRecorded(context))
        {
            await audit.RecordAsync(AuditActions.Download, null, RecordId(context.Request.Path), details);
        }
    }

    private static bool IsFeature(PathString path) =>
        !path.StartsWithSegments("/css") && !path.StartsWithSegments("/js") && !path.StartsWithSegments("/health")
        && !path.StartsWithSegments("/Status") && !path.StartsWithSegments("/Error");

    private static bool IsDeniedRedirect(HttpResponse response) =>
        Uri.TryCreate(response.Headers.Location.ToString(), UriKind.RelativeOrAbsolute, out var location)
        && (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0])
            .StartsWith("/Accounts/Denied", StringComparison.OrdinalIgnoreCase);

    private static bool IsAttachment(HttpResponse response) =>
        response.Headers.ContentDisposition.ToString().StartsWith("attachment", StringComparison.OrdinalIgnoreCase);

    /// The last path segment that is a number or a GUID: the record the request was about.
    private static string? RecordId(PathString path) =>
        (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries)
            .LastOrDefault(s => s.All(char.IsAsciiDigit) || Guid.TryParse(s, out _));
}
