using Isms.Web.Data;
using Isms.Web.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.ServiceDesk;

/// After a calendar change (a year imported, a closure declared or withdrawn), every open form's
/// due time is worked out again, and so is every form whose due time was unknown for want of a
/// year. Finished forms keep the decision they were finished under.
public sealed class QaDueTimes(IsmsDbContext db, WorkingCalendars calendars) : ICalendarDependent
{
    public async Task CalendarChangedAsync(CancellationToken cancellationToken) => await RecomputeAsync(cancellationToken);

    public async Task<int> RecomputeAsync(CancellationToken cancellationToken)
    {
        var set = await calendars.LoadAsync(cancellationToken);
        var forms = await db.Set<QaForm>()
            .Where(f => (f.Status != QaFormStatus.Finished && f.Status != QaFormStatus.Cancelled) || f.DueAt == null)
            .ToListAsync(cancellationToken);
        var ids = forms.Select(f => f.Id).ToList();
        var pauses = (await db.Set<QaPause>().AsNoTracking().Where(p => ids.Contains(p.FormId)).ToListAsync(cancellationToken))
            .ToLookup(p => p.FormId);
        var changed = 0;
        foreach (var form in forms)
        {
            var before = form.DueAt;
            QaClock.Apply(set, form, pauses[form.Id].ToList());
            if (form.DueAt != before)
            {
                form.Version++;
                form.AtRiskNotifiedAt = null;
                changed++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }
}
