using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Platform.Localization;

/// Texts shared by many validation attributes, and the way a cross-field rule reaches the localizer.
public static class Messages
{
    public const string TooLong = "{0} is too long: at most {1} characters.";

    /// The message in the reader's language when the rule runs inside a request; in English when it
    /// runs without one (the CSV import translates its own lines).
    public static string Localize(this ValidationContext context, string message) =>
        context.GetService(typeof(IStringLocalizer<SharedResource>)) is IStringLocalizer<SharedResource> text ? text[message] : message;
}
