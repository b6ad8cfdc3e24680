using System.Diagnostics;
using Isms.Web.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Isms.Web.Features;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ErrorModel : PageModel
{
    public string TraceId { get; private set; } = "";

    public bool IsNotFound { get; private set; }

    public bool IsDenied { get; private set; }

    public void OnGet()
    {
        TraceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        // A record that vanished between the list and the click is not a server fault.
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (error is RecordNotFoundException)
        {
            IsNotFound = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        else if (error is AccessDeniedException)
        {
            IsDenied = true;
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
    }

    public void OnPost() => OnGet();
}
