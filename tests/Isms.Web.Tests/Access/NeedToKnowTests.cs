using System.Net;
using System.Text.Json.Nodes;
using Isms.Core.Access;
using Isms.Web.Features.Audit;
using Isms.Web.Features.Documents;
using Isms.Web.Features.People;
using Isms.Web.Platform.Paging;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Tests.Access;

/// Need-to-know (policy IV.C.2.a–b) through the document register: who sees which record, through
/// every way out (list, search, count, detail, export, API), and who may change it.
public abstract class NeedToKnowTests(IsmsApp app) : IAsyncLifetime
{
    private const int Public = 0, Internal = 1, Sensitive = 2, Confidential = 3;

    private string _tag = "";
    private int _root, _keelung, _keelungOps, _taichung, _vendor1, _vendor2;
    private readonly Dictionary<string, int> _documents = [];

    public async Task InitializeAsync()
    {
        _tag = Api.Unique("NTK");
        _root = await app.AddUnitAsync(null);
        _keelung = await app.AddUnitAsync(_root);
        _keelungOps = await app.AddUnitAsync(_keelung);
        _taichung = await app.AddUnitAsync(_root);
        _vendor1 = await app.AddVendorAsync();
        _vendor2 = await app.AddVendorAsync();
        foreach (var (name, unit, level, audience, vendor) in new (string, int, int, RecordAudience, int?)[]
        {
            ("public", _root, Public, RecordAudience.Everyone, null),
            ("internal", _root, Internal, RecordAudience.Everyone, null),
            ("confidential", _root, Confidential, RecordAudience.Everyone, null),
            ("keelung", _keelung, Internal, RecordAudience.Restricted, null),
            ("keelung-members", _keelung, Internal, RecordAudience.OwnerUnitMembers, null),
            ("taichung", _taichung, Internal, RecordAudience.Restricted, null),
            ("vendor1", _root, Internal, RecordAudience.Restricted, _vendor1),
            ("vendor2", _root, Internal, RecordAudience.Restricted, _vendor2),
        })
        {
            _documents[name] = await app.AddDocumentAsync($"{_tag}-{name}", unit, level, audience, vendor);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<List<string>> SeenAsync(HttpClient client)
    {
        var page = await client.GetAsync<Page<DocumentResponse>>($"/api/v1/documents?q={_tag}&page=1&pageSize=100");
        Assert.Equal(page.Items.Count, page.Total);
        return page.Items.Select(d => d.Reference[(_tag.Length + 1)..]).Order().ToList();
    }

    public static TheoryData<string, string[]> WhoSeesWhat => new()
    {
        { "staff-internal", ["internal", "keelung-members", "public"] },
        { "staff-unsigned", ["public"] },
        { "manager-keelung", ["internal", "keelung", "keelung-members", "public"] },
        { "manager-taichung", ["internal", "public", "taichung"] },
        { "vendor1", ["internal", "public", "vendor1"] },
        { "officer", ["confidential", "internal", "keelung", "keelung-members", "public", "taichung", "vendor1", "vendor2"] },
        { "officer-scoped-taichung", ["confidential", "internal", "public", "taichung"] },
        { "auditor-sensitive", ["internal", "keelung", "keelung-members", "public", "taichung", "vendor1", "vendor2"] },
        { "administrator", ["public"] },
    };

    private Principal Who(string name) => name switch
    {
        "staff-internal" => new Principal(Roles.Staff) { UnitId = _keelungOps, Clearance = Internal },
        "staff-unsigned" => new Principal(Roles.Staff) { UnitId = _keelungOps, Clearance = Confidential, AgreementSigned = false },
        "manager-keelung" => new Principal(Roles.Manager) { UnitId = _keelung, Clearance = Sensitive },
        "manager-taichung" => new Principal(Roles.Manager) { UnitId = _taichung, Clearance = Sensitive },
        "vendor1" => new Principal(Roles.Vendor) { UnitId = _root, VendorId = _vendor1, Clearance = Internal },
        "officer" => new Principal(Roles.SecurityOfficer) { UnitId = _root, Clearance = Confidential },
        "officer-scoped-taichung" => new Principal(Roles.SecurityOfficer) { UnitId = _root, Clearance = Confidential, Scopes = new Dictionary<string, int[]> { [Roles.SecurityOfficer] = [_taichung] } },
        "auditor-sensitive" => new Principal(Roles.Auditor) { UnitId = _root, Clearance = Sensitive },
        "administrator" => new Principal(Roles.Administrator),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(WhoSeesWhat))]
    public async Task List_ShowsExactlyTheRecordsOfClearanceAndScope(string who, string[] expected)
    {
        var client = await app.ClientAsAsync(Who(who));

        Assert.Equal(expected.Order().ToList(), await SeenAsync(client));
    }

    [Fact]
    public async Task ConfidentialRecord_StaffWithInternalClearance_LeaksThroughNoWayOut()
    {
        var staff = await app.ClientAsAsync(Who("staff-internal"));
        var id = _documents["confidential"];
        var title = $"Title of {_tag}-confidential";

        var list = await staff.GetStringAsync($"/api/v1/documents?page=1&pageSize=200&q={_tag}");
        var search = await staff.GetAsync<Page<DocumentResponse>>($"/api/v1/documents?page=1&pageSize=10&q={Uri.EscapeDataString(title)}");
        using var detail = await staff.GetAsync($"/api/v1/documents/{id}");
        var export = await staff.GetStringAsync($"/api/v1/documents/export.csv?q={_tag}");
        var page = await staff.GetStringAsync($"/Documents?q={_tag}");
        using var detailPage = await staff.GetAsync($"/Documents/Details/{id}");

        Assert.DoesNotContain(title, list, StringComparison.Ordinal);
        Assert.Equal(0, search.Total);
        await detail.ExpectAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(title, export, StringComparison.Ordinal);
        Assert.Contains($"Title of {_tag}-internal", export, StringComparison.Ordinal);
        Assert.DoesNotContain(title, page, StringComparison.Ordinal);
        Assert.Contains("3 documents", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, detailPage.StatusCode);
    }

    [Fact]
    public async Task OutOfScopeAttempts_AreSecurityEventsInTheAuditTrail_AndExportsAreRecorded()
    {
        var userName = "probing-" + Api.Unique();
        var manager = await app.ClientAsAsync(Who("manager-keelung") with { UserName = userName });
        var hidden = _documents["taichung"].ToString(System.Globalization.CultureInfo.InvariantCulture);
        var shared = _documents["internal"].ToString(System.Globalization.CultureInfo.InvariantCulture);

        (await manager.GetAsync($"/api/v1/documents/{hidden}")).Dispose();
        (await manager.GetAsync($"/Documents/Details/{hidden}")).Dispose();
        (await manager.PutJsonAsync($"/api/v1/documents/{shared}", Body(_root, Internal, $"{_tag}-internal"))).Dispose();
        (await manager.GetAsync($"/api/v1/documents/export.csv?q={_tag}")).Dispose();

        var events = await app.QueryAsync(db => db.Set<AuditEntry>().Where(e => e.ActorName == userName)
            .OrderBy(e => e.Sequence).Select(e => new { e.Action, e.EntityType, e.EntityId }).ToListAsync());
        Assert.Equal(2, events.Count(e => e.Action == AuditActions.NotFound && e.EntityId == hidden));
        Assert.Single(events, e => e.Action == AuditActions.Forbidden && e.EntityId == shared);
        Assert.Single(events, e => e.Action == AuditActions.Export && e.EntityType == "Document");
    }

    [Fact]
    public async Task AuditTrail_ShowsAClassifiedRecordsFieldsOnlyToThoseWhoMaySeeIt()
    {
        var auditor = await app.ClientAsAsync(Who("auditor-sensitive"));
        var officer = await app.ClientAsAsync(Who("officer"));
        var id = _documents["confidential"];
        var title = $"Title of {_tag}-confidential";
        var url = $"/api/v1/audit?entityType=Document&entityId={id}&page=1&pageSize=10";

        var hidden = await auditor.GetStringAsync(url);
        var export = await auditor.GetStringAsync($"/api/v1/audit/export.csv?entityType=Document&entityId={id}");
        var page = await auditor.GetStringAsync($"/Audit?entityType=Document&entityId={id}");
        var shown = await officer.GetStringAsync(url);

        Assert.Contains("\u0022redacted\u0022", hidden + export.Replace("\"", "\u0022", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(title, hidden, StringComparison.Ordinal);
        Assert.DoesNotContain(title, export, StringComparison.Ordinal);
        Assert.DoesNotContain(title, page, StringComparison.Ordinal);
        Assert.Contains(title, shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clearance_NobodyRaisesTheirOwnGrantsAboveTheirsOrReachesOutsideTheirUnits()
    {
        var name = "officer-" + Api.Unique();
        var officer = await app.ClientAsAsync(Who("officer-scoped-taichung") with { UserName = name, Clearance = Sensitive });
        var own = await app.QueryAsync(db => db.Set<Person>().Where(p => p.FullName == name).Select(p => p.Id).SingleAsync());
        var admin = await app.ClientAsync(Roles.Administrator);
        var inTaichung = await admin.CreatePersonAsync(Api.PersonBody(_taichung));
        var inKeelung = await admin.CreatePersonAsync(Api.PersonBody(_keelung));
        JsonObject Body(int level) => new() { ["clearance"] = level, ["agreementSigned"] = true };

        using var self = await officer.PutJsonAsync($"/api/v1/persons/{own}/clearance", Body(Confidential));
        using var above = await officer.PutJsonAsync($"/api/v1/persons/{inTaichung.Id}/clearance", Body(Confidential));
        using var outside = await officer.PutJsonAsync($"/api/v1/persons/{inKeelung.Id}/clearance", Body(Internal));
        using var fine = await officer.PutJsonAsync($"/api/v1/persons/{inTaichung.Id}/clearance", Body(Sensitive));

        await self.ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal(["Clearance"], await above.ErrorFieldsAsync());
        await outside.ExpectAsync(HttpStatusCode.NotFound);
        await fine.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task People_ScopedOfficerCannotChangeAnotherUnitsPerson()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var inKeelung = await admin.CreatePersonAsync(Api.PersonBody(_keelung));
        var officer = await app.ClientAsAsync(Who("officer-scoped-taichung"));

        using var deactivate = await officer.PostAsync($"/api/v1/persons/{inKeelung.Id}/deactivate", null);
        var body = Api.PersonBody(_keelung);
        body["version"] = inKeelung.Version;
        using var update = await officer.PutJsonAsync($"/api/v1/persons/{inKeelung.Id}", body);

        await deactivate.ExpectAsync(HttpStatusCode.NotFound);
        await update.ExpectAsync(HttpStatusCode.NotFound);
        Assert.Null(await app.QueryAsync(db => db.Set<Person>().Where(p => p.Id == inKeelung.Id).Select(p => p.ActiveTo).SingleAsync()));
    }

    [Fact]
    public async Task Detail_OfAnotherUnitsRestrictedRecord_Is404LikeAMissingOne()
    {
        var manager = await app.ClientAsAsync(Who("manager-keelung"));

        using var other = await manager.GetAsync($"/api/v1/documents/{_documents["taichung"]}");
        using var own = await manager.GetAsync($"/api/v1/documents/{_documents["keelung"]}");

        await other.ExpectAsync(HttpStatusCode.NotFound);
        await own.ExpectAsync(HttpStatusCode.OK);
    }

    private JsonObject Body(int unit, int level, string? reference = null, int version = 0) => new()
    {
        ["reference"] = reference ?? Api.Unique(_tag + "-new"),
        ["title"] = "A procedure",
        ["kind"] = "Procedure",
        ["ownerUnitId"] = unit,
        ["classification"] = level,
        ["audience"] = "Restricted",
        ["version"] = version,
    };

    [Fact]
    public async Task Update_OtherUnitsRecord_Is404AndVisibleButNotOwned_Is403()
    {
        var manager = await app.ClientAsAsync(Who("manager-keelung"));

        using var hidden = await manager.PutJsonAsync($"/api/v1/documents/{_documents["taichung"]}", Body(_taichung, Internal, $"{_tag}-taichung"));
        using var shared = await manager.PutJsonAsync($"/api/v1/documents/{_documents["internal"]}", Body(_root, Internal, $"{_tag}-internal"));
        using var own = await manager.PutJsonAsync($"/api/v1/documents/{_documents["keelung"]}", Body(_keelung, Internal, $"{_tag}-keelung"));

        await hidden.ExpectAsync(HttpStatusCode.NotFound);
        await shared.ExpectAsync(HttpStatusCode.Forbidden);
        await own.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Create_OutsideOwnUnitsOrAboveOwnClearance_IsAFieldErrorAndStoresNothing()
    {
        var manager = await app.ClientAsAsync(Who("manager-keelung"));

        using var otherUnit = await manager.PostJsonAsync("/api/v1/documents", Body(_taichung, Internal));
        using var tooHigh = await manager.PostJsonAsync("/api/v1/documents", Body(_keelungOps, Confidential));
        using var noSuchLevel = await manager.PostJsonAsync("/api/v1/documents", Body(_keelungOps, 99));
        using var fine = await manager.PostJsonAsync("/api/v1/documents", Body(_keelungOps, Sensitive));

        Assert.Equal(["OwnerUnitId"], await otherUnit.ErrorFieldsAsync());
        Assert.Equal(["Classification"], await tooHigh.ErrorFieldsAsync());
        Assert.Equal(["Classification"], await noSuchLevel.ErrorFieldsAsync());
        var created = await fine.ReadAsync<DocumentResponse>(HttpStatusCode.Created);
        Assert.Equal("Sensitive", created.ClassificationName);
    }

    [Theory]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Vendor)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Administrator)]
    public async Task Create_RoleWithoutDocumentsWrite_Is403(string role)
    {
        var client = await app.ClientAsAsync(new Principal(role) { UnitId = _keelung, Clearance = Confidential });

        using var response = await client.PostJsonAsync("/api/v1/documents", Body(_keelung, Internal));

        await response.ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AccountWithoutRoles_GetsNoRecords()
    {
        var client = await app.ClientAsAsync(new Principal() { UnitId = _root, Clearance = Confidential });

        using var response = await client.GetAsync($"/api/v1/documents?page=1&pageSize=10");

        await response.ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task People_ManagerSeesTheirUnitsPersonsOnly()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var inKeelung = await admin.CreatePersonAsync(Api.PersonBody(_keelungOps));
        var inTaichung = await admin.CreatePersonAsync(Api.PersonBody(_taichung));
        var manager = await app.ClientAsAsync(Who("manager-keelung"));

        var list = await manager.ListPersonsAsync($"q={Uri.EscapeDataString(inKeelung.FullName)}");
        var all = await manager.ListPersonsAsync("");
        using var other = await manager.GetAsync($"/api/v1/persons/{inTaichung.Id}");
        using var own = await manager.GetAsync($"/api/v1/persons/{inKeelung.Id}");
        var export = await manager.GetStringAsync("/api/v1/persons/export.csv");

        Assert.Single(list.Items);
        Assert.DoesNotContain(all.Items, p => p.UnitId == _taichung);
        await other.ExpectAsync(HttpStatusCode.NotFound);
        await own.ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(inTaichung.FullName, export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clearance_SetBySecurityOfficer_ChangesWhatThePersonSees()
    {
        var staff = await app.ClientAsAsync(Who("staff-unsigned"));
        var officer = await app.ClientAsAsync(Who("officer"));
        var admin = await app.ClientAsync(Roles.Administrator);
        var personId = (await app.QueryAsync(db => Task.FromResult(db.Set<Person>().Where(p => p.UnitId == _keelungOps && !p.AgreementSigned).Select(p => p.Id).ToList()))).Single();
        var body = new JsonObject { ["clearance"] = Internal, ["agreementSigned"] = true };

        using var byAdmin = await admin.PutJsonAsync($"/api/v1/persons/{personId}/clearance", body);
        Assert.Equal(["public"], await SeenAsync(staff));
        using var byOfficer = await officer.PutJsonAsync($"/api/v1/persons/{personId}/clearance", body);

        await byAdmin.ExpectAsync(HttpStatusCode.Forbidden);
        var result = await byOfficer.ReadAsync<JsonObject>();
        Assert.Equal(Internal, (int)result["effectiveClearance"]!);
        Assert.Equal(["internal", "keelung-members", "public"], await SeenAsync(staff));
    }

    [Fact]
    public async Task Roles_AdministratorScopesAManager_AndTheLastAdministratorKeepsTheRole()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var userName = "scoped-" + Api.Unique();
        var before = await app.ClientAsAsync(new Principal(Roles.Staff) { UserName = userName, UnitId = _keelungOps, Clearance = Internal });
        Assert.DoesNotContain("taichung", await SeenAsync(before));
        var account = new { Id = await app.AccountIdAsync(userName) };

        using var set = await admin.PutJsonAsync($"/api/v1/accounts/{account.Id}/roles", new JsonObject
        {
            ["roles"] = new JsonArray(new JsonObject { ["role"] = Roles.Manager, ["unitIds"] = new JsonArray(_taichung) }),
        });
        using var unknown = await admin.PutJsonAsync($"/api/v1/accounts/{account.Id}/roles", new JsonObject
        {
            ["roles"] = new JsonArray(new JsonObject { ["role"] = "Overlord" }),
        });

        var roles = await set.ReadAsync<JsonObject>();
        Assert.Equal(Roles.Manager, (string)roles["roles"]![0]!["role"]!);
        Assert.Equal(_taichung, (int)roles["roles"]![0]!["unitIds"]![0]!);
        Assert.Equal(["Roles"], await unknown.ErrorFieldsAsync());
        using var oldSession = await before.GetAsync("/api/v1/documents?page=1&pageSize=1");
        await oldSession.ExpectAsync(HttpStatusCode.Unauthorized); // a role change ends the account's sessions
        var manager = app.AnonymousClient();
        using var signIn = await IsmsApp.SignInAsync(manager, userName, IsmsApp.Password);
        await signIn.ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("taichung", await SeenAsync(manager));
    }
}

public sealed class NeedToKnowTestsOnSqlite(SqliteApp app) : NeedToKnowTests(app), IClassFixture<SqliteApp>;

public sealed class NeedToKnowTestsOnPostgres(PostgresApp app) : NeedToKnowTests(app), IClassFixture<PostgresApp>;
