using Isms.Core;
using Isms.Core.Organisation;
using Isms.Web.Data;
using Isms.Web.Features.People;
using Isms.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Organisation;

public sealed class OrganisationWrites(IsmsDbContext db, UnitNames unitNames, IStringLocalizer<SharedResource> text)
{
    public async Task<Unit> SaveUnitAsync(int? id, UnitInput input, CancellationToken cancellationToken)
    {
        var unit = id is { } existing
            ? await db.Set<Unit>().SingleOrDefaultAsync(u => u.Id == existing, cancellationToken) ?? throw new RecordNotFoundException("Unit", existing)
            : new Unit { Code = "", Name = "" };
        CheckVersion(unit.Version, input.Version, id, "unit.stale");

        var errors = new FieldErrors();
        var code = input.Code.Trim().ToUpperInvariant();
        if (await db.Set<Unit>().AnyAsync(u => u.Code == code && u.Id != unit.Id, cancellationToken))
        {
            errors.Add(nameof(input.Code), text["Another unit has this code."]);
        }

        if (input.ParentId is { } parentId)
        {
            var parents = await db.Set<Unit>().AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ParentId, cancellationToken);
            if (!parents.ContainsKey(parentId))
            {
                errors.Add(nameof(input.ParentId), text["The parent unit does not exist."]);
            }
            else if (id is { } self && new UnitTree(parents).WouldCreateCycle(self, parentId))
            {
                errors.Add(nameof(input.ParentId), text["A unit cannot be placed inside itself."]);
            }
        }

        errors.ThrowIfAny();
        unit.Code = code;
        unit.Name = input.Name.Trim();
        unit.NameZh = Blank(input.NameZh);
        unit.Kind = input.Kind;
        unit.ParentId = input.ParentId;
        unit.Location = Blank(input.Location);
        unit.IsActive = input.IsActive;
        await SaveAsync(unit, id, cancellationToken);
        unitNames.Forget(unit.Id);
        return unit;
    }

    public async Task<Vendor> SaveVendorAsync(int? id, VendorInput input, CancellationToken cancellationToken)
    {
        var vendor = id is { } existing
            ? await db.Set<Vendor>().SingleOrDefaultAsync(v => v.Id == existing, cancellationToken) ?? throw new RecordNotFoundException("Vendor", existing)
            : new Vendor { Name = "" };
        CheckVersion(vendor.Version, input.Version, id, "vendor.stale");

        var name = input.Name.Trim();
        if (await db.Set<Vendor>().AnyAsync(v => v.Name == name && v.Id != vendor.Id, cancellationToken))
        {
            throw InputRejectedException.For(nameof(input.Name), text["Another vendor has this name."]);
        }

        vendor.Name = name;
        vendor.Kind = input.Kind;
        vendor.ContractNumber = Blank(input.ContractNumber);
        vendor.ContractStart = input.ContractStart;
        vendor.ContractEnd = input.ContractEnd;
        vendor.ContactName = Blank(input.ContactName);
        vendor.ContactEmail = Person.NormalizeEmail(input.ContactEmail);
        vendor.ContactPhone = Blank(input.ContactPhone);
        vendor.IsActive = input.IsActive;
        await SaveAsync(vendor, id, cancellationToken);
        return vendor;
    }

    public async Task<Responsibility> AssignAsync(ResponsibilityInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!await db.Set<Person>().AnyAsync(p => p.Id == input.PersonId, cancellationToken))
        {
            errors.Add(nameof(input.PersonId), text["The person does not exist."]);
        }

        if (!await db.Set<Unit>().AnyAsync(u => u.Id == input.UnitId, cancellationToken))
        {
            errors.Add(nameof(input.UnitId), text["The unit does not exist."]);
        }

        errors.ThrowIfAny();
        var responsibility = new Responsibility { PersonId = input.PersonId, UnitId = input.UnitId, Kind = input.Kind, From = input.From!.Value, To = input.To };
        db.Add(responsibility);
        await db.SaveChangesAsync(cancellationToken);
        return responsibility;
    }

    public async Task EndAsync(int id, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var responsibility = await db.Set<Responsibility>().SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new RecordNotFoundException("Responsibility", id);
        if (responsibility.To is null || responsibility.To > lastDay)
        {
            responsibility.To = lastDay < responsibility.From ? responsibility.From : lastDay;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private void CheckVersion(int current, int given, int? id, string code)
    {
        if (id is not null && current != given)
        {
            throw new RuleViolationException(code, text["Someone else changed this record meanwhile. Reload and try again."], isConflict: true);
        }
    }

    private async Task SaveAsync<T>(T entity, int? id, CancellationToken cancellationToken)
        where T : class
    {
        if (id is null)
        {
            db.Add(entity);
        }
        else
        {
            db.Entry(entity).Property<int>("Version").CurrentValue++;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
