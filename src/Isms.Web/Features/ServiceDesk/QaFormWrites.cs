using Isms.Core;
using Isms.Core.Access;
using Isms.Core.Calendars;
using Isms.Web.Data;
using Isms.Web.Features.Access;
using Isms.Web.Features.Calendar;
using Isms.Web.Features.People;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Files;
using Isms.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.ServiceDesk;

/// Receiving a form: who asked, when it arrived, which rule its clock follows, its number.
public sealed class QaFormWrites(
    IsmsDbContext db,
    Caller caller,
    QaFormAccess access,
    Today today,
    AgencyTime agency,
    WorkingCalendars calendars,
    ServiceDeskSettings settings,
    QaAttachments attachments,
    Classifications classifications,
    IStringLocalizer<SharedResource> text)
{
    public async Task<QaForm> SubmitAsync(QaFormInput input, IReadOnlyList<UploadedFile> files, QaChannel through, CancellationToken cancellationToken)
    {
        var now = QaClock.Second(today.Now);
        var errors = new FieldErrors();
        var requester = await RequesterAsync(input, errors, cancellationToken);
        var category = await db.Set<QaCategory>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == input.CategoryId && c.IsActive, cancellationToken);
        if (category is null)
        {
            errors.Add(nameof(input.CategoryId), text["Choose a category."]);
        }

        var receivedAt = now;
        if ((input.ReceivedAt is not null || (input.Channel is { } channel && channel != through)) && !access.IsDesk)
        {
            errors.Add(nameof(input.ReceivedAt), text["Only the service desk records when and how a form was received."]);
        }
        else if (input.ReceivedAt is { } given)
        {
            receivedAt = QaClock.Second(given);
            if (receivedAt > now)
            {
                errors.Add(nameof(input.ReceivedAt), text["The time of receipt cannot be in the future."]);
            }
        }

        var checkedFiles = SafeCheck(files, errors, now);
        errors.ThrowIfAny();

        var setting = await settings.InForceAtAsync(receivedAt, cancellationToken);
        var location = setting.DeskUnitId is { } deskUnit
            ? await db.Set<Organisation.Unit>().Where(u => u.Id == deskUnit).Select(u => u.Location).SingleOrDefaultAsync(cancellationToken)
            : null;
        var local = agency.ToLocal(receivedAt);
        var form = new QaForm
        {
            Number = "",
            Year = local.Year,
            Month = local.Month,
            RequesterId = requester!.Id,
            OwnerUnitId = requester.UnitId,
            VendorId = requester.VendorId,
            CreatedById = requester.AccountId,
            RecordedById = caller.AccountId,
            Module = input.Module.Trim(),
            CategoryId = category!.Id,
            Subject = input.Subject.Trim(),
            Description = input.Description.Trim(),
            Channel = access.IsDesk ? input.Channel ?? through : through,
            ReceivedAt = receivedAt,
            HandlingUnitId = setting.DeskUnitId,
            ClockLocation = location,
            Rule = category.Rule,
            TargetDays = setting.TargetDays,
            DayStart = setting.DayStart,
            DayEnd = setting.DayEnd,
            PauseWhileWaiting = setting.PauseWhileWaiting,
            Status = QaFormStatus.Received,
            // Readable by the requester: never above what they themselves may read.
            Classification = Math.Clamp(classifications.Scale.EffectiveClearance(requester.Clearance, requester.AgreementSigned), ClassificationScale.Lowest, ClassificationScale.Lowest + 1),
            Audience = RecordAudience.Restricted,
            CreatedAt = now,
            UpdatedAt = now,
        };
        QaClock.Apply(await calendars.LoadAsync(cancellationToken), form, []);

        for (var attempt = 1; ; attempt++)
        {
            form.Sequence = 1 + (await db.Set<QaForm>().Where(f => f.Year == form.Year).MaxAsync(f => (int?)f.Sequence, cancellationToken) ?? 0);
            form.Number = $"QA-{form.Year}-{form.Sequence:D6}";
            form.RefreshSearchText();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                db.Add(form);
                await db.SaveChangesAsync(cancellationToken);
                foreach (var file in checkedFiles)
                {
                    file.FormId = form.Id;
                    db.Add(file);
                }

                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return form;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another form took the number meanwhile (another node): take the next one.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }
    }

    private IReadOnlyList<QaAttachment> SafeCheck(IReadOnlyList<UploadedFile> files, FieldErrors errors, DateTimeOffset now)
    {
        try
        {
            return attachments.Check(files, caller.AccountId, now);
        }
        catch (InputRejectedException rejected)
        {
            foreach (var (field, messages) in rejected.Errors)
            {
                foreach (var message in messages)
                {
                    errors.Add(field, message);
                }
            }

            return [];
        }
    }

    private async Task<Person?> RequesterAsync(QaFormInput input, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (input.RequesterId is { } requesterId && requesterId != 0)
        {
            var own = caller.AccountId is { } accountId && await db.Set<Person>().AnyAsync(p => p.Id == requesterId && p.AccountId == accountId, cancellationToken);
            if (!access.IsDesk && !own)
            {
                errors.Add(nameof(input.RequesterId), text["Only the service desk records a form for someone else."]);
                return null;
            }

            var person = await db.Set<Person>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == requesterId, cancellationToken);
            if (person is null || (person.ActiveTo is { } to && to < today.Date))
            {
                errors.Add(nameof(input.RequesterId), text["Choose an active person as the requester."]);
                return null;
            }

            return person;
        }

        var self = caller.AccountId is { } id ? await db.Set<Person>().AsNoTracking().SingleOrDefaultAsync(p => p.AccountId == id, cancellationToken) : null;
        if (self is null)
        {
            errors.Add(nameof(input.RequesterId), text["Your account is not linked to a person: ask the service desk to record the form for you."]);
        }

        return self;
    }

    /// A refused state change in the reader's language.
    internal static RuleViolationException Localized(RuleViolationException refused, IStringLocalizer text) =>
        new(refused.Code, text[refused.Message], refused.IsConflict);
}
