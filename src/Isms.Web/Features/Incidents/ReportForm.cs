using Isms.Core.Calendars;
using Isms.Web.Platform.Files;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Isms.Web.Features.Incidents;

/// What the two report pages (signed in, and through a link) share.
public static class ReportForm
{
    /// The field of the file input.
    public const string Attachments = FileChecks.Field;

    /// The report with the time it was noticed, as typed in Taipei time (empty for now).
    public static ReportInput Noticed(this ReportInput input, DateTime? local, AgencyTime agency) => local is { } typed
        ? input with { NoticedAt = new DateTimeOffset(DateTime.SpecifyKind(typed, DateTimeKind.Unspecified), agency.Zone.GetUtcOffset(typed)) }
        : input;

    /// File errors come back for "Input.Attachments"; they belong beside the file input.
    public static void MoveToFileField(this ModelStateDictionary modelState)
    {
        if (modelState.TryGetValue("Input." + Attachments, out var errors))
        {
            var messages = errors.Errors.Select(e => e.ErrorMessage).ToList();
            modelState.Remove("Input." + Attachments);
            foreach (var message in messages)
            {
                modelState.AddModelError(Attachments, message);
            }
        }
    }
}

/// A page that shows the report form's fields (_ReportFields).
public interface IReportFormPage
{
    ReportInput Input { get; }

    DateTime? NoticedLocal { get; }
}
