using Isms.Core;
using Isms.Web.Data;
using Isms.Web.Features.Access;
using Isms.Web.Features.Calendar;
using Isms.Web.Features.People;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Files;
using Isms.Web.Platform.Security;
using Isms.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.ServiceDesk;

/// What happens to a form after it is received: assignment, the statuses, comments, attachments,
/// finishing, cancelling and reopening. Each is one audited save; the entity refuses illegal moves.
public sealed class QaFormHandling(
    IsmsDbContext db,
    Caller caller,
    QaFormAccess access,
    Today today,
    WorkingCalendars calendars,
    ServiceDeskSettings settings,
    QaAttachments attachments,
    QaNotifications notifications,
    IStringLocalizer<SharedResource> text)
{
    public async Task<QaForm> AssignAsync(string number, int assigneeId, CancellationToken cancellationToken)
    {
        var form = await DeskFormAsync(number, cancellationToken);
        var assignees = await QaAssignees.ListAsync(db, today.Date, cancellationToken);
        if (assignees.All(a => a.PersonId != assigneeId))
        {
            throw InputRejectedException.For("AssigneeId", text["Choose a service desk agent as the assignee."]);
        }

        await ChangeAsync(form, () => form.AssignTo(assigneeId, Now), cancellationToken, beforeSave: () => notifications.QueueAssignedAsync(form, cancellationToken));
        return form;
    }

    public async Task<QaForm> StartAsync(string number, CancellationToken cancellationToken)
    {
        var form = await DeskFormAsync(number, cancellationToken);
        await ChangeAsync(form, form.Start, cancellationToken);
        return form;
    }

    public async Task<QaForm> WaitAsync(string number, CancellationToken cancellationToken)
    {
        var form = await DeskFormAsync(number, cancellationToken);
        await ChangeAsync(form, () => form.WaitForRequester(Now), cancellationToken);
        return form;
    }

    public async Task<QaForm> ResumeAsync(string number, CancellationToken cancellationToken)
    {
        var form = await DeskFormAsync(number, cancellationToken);
        await ChangeAsync(form, () => KeepPause(form, form.Resume(Now)), cancellationToken);
        return form;
    }

    public async Task<QaForm> FinishAsync(string number, string resolution, CancellationToken cancellationToken)
    {
        var form = await DeskFormAsync(number, cancellationToken);
        await ChangeAsync(form, () => KeepPause(form, form.Finish(resolution.Trim(), Now)), cancellationToken);
        return form;
    }

    public async Task<QaForm> CancelAsync(string number, string reason, CancellationToken cancellationToken)
    {
        var form = await DeskFormAsync(number, cancellationToken);
        await ChangeAsync(form, () => form.Cancel(reason.Trim(), Now), cancellationToken);
        return form;
    }

    /// The desk, or the requester who is not satisfied, may reopen within the set number of days.
    public async Task<QaForm> ReopenAsync(string number, string reason, CancellationToken cancellationToken)
    {
        var form = await VisibleFormAsync(number, cancellationToken);
        if (!access.IsDesk && !await IsRequesterAsync(form, cancellationToken))
        {
            throw new AccessDeniedException(text["Only the service desk or the requester can reopen a form."]);
        }

        var reopenDays = (await settings.CurrentAsync(cancellationToken)).ReopenDays;
        await ChangeAsync(form, () => form.Reopen(Now, reopenDays), cancellationToken, new QaNoteInput { Text = reason, Internal = false });
        return form;
    }

    /// Anyone who may see the form comments on it; only the desk writes internal comments.
    public async Task<QaComment> CommentAsync(string number, QaNoteInput input, CancellationToken cancellationToken)
    {
        var form = await VisibleFormAsync(number, cancellationToken);
        if (input.Internal && !access.IsDesk)
        {
            throw InputRejectedException.For(nameof(input.Internal), text["Only the service desk writes internal comments."]);
        }

        var comment = await NewCommentAsync(form, input, cancellationToken);
        form.UpdatedAt = Now;
        form.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return comment;
    }

    public async Task<IReadOnlyList<QaAttachment>> AttachAsync(string number, IReadOnlyList<UploadedFile> files, CancellationToken cancellationToken)
    {
        var form = await VisibleFormAsync(number, cancellationToken);
        if (!access.IsDesk && !await IsRequesterAsync(form, cancellationToken))
        {
            throw new AccessDeniedException(text["Only the service desk or the requester can add files to a form."]);
        }

        var added = attachments.Check(files, caller.AccountId, Now);
        foreach (var file in added)
        {
            file.FormId = form.Id;
            db.Add(file);
        }

        form.UpdatedAt = Now;
        form.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    private DateTimeOffset Now => QaClock.Second(today.Now);

    private async Task ChangeAsync(QaForm form, Action change, CancellationToken cancellationToken, QaNoteInput? note = null, Func<Task>? beforeSave = null)
    {
        try
        {
            change();
        }
        catch (RuleViolationException refused)
        {
            throw QaFormWrites.Localized(refused, text);
        }

        var pauses = await db.Set<QaPause>().Where(p => p.FormId == form.Id).ToListAsync(cancellationToken);
        pauses.AddRange(db.ChangeTracker.Entries<QaPause>().Where(e => e.State == EntityState.Added && e.Entity.FormId == form.Id).Select(e => e.Entity));
        QaClock.Apply(await calendars.LoadAsync(cancellationToken), form, pauses);
        if (note is { Text.Length: > 0 })
        {
            await NewCommentAsync(form, note, cancellationToken);
        }

        form.UpdatedAt = Now;
        form.Version++;
        if (beforeSave is not null)
        {
            await beforeSave();
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private void KeepPause(QaForm form, (DateTimeOffset Start, DateTimeOffset End)? pause)
    {
        if (pause is { } kept)
        {
            db.Add(new QaPause { FormId = form.Id, Start = kept.Start, End = kept.End });
        }
    }

    private async Task<QaComment> NewCommentAsync(QaForm form, QaNoteInput input, CancellationToken cancellationToken)
    {
        var accountId = caller.AccountId;
        var author = await db.Set<Person>().Where(p => p.AccountId == accountId).Select(p => p.FullName).FirstOrDefaultAsync(cancellationToken)
            ?? caller.User.Identity?.Name ?? "?";
        var comment = new QaComment { FormId = form.Id, AuthorId = accountId, AuthorName = author, Body = input.Text.Trim(), Internal = input.Internal, CreatedAt = Now };
        db.Add(comment);
        return comment;
    }

    private async Task<bool> IsRequesterAsync(QaForm form, CancellationToken cancellationToken) =>
        caller.AccountId is { } accountId && await db.Set<Person>().AnyAsync(p => p.Id == form.RequesterId && p.AccountId == accountId, cancellationToken);

    private async Task<QaForm> VisibleFormAsync(string number, CancellationToken cancellationToken) =>
        await (await access.VisibleAsync(cancellationToken)).SingleOrDefaultAsync(f => f.Number == number, cancellationToken)
        ?? throw new RecordNotFoundException("Q&A form", number);

    private async Task<QaForm> DeskFormAsync(string number, CancellationToken cancellationToken)
    {
        if (!caller.IsInRole(Roles.ServiceDesk))
        {
            throw new AccessDeniedException(text["Only the service desk handles forms."]);
        }

        return await VisibleFormAsync(number, cancellationToken);
    }
}
