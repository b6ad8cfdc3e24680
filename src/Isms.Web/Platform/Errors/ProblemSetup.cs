using Isms.Core;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Platform.Errors;

public static class ProblemSetup
{
    public const string TypeBase = "https://isms.example/problems/";

    public static IServiceCollection AddIsmsProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
        });
        services.AddExceptionHandler<RuleViolationHandler>();
        return services;
    }
}

/// The one place where exceptions become answers: a refused rule is a 409/422 with a stable type;
/// anything else is a 500 that shows the trace id and nothing of the internals.
public sealed partial class RuleViolationHandler(IProblemDetailsService problems, ILogger<RuleViolationHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // Pages handle the exceptions they expect and show the error page for the rest.
        if (!httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        if (exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return await WriteAsync(httpContext, StatusCodes.Status413PayloadTooLarge, new ProblemDetails
            {
                Type = ProblemSetup.TypeBase + "request-too-large",
                Title = "The request body is larger than the server accepts.",
            }, exception);
        }

        if (exception is InputRejectedException rejected)
        {
            return await WriteAsync(httpContext, StatusCodes.Status400BadRequest, new HttpValidationProblemDetails(
                rejected.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Type = ProblemSetup.TypeBase + "invalid-input",
                Title = "One or more fields are invalid.",
            }, exception);
        }

        if (exception is RecordNotFoundException missing)
        {
            return await WriteAsync(httpContext, StatusCodes.Status404NotFound, new ProblemDetails
            {
                Type = ProblemSetup.TypeBase + "not-found",
                Title = missing.Message,
            }, exception);
        }

        if (exception is Pdf.PdfUnavailableException unavailable)
        {
            return await WriteAsync(httpContext, StatusCodes.Status503ServiceUnavailable, new ProblemDetails
            {
                Type = ProblemSetup.TypeBase + "pdf-unavailable",
                Title = unavailable.Message,
            }, exception);
        }

        if (exception is AccessDeniedException denied)
        {
            return await WriteAsync(httpContext, StatusCodes.Status403Forbidden, new ProblemDetails
            {
                Type = ProblemSetup.TypeBase + "forbidden",
                Title = denied.Message,
            }, exception);
        }

        if (exception is DbUpdateConcurrencyException)
        {
            return await WriteAsync(httpContext, StatusCodes.Status409Conflict, new ProblemDetails
            {
                Type = ProblemSetup.TypeBase + "edit-conflict",
                Title = "Someone else changed this record meanwhile. Reload it and apply your change again.",
            }, exception);
        }

        if (exception is DbUpdateException)
        {
            // Two requests raced past the checks and a unique index stopped the second one.
            return await WriteAsync(httpContext, StatusCodes.Status409Conflict, new ProblemDetails
            {
                Type = ProblemSetup.TypeBase + "conflicting-record",
                Title = "The change conflicts with a record saved meanwhile (for example the same code or number). Reload and try again.",
            }, exception);
        }

        if (exception is not RuleViolationException rule)
        {
            return false;
        }

        var status = rule.IsConflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        Log.RuleRefused(logger, rule.Code, rule.Message);
        return await WriteAsync(httpContext, status, new ProblemDetails
        {
            Type = ProblemSetup.TypeBase + rule.Code,
            Title = rule.Message,
            Extensions = { ["code"] = rule.Code },
        }, exception);
    }

    private async ValueTask<bool> WriteAsync(HttpContext httpContext, int status, ProblemDetails problem, Exception exception)
    {
        httpContext.Response.StatusCode = status;
        problem.Status = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Rule {Code} refused a request: {Reason}")]
        public static partial void RuleRefused(ILogger logger, string code, string reason);
    }
}
