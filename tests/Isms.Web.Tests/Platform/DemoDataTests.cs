using Isms.Web.Features.Availability;
using Isms.Web.Features.Availability.Probing;
using Isms.Web.Features.Organisation;
using Isms.Web.Features.People;
using Isms.Web.Platform.Demo;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.Web.Tests.Platform;

/// The demonstration organisation (`isms demo seed`, `--demo`): complete, and added only once.
public abstract class DemoDataTests(IsmsApp app)
{
    private async Task<bool> SeedAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Seed_Twice_AddsACompleteOrganisationOnce()
    {
        Assert.True(await SeedAsync());
        var persons = await app.QueryAsync(db => db.Set<Person>().CountAsync());

        Assert.False(await SeedAsync());

        Assert.Equal(persons, await app.QueryAsync(db => db.Set<Person>().CountAsync()));
        Assert.True(persons >= 200, $"{persons} persons");
        var codes = await app.QueryAsync(db => db.Set<Unit>().Select(u => u.Code).ToListAsync());
        Assert.Subset(codes.ToHashSet(), new HashSet<string> { "DG", "KLC", "TPC", "TCC", "KHC" });
        Assert.Equal(3, await app.QueryAsync(db => db.Set<Vendor>().CountAsync()));
        var kinds = await app.QueryAsync(db => db.Set<Person>().Select(p => p.Kind).Distinct().ToListAsync());
        Assert.Equal(Enum.GetValues<PersonKind>().Order(), kinds.Order());
        var vendorStaffWithoutVendor = await app.QueryAsync(db => db.Set<Person>().CountAsync(p => p.Kind == PersonKind.VendorStaff && p.VendorId == null));
        Assert.Equal(0, vendorStaffWithoutVendor);

        // The seeded data reads through the API like any other.
        var auditor = await app.ClientAsync(Roles.Auditor);
        var all = await auditor.ListPersonsAsync("", pageSize: 10, status: "All");
        Assert.Equal(persons, all.Total);

        // A year of availability behind the five services of the Cargo Clearance Automation System (issue 5).
        var status = await auditor.GetAsync<List<ServiceStatus>>("/api/v1/availability/status");
        Assert.Equal(5, status.Count);
        Assert.All(status, s => Assert.Equal(AvailabilityReads.StatusDays, s.Days.Count));
        Assert.Contains(status, s => s.Maintenance.Count > 0);
        var portal = status.Single(s => s.Name == "Customs-Port-Trade Single Window portal");
        var today = Api.TodayInTaipei();
        var year = await auditor.GetAsync<ServiceFiguresResponse>($"/api/v1/availability/services/{portal.Id}?from={today.AddDays(-364):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        Assert.InRange(year.OutageCount, 5, 20);
        Assert.True(year.PlannedSeconds >= 11 * 7_200, $"{year.PlannedSeconds} s planned");
        Assert.True(year.UnknownSeconds >= 2_400, $"{year.UnknownSeconds} s unknown");
        Assert.NotNull(year.Availability);
        var hours = await app.QueryAsync(db => db.Set<MonitorRollup>().CountAsync(r => r.Size == Isms.Core.Availability.RollupSize.Hour));
        Assert.InRange(hours, 5 * 8_700, 5 * 8_800);

        // Two years of security reports (issue 6): mostly weaknesses and rejected reports, a few graded
        // incidents with timelines, drills counted apart, the objective met.
        var reports = await auditor.GetAsync<List<Isms.Web.Features.Incidents.ReportResponse>>("/api/v1/incidents/reports?take=1000");
        Assert.InRange(reports.Count, 40, 120);
        Assert.Subset(reports.Select(r => r.ReportedAt.Year).ToHashSet(), new HashSet<int> { 2025, 2026 });
        var confirmed = reports.Where(r => r.Status == Isms.Web.Features.Incidents.ReportStatus.Confirmed).ToList();
        Assert.InRange(confirmed.Count, 4, 8);
        Assert.True(reports.Count(r => r.Status is Isms.Web.Features.Incidents.ReportStatus.Rejected or Isms.Web.Features.Incidents.ReportStatus.Actioned) > confirmed.Count * 3);
        Assert.Contains(confirmed, r => r.Major == true && r.ClosedAt != null);
        Assert.Equal(2, confirmed.Count(r => r.Drill));
        var major = await auditor.GetAsync<Isms.Web.Features.Incidents.IncidentDetailsResponse>($"/api/v1/incidents/reports/{confirmed.First(r => r.Major == true).Number}/details");
        Assert.True(major.Timeline.Count >= 4);
        Assert.NotNull(major.Investigation.RootCause);
        Assert.NotNull(major.OutageId);
        var h2 = await auditor.GetAsync<Isms.Web.Features.Incidents.ObjectiveResponse>("/api/v1/incidents/objective?year=2025&half=2");
        Assert.True(h2.Met);
        Assert.Equal(1, h2.Drills);
        Assert.True(await app.QueryAsync(db => db.Set<Isms.Web.Features.Incidents.Sanction>().CountAsync()) >= 1);
    }
}

public sealed class DemoDataTestsOnSqlite(SqliteApp app) : DemoDataTests(app), IClassFixture<SqliteApp>;

public sealed class DemoDataTestsOnPostgres(PostgresApp app) : DemoDataTests(app), IClassFixture<PostgresApp>;
