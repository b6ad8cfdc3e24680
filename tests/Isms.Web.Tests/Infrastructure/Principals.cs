using System.Net;
using Isms.Core.Access;
using Isms.Web.Data;
using Isms.Web.Features.Access;
using Isms.Web.Features.Accounts;
using Isms.Web.Features.Documents;
using Isms.Web.Features.Organisation;
using Isms.Web.Features.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.Web.Tests.Infrastructure;

/// Who a test signs in as: roles, the person record behind the account (unit, vendor,
/// clearance, agreement) and unit scopes of roles.
public sealed record Principal(params string[] Roles)
{
    /// Set to know the account's name; a unique one is made otherwise.
    public string? UserName { get; init; }

    public int? UnitId { get; init; }

    public int? VendorId { get; init; }

    public int Clearance { get; init; }

    public bool AgreementSigned { get; init; } = true;

    public IReadOnlyDictionary<string, int[]> Scopes { get; init; } = new Dictionary<string, int[]>();
}

/// Builds the organisation and the principals of access tests straight in the database, so the
/// arrangement does not depend on the access rules under test.
public static class Principals
{
    public static async Task<HttpClient> ClientAsAsync(this IsmsApp app, Principal principal)
    {
        var userName = principal.UserName ?? "user-" + Guid.NewGuid().ToString("N")[..12];
        var account = await app.CreateUserAsync(userName, principal.Roles);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IsmsDbContext>();
            if (principal.UnitId is { } unitId)
            {
                var person = new Person
                {
                    FullName = userName,
                    JobFunction = "Tester",
                    Kind = principal.VendorId is null ? PersonKind.Employee : PersonKind.VendorStaff,
                    UnitId = unitId,
                    VendorId = principal.VendorId,
                    ActiveFrom = new DateOnly(2020, 1, 1),
                    AccountId = account.Id,
                    Clearance = principal.Clearance,
                    AgreementSigned = principal.AgreementSigned,
                };
                person.RefreshSearchText();
                db.Add(person);
            }

            foreach (var (role, units) in principal.Scopes)
            {
                db.AddRange(units.Select(u => new RoleScope { AccountId = account.Id, Role = role, UnitId = u }));
            }

            await db.SaveChangesAsync();
        }

        var client = app.AnonymousClient();
        using var response = await IsmsApp.SignInAsync(client, userName, IsmsApp.Password);
        await response.ExpectAsync(HttpStatusCode.OK);
        return client;
    }

    public static async Task<int> AddUnitAsync(this IsmsApp app, int? parentId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IsmsDbContext>();
        var unit = new Unit { Code = Api.Unique("U"), Name = "Unit " + Api.Unique(), Kind = UnitKind.Section, ParentId = parentId };
        db.Add(unit);
        await db.SaveChangesAsync();
        return unit.Id;
    }

    public static async Task<int> AddVendorAsync(this IsmsApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IsmsDbContext>();
        var vendor = new Vendor { Name = "Vendor " + Api.Unique(), Kind = VendorKind.ContractSigned };
        db.Add(vendor);
        await db.SaveChangesAsync();
        return vendor.Id;
    }

    public static async Task<int> AddDocumentAsync(this IsmsApp app, string reference, int unitId, int level, RecordAudience audience, int? vendorId = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IsmsDbContext>();
        var document = new Document { Reference = "", Title = "", CreatedAt = TimeProvider.System.GetUtcNow(), UpdatedAt = TimeProvider.System.GetUtcNow() };
        document.Assign(new DocumentInput
        {
            Reference = reference,
            Title = "Title of " + reference,
            OwnerUnitId = unitId,
            Classification = level,
            Audience = audience,
            VendorId = vendorId,
        });
        db.Add(document);
        await db.SaveChangesAsync();
        return document.Id;
    }

    public static async Task<Guid> AccountIdAsync(this IsmsApp app, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().FindByNameAsync(userName))!.Id;
    }
}
