using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Isms.Web.Features.Availability;

/// MVC checks a record's own rules (IValidatableObject) only once every field passes, so a form
/// with no cause and no start would speak of the cause first and of the start only on the next
/// try. The availability forms tell of every mistake at once: this adds the record's rules to the
/// fields that have no message yet.
public static class FormRules
{
    public static void AddRuleErrors(this ModelStateDictionary modelState, object input, string prefix, IServiceProvider services)
    {
        if (modelState.IsValid || input is not IValidatableObject rules)
        {
            return;
        }

        foreach (var result in rules.Validate(new ValidationContext(input, services, null)))
        {
            foreach (var member in result.MemberNames)
            {
                var key = $"{prefix}.{member}";
                if (!modelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0)
                {
                    modelState.AddModelError(key, result.ErrorMessage ?? "");
                }
            }
        }
    }
}
