using Isms.Web.Data;

namespace Isms.Web.Platform.ReferenceData;

/// Data the application cannot work without and ships with (the office calendars, the default
/// service desk settings). Added right after the migrations, in the same step, so every database
/// that can be used has it; each part adds only what is missing and never overwrites an operator's
/// own records.
public interface IReferenceData
{
    Task SeedAsync(IsmsDbContext db, CancellationToken cancellationToken);
}
