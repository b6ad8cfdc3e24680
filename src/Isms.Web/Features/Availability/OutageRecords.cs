using Isms.Core;
using Isms.Web.Data;
using Isms.Web.Features.Access;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Availability;

/// Outages recorded by hand and the security officer's judgement on every outage: confirm it,
/// change its times or cause (with the reason, which the audit trail keeps), or find it was not the
/// service's fault.
public sealed class OutageRecords(IsmsDbContext db, Caller caller, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public async Task<IReadOnlyList<OutageResponse>> ListAsync(int? serviceId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var outages = db.Set<Outage>().AsNoTracking().Where(o => o.Start < to && (o.End == null || o.End > from));
        if (serviceId is { } id)
        {
            outages = outages.Where(o => db.Set<OutageService>().Any(s => s.OutageId == o.Id && s.ServiceId == id));
        }

        var rows = await outages.OrderByDescending(o => o.Start).Take(1000).ToListAsync(cancellationToken);
        return await ResponsesAsync(rows, cancellationToken);
    }

    public async Task<OutageResponse?> FindAsync(int id, CancellationToken cancellationToken) =>
        await db.Set<Outage>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken) is { } outage
            ? (await ResponsesAsync([outage], cancellationToken))[0] : null;

    public async Task<OutageResponse> RecordAsync(OutageInput input, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        if (input.Start > now)
        {
            errors.Add(nameof(input.Start), text["An outage cannot start in the future."]);
        }

        if (input.End > now)
        {
            errors.Add(nameof(input.End), text["An outage cannot end in the future: leave the end empty while it goes on."]);
        }

        var ids = input.ServiceIds.Distinct().ToList();
        if (await db.Set<AvailabilityService>().CountAsync(s => ids.Contains(s.Id), cancellationToken) != ids.Count)
        {
            errors.Add(nameof(input.ServiceIds), text["Choose services from the list."]);
        }

        errors.ThrowIfAny();
        var outage = new Outage
        {
            Source = OutageSource.Recorded,
            Start = input.Start.ToUniversalTime(),
            End = input.End?.ToUniversalTime(),
            Cause = input.Cause.Trim(),
            Confirmed = true,
            RecordedById = caller.AccountId,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(outage);
        await db.SaveChangesAsync(cancellationToken);
        db.AddRange(ids.Select(id => new OutageService { OutageId = outage.Id, ServiceId = id }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await FindAsync(outage.Id, cancellationToken))!;
    }

    public async Task<OutageResponse> ChangeAsync(int id, OutageChangeInput input, CancellationToken cancellationToken)
    {
        var outage = await LoadAsync(id, input.Version, cancellationToken);
        var now = clock.GetUtcNow();
        if (input.Start > now || input.End > now)
        {
            throw InputRejectedException.For(input.Start > now ? nameof(input.Start) : nameof(input.End), text["An outage cannot start or end in the future."]);
        }

        if (outage.Source == OutageSource.Detected && outage.End is not null && input.End is null)
        {
            // Nothing would close it again: the service would stay down for good.
            throw InputRejectedException.For(nameof(input.End), text["The probes closed this outage: give its end."]);
        }

        if (outage.Source == OutageSource.Detected && outage.End is null && input.End is not null)
        {
            // The probes end a detected outage; a hand-set end would be overwritten by the next failure.
            throw InputRejectedException.For(nameof(input.End), text["The probes end this outage at their next success."]);
        }

        outage.Start = input.Start.ToUniversalTime();
        outage.End = outage.Source == OutageSource.Detected && outage.End is null ? null : input.End?.ToUniversalTime();
        outage.Cause = string.IsNullOrWhiteSpace(input.Cause) ? outage.Cause : input.Cause.Trim();
        outage.ChangeReason = input.Reason.Trim();
        outage.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return (await FindAsync(id, cancellationToken))!;
    }

    public async Task<OutageResponse> ConfirmAsync(int id, int version, CancellationToken cancellationToken)
    {
        var outage = await LoadAsync(id, version, cancellationToken);
        outage.Confirmed = true;
        outage.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return (await FindAsync(id, cancellationToken))!;
    }

    /// The probes' own side failed (their network, DNS): the time becomes unknown, not downtime.
    public async Task<OutageResponse> NotServiceFaultAsync(int id, OutageReasonInput input, bool notServiceFault, CancellationToken cancellationToken)
    {
        var outage = await LoadAsync(id, input.Version, cancellationToken);
        outage.NotServiceFault = notServiceFault;
        outage.Confirmed = true;
        outage.ChangeReason = input.Reason.Trim();
        outage.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return (await FindAsync(id, cancellationToken))!;
    }

    private async Task<Outage> LoadAsync(int id, int version, CancellationToken cancellationToken)
    {
        var outage = await db.Set<Outage>().SingleOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Outage", id);
        if (outage.Version != version)
        {
            throw new RuleViolationException("outage.stale", text["Someone else changed this meanwhile. Reload and try again."], isConflict: true);
        }

        return outage;
    }

    private async Task<IReadOnlyList<OutageResponse>> ResponsesAsync(IReadOnlyList<Outage> outages, CancellationToken cancellationToken)
    {
        var ids = outages.Select(o => o.Id).ToList();
        var services = (await db.Set<OutageService>().AsNoTracking().Where(s => ids.Contains(s.OutageId)).ToListAsync(cancellationToken))
            .ToLookup(s => s.OutageId, s => s.ServiceId);
        return outages.Select(o => new OutageResponse(o.Id, o.Source, o.MonitorId, services[o.Id].Order().ToList(), o.Start, o.End,
            o.End is { } end ? (long)(end - o.Start).TotalSeconds : null, o.Cause, o.Error, o.Confirmed, o.NotServiceFault, o.ChangeReason, o.Version)).ToList();
    }
}
