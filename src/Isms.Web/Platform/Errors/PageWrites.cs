using Isms.Core;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Isms.Web.Platform.Errors;

public static class PageWrites
{
    /// Runs a page's write and turns its refusals into messages beside the fields (or above the
    /// form for a conflict); true when the write went through.
    public static async Task<bool> TryWriteAsync(this ModelStateDictionary modelState, string prefix, Func<Task> write)
    {
        try
        {
            await write();
            return true;
        }
        catch (InputRejectedException rejected)
        {
            foreach (var (field, messages) in rejected.Errors)
            {
                foreach (var message in messages)
                {
                    modelState.AddModelError($"{prefix}.{field}", message);
                }
            }
        }
        catch (RuleViolationException conflict)
        {
            modelState.AddModelError("", conflict.Message);
        }

        return false;
    }
}
