using System.Net;
using System.Text.Json.Nodes;
using Isms.Web.Features.Audit;
using Isms.Web.Features.Availability;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Isms.Web.Tests.ServiceDesk;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Tests.Availability;

/// The availability API with a clock the test sets (issue 5): services and monitors refuse bad
/// input and store nothing; hand-recorded outages, maintenance windows and the setting that decides
/// whether maintenance counts give the figures DESIGN.md §2 defines, to the second.
public abstract class AvailabilityApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : IsmsApp
{
    private static readonly TimeSpan Taipei = TimeSpan.FromHours(8);

    protected TApp App => app;

    protected abstract StoppedClock Clock { get; }

    [Theory]
    [InlineData("""{"kind":"Http","name":"portal","url":"https://portal.example/","intervalSeconds":4}""", "IntervalSeconds")]
    [InlineData("""{"kind":"Http","name":"portal"}""", "Url")]
    [InlineData("""{"kind":"Http","name":"portal","url":"ftp://portal.example/"}""", "Url")]
    [InlineData("""{"kind":"Http","name":"portal","url":"https://portal.example/","expectedStatus":"200-abc"}""", "ExpectedStatus")]
    [InlineData("""{"kind":"Http","name":"portal","url":"https://portal.example/","intervalSeconds":10,"timeoutSeconds":20}""", "TimeoutSeconds")]
    [InlineData("""{"kind":"Tcp","name":"gateway","host":"gateway.example","port":70000}""", "Port")]
    [InlineData("""{"kind":"Tcp","name":"gateway","port":443}""", "Host")]
    [InlineData("""{"kind":"Http","name":"portal","url":"https://portal.example/","failuresToOpen":0}""", "FailuresToOpen")]
    [InlineData("""{"kind":"Http","name":"","url":"https://portal.example/"}""", "Name")]
    public async Task Monitor_BadInput_400NamingTheFieldAndNothingStored(string json, string field)
    {
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var service = await CreateServiceAsync(officer);
        var body = JsonNode.Parse(json)!.AsObject();
        body["serviceId"] = service;
        var before = await app.QueryAsync(db => db.Set<ServiceMonitor>().CountAsync());
        using var response = await officer.PostJsonAsync("/api/v1/availability/monitors", body);
        Api.AssertNamesField(await response.ErrorFieldsAsync(), field);
        Assert.Equal(before, await app.QueryAsync(db => db.Set<ServiceMonitor>().CountAsync()));
    }

    [Fact]
    public async Task Monitor_UnknownService_400()
    {
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        using var response = await officer.PostJsonAsync("/api/v1/availability/monitors", new JsonObject { ["serviceId"] = 999_999, ["kind"] = "Tcp", ["name"] = "x", ["host"] = "db.example", ["port"] = 5432 });
        Api.AssertNamesField(await response.ErrorFieldsAsync(), "ServiceId");
    }

    [Fact]
    public async Task Monitor_CreatedAndChanged_WithTheFieldsOfTheIssue()
    {
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var service = await CreateServiceAsync(officer);
        using var created = await officer.PostJsonAsync("/api/v1/availability/monitors", new JsonObject
        {
            ["serviceId"] = service,
            ["kind"] = "tcp",
            ["name"] = "message gateway",
            ["host"] = "gateway.customs.example",
            ["port"] = 5671,
            ["intervalSeconds"] = 15,
            ["timeoutSeconds"] = 5,
            ["failuresToOpen"] = 3,
            ["critical"] = false,
        });
        // The kind as the issue spells it, in the request and in the answer.
        Assert.Equal("tcp", JsonNode.Parse(await created.Content.ReadAsStringAsync())!["kind"]!.GetValue<string>());
        var monitor = await created.ReadAsync<MonitorResponse>(HttpStatusCode.Created);
        Assert.Equal((MonitorKind.Tcp, "gateway.customs.example", 5671, 15, 5, 3, false), (monitor.Kind, monitor.Host, monitor.Port!.Value, monitor.IntervalSeconds, monitor.TimeoutSeconds, monitor.FailuresToOpen, monitor.Critical));
        Assert.Null(monitor.PushToken);

        using var changed = await officer.PutJsonAsync($"/api/v1/availability/monitors/{monitor.Id}", new JsonObject
        {
            ["serviceId"] = service,
            ["kind"] = "Tcp",
            ["name"] = "message gateway",
            ["host"] = "gateway.customs.example",
            ["port"] = 5672,
            ["version"] = monitor.Version,
        });
        Assert.Equal(5672, (await changed.ReadAsync<MonitorResponse>()).Port);
        using var stale = await officer.PutJsonAsync($"/api/v1/availability/monitors/{monitor.Id}", new JsonObject
        {
            ["serviceId"] = service,
            ["kind"] = "Tcp",
            ["name"] = "message gateway",
            ["host"] = "gateway.customs.example",
            ["port"] = 1,
            ["version"] = monitor.Version,
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var read = await officer.GetAsync<MonitorResponse>($"/api/v1/availability/monitors/{monitor.Id}");
        Assert.Equal(5672, read.Port);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0)]
    [InlineData(99)]
    public async Task Service_TargetNotAFraction_400(double target)
    {
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        using var response = await officer.PostJsonAsync("/api/v1/availability/services", new JsonObject { ["name"] = Api.Unique("S "), ["target"] = target });
        Api.AssertNamesField(await response.ErrorFieldsAsync(), "Target");
    }

    [Fact]
    public async Task RecordedOutages_Overlapping_MergedIntoExactDayFigures()
    {
        Clock.Set(new DateTimeOffset(2026, 11, 20, 12, 0, 0, Taipei));
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var service = await CreateServiceAsync(officer);
        await RecordAsync(officer, service, new DateTimeOffset(2026, 11, 3, 10, 0, 0, Taipei), new DateTimeOffset(2026, 11, 3, 11, 0, 0, Taipei));
        await RecordAsync(officer, service, new DateTimeOffset(2026, 11, 3, 10, 30, 0, Taipei), new DateTimeOffset(2026, 11, 3, 12, 0, 0, Taipei));

        var staff = await app.ClientAsync(Roles.Staff);
        var day = await staff.GetAsync<ServiceFiguresResponse>($"/api/v1/availability/services/{service}?period=day&date=2026-11-03");
        Assert.Equal(86_400, day.PeriodSeconds);
        Assert.Equal(7_200, day.UnplannedDowntimeSeconds);
        // No monitor saw the rest of the day: unknown, reported apart and never as up.
        Assert.Equal(79_200, day.UnknownSeconds);
        Assert.Equal(1 - (7_200 / 86_400.0), day.Availability!.Value, 12);
        Assert.Equal(0, day.WorstCaseAvailability!.Value, 12);
        Assert.Equal(1, day.OutageCount);
        Assert.Equal(7_200, day.MeanTimeToRestoreSeconds);
        Assert.Equal(864, day.AllowedDowntimeSeconds);
        Assert.Equal(864 - 7_200, day.ErrorBudgetSeconds);
        Assert.False(day.TargetMet);
        var merged = Assert.Single(day.OutageIntervals);
        Assert.Equal((new DateTimeOffset(2026, 11, 3, 10, 0, 0, Taipei), new DateTimeOffset(2026, 11, 3, 12, 0, 0, Taipei)), (merged.Start, merged.End));

        // The same through from/to dates (to inclusive) and through instants (to exclusive).
        var byDates = await staff.GetAsync<ServiceFiguresResponse>($"/api/v1/availability/services/{service}?from=2026-11-03&to=2026-11-03");
        Assert.Equal(day with { OutageIntervals = [] }, byDates with { OutageIntervals = [] });
        Assert.Equal(day.OutageIntervals, byDates.OutageIntervals);
        var byInstants = await staff.GetAsync<ServiceFiguresResponse>(
            $"/api/v1/availability/services/{service}?from={Uri.EscapeDataString("2026-11-03T10:15:00+08:00")}&to={Uri.EscapeDataString("2026-11-03T10:45:00+08:00")}");
        Assert.Equal((1_800, 1_800, 0), (byInstants.PeriodSeconds, byInstants.UnplannedDowntimeSeconds, byInstants.UnknownSeconds));
        Assert.Equal(0, byInstants.Availability!.Value, 12);
    }

    [Fact]
    public async Task Maintenance_ExcludedByDefault_CountedWhenTheSettingSaysSo()
    {
        Clock.Set(new DateTimeOffset(2026, 9, 10, 8, 0, 0, Taipei));
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var service = await CreateServiceAsync(officer);
        using var past = await officer.PostJsonAsync("/api/v1/availability/maintenance", Window(service, new DateTimeOffset(2026, 9, 10, 7, 0, 0, Taipei), new DateTimeOffset(2026, 9, 10, 9, 0, 0, Taipei)));
        Api.AssertNamesField(await past.ErrorFieldsAsync(), "Start");
        using var announced = await officer.PostJsonAsync("/api/v1/availability/maintenance", Window(service, new DateTimeOffset(2026, 9, 10, 10, 0, 0, Taipei), new DateTimeOffset(2026, 9, 10, 12, 0, 0, Taipei)));
        await announced.ExpectAsync(HttpStatusCode.Created);

        Clock.Set(new DateTimeOffset(2026, 9, 11, 9, 0, 0, Taipei));
        await RecordAsync(officer, service, new DateTimeOffset(2026, 9, 10, 11, 0, 0, Taipei), new DateTimeOffset(2026, 9, 10, 13, 0, 0, Taipei));
        var url = $"/api/v1/availability/services/{service}?period=day&date=2026-09-10";
        var excluded = await officer.GetAsync<ServiceFiguresResponse>(url);
        Assert.Equal((7_200, 3_600, 75_600), (excluded.PlannedSeconds, excluded.UnplannedDowntimeSeconds, excluded.UnknownSeconds));
        Assert.Equal(1 - (3_600 / 79_200.0), excluded.Availability!.Value, 12);
        Assert.Equal(792 - 3_600, excluded.ErrorBudgetSeconds);

        var settings = await officer.GetAsync<AvailabilitySettingsResponse>("/api/v1/availability/settings");
        using (var change = await officer.PutJsonAsync("/api/v1/availability/settings", new JsonObject { ["maintenanceCountsAsDowntime"] = true, ["certificateWarningDays"] = 14, ["version"] = settings.Version }))
        {
            await change.ExpectAsync(HttpStatusCode.OK);
        }

        try
        {
            var counted = await officer.GetAsync<ServiceFiguresResponse>(url);
            Assert.Equal((7_200, 10_800), (counted.PlannedSeconds, counted.UnplannedDowntimeSeconds));
            Assert.Equal(1 - (10_800 / 86_400.0), counted.Availability!.Value, 12);
        }
        finally
        {
            var now = await officer.GetAsync<AvailabilitySettingsResponse>("/api/v1/availability/settings");
            using var back = await officer.PutJsonAsync("/api/v1/availability/settings", new JsonObject { ["maintenanceCountsAsDowntime"] = false, ["certificateWarningDays"] = 14, ["version"] = now.Version });
            await back.ExpectAsync(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Maintenance_Begun_CannotBeCancelledOrMovedIntoThePast()
    {
        Clock.Set(new DateTimeOffset(2026, 8, 1, 8, 0, 0, Taipei));
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var service = await CreateServiceAsync(officer);
        using var announced = await officer.PostJsonAsync("/api/v1/availability/maintenance", Window(service, new DateTimeOffset(2026, 8, 1, 9, 0, 0, Taipei), new DateTimeOffset(2026, 8, 1, 11, 0, 0, Taipei)));
        var window = await announced.ReadAsync<MaintenanceResponse>(HttpStatusCode.Created);
        Clock.Set(new DateTimeOffset(2026, 8, 1, 10, 0, 0, Taipei));
        using var cancel = await officer.DeleteAsync($"/api/v1/availability/maintenance/{window.Id}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, cancel.StatusCode);
        var moved = Window(service, new DateTimeOffset(2026, 8, 1, 7, 0, 0, Taipei), new DateTimeOffset(2026, 8, 1, 11, 0, 0, Taipei));
        moved["version"] = window.Version;
        using var move = await officer.PutJsonAsync($"/api/v1/availability/maintenance/{window.Id}", moved);
        Api.AssertNamesField(await move.ErrorFieldsAsync(), "Start");
        var stored = await app.QueryAsync(db => db.Set<MaintenanceWindow>().AsNoTracking().SingleAsync(m => m.Id == window.Id));
        Assert.Equal(new DateTimeOffset(2026, 8, 1, 9, 0, 0, Taipei), stored.Start);
    }

    [Fact]
    public async Task Outage_ChangedWithReason_Audited_AndNotTheServicesFault_BecomesUnknown()
    {
        Clock.Set(new DateTimeOffset(2026, 7, 20, 12, 0, 0, Taipei));
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var service = await CreateServiceAsync(officer);
        var outage = await RecordAsync(officer, service, new DateTimeOffset(2026, 7, 2, 9, 0, 0, Taipei), new DateTimeOffset(2026, 7, 2, 10, 0, 0, Taipei));

        var change = new JsonObject { ["start"] = "2026-07-02T09:00:00+08:00", ["end"] = "2026-07-02T09:30:00+08:00", ["version"] = outage.Version };
        using (var noReason = await officer.PutJsonAsync($"/api/v1/availability/outages/{outage.Id}", change))
        {
            Api.AssertNamesField(await noReason.ErrorFieldsAsync(), "Reason");
        }

        change["reason"] = "the gateway log shows traffic again at 09:30";
        using var changed = await officer.PutJsonAsync($"/api/v1/availability/outages/{outage.Id}", change);
        var after = await changed.ReadAsync<OutageResponse>();
        Assert.Equal(1_800, after.DurationSeconds);
        var audited = await app.QueryAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.EntityType == nameof(Outage) && e.EntityId == outage.Id.ToString() && e.Action == AuditActions.Update).ToListAsync());
        Assert.Contains(audited, e => e.Changes!.Contains("the gateway log shows traffic again at 09:30", StringComparison.Ordinal));

        using var dismissed = await officer.PostJsonAsync($"/api/v1/availability/outages/{outage.Id}/not-service-fault",
            new JsonObject { ["reason"] = "the probe network's switch failed", ["version"] = after.Version });
        Assert.True((await dismissed.ReadAsync<OutageResponse>()).NotServiceFault);
        var day = await officer.GetAsync<ServiceFiguresResponse>($"/api/v1/availability/services/{service}?period=day&date=2026-07-02");
        Assert.Equal((0, 86_400), (day.UnplannedDowntimeSeconds, day.UnknownSeconds));
        // Nothing at all is known of that day: no figure, rather than a 100 % that counts unknown as up.
        Assert.Null(day.Availability);
    }

    [Fact]
    public async Task DetectedOutage_ClosedByTheProbes_CannotBeReopenedByHand()
    {
        Clock.Set(new DateTimeOffset(2026, 7, 21, 12, 0, 0, Taipei));
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var service = await CreateServiceAsync(officer);
        var monitor = await Monitors.HttpAsync(app, service, new Uri("https://portal.customs.example/"), intervalSeconds: 30);
        var id = await app.QueryAsync(async db =>
        {
            var row = new Outage { Source = OutageSource.Detected, MonitorId = monitor, Start = new DateTimeOffset(2026, 7, 21, 9, 0, 0, Taipei), End = new DateTimeOffset(2026, 7, 21, 9, 5, 0, Taipei), Error = "HTTP 503" };
            db.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });
        using var reopen = await officer.PutJsonAsync($"/api/v1/availability/outages/{id}", new JsonObject
        {
            ["start"] = "2026-07-21T09:00:00+08:00",
            ["end"] = null,
            ["reason"] = "still broken?",
            ["version"] = 0,
        });
        Api.AssertNamesField(await reopen.ErrorFieldsAsync(), "End");
        using var confirm = await officer.PostJsonAsync($"/api/v1/availability/outages/{id}/confirm", new JsonObject { ["version"] = 0 });
        Assert.True((await confirm.ReadAsync<OutageResponse>()).Confirmed);
    }

    [Fact]
    public async Task Monitors_AddedLaterOrTakenOutOfUse_NeitherHideDowntimeNorMakeWatchedTimeUnknown()
    {
        var day = new DateTimeOffset(2026, 5, 4, 0, 0, 0, Taipei);
        Clock.Set(day.AddDays(1).AddHours(9));
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var service = await CreateServiceAsync(officer);
        // The old monitor watched the whole day, was down 10:00–10:30, and was taken out of use at
        // 18:00; the new one was made at 12:00 and probed from then on.
        await app.QueryAsync(async db =>
        {
            var old = new ServiceMonitor { ServiceId = service, Name = "old", Kind = MonitorKind.Tcp, Host = "gw.example", Port = 1, CreatedAt = day.AddDays(-30), IsActive = false };
            var fresh = new ServiceMonitor { ServiceId = service, Name = "new", Kind = MonitorKind.Tcp, Host = "gw.example", Port = 2, CreatedAt = day.AddHours(12), IntervalSeconds = 30, TimeoutSeconds = 10 };
            db.AddRange(old, fresh);
            await db.SaveChangesAsync();
            db.Add(new Isms.Web.Features.Availability.Probing.MonitorState { MonitorId = old.Id, FirstSampleAt = day.AddDays(-30), LastSampleAt = day.AddHours(18).AddSeconds(-70) });
            db.Add(new Isms.Web.Features.Availability.Probing.MonitorState { MonitorId = fresh.Id, FirstSampleAt = day.AddHours(12), LastSampleAt = Clock.GetUtcNow() });
            db.Add(new Outage { Source = OutageSource.Detected, MonitorId = old.Id, Start = day.AddHours(10), End = day.AddHours(10.5) });
            return await db.SaveChangesAsync();
        });

        var figures = await officer.GetAsync<ServiceFiguresResponse>($"/api/v1/availability/services/{service}?period=day&date=2026-05-04");
        Assert.Equal(1_800, figures.UnplannedDowntimeSeconds);
        Assert.Equal(0, figures.UnknownSeconds);
    }

    [Theory]
    [InlineData("from=yesterday&to=2026-01-01", "From")]
    [InlineData("from=2026-02-01&to=2026-01-01", "To")]
    [InlineData("from=2026-02-01", "To")]
    [InlineData("period=week", "Period")]
    [InlineData("from=2010-01-01&to=2026-01-01", "To")]
    public async Task Figures_BadPeriod_400NamingTheField(string query, string field)
    {
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var service = await CreateServiceAsync(officer);
        using var response = await officer.GetAsync($"/api/v1/availability/services/{service}?{query}");
        Api.AssertNamesField(await response.ErrorFieldsAsync(), field);
    }

    [Fact]
    public async Task RecordedOutage_InTheFuture_400AndNothingStored()
    {
        Clock.Set(new DateTimeOffset(2026, 6, 1, 12, 0, 0, Taipei));
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var service = await CreateServiceAsync(officer);
        var before = await app.QueryAsync(db => db.Set<Outage>().CountAsync());
        using var response = await officer.PostJsonAsync("/api/v1/availability/outages", new JsonObject
        {
            ["start"] = "2026-06-01T13:00:00+08:00",
            ["cause"] = "power",
            ["serviceIds"] = new JsonArray(service),
        });
        Api.AssertNamesField(await response.ErrorFieldsAsync(), "Start");
        using var noService = await officer.PostJsonAsync("/api/v1/availability/outages", new JsonObject { ["start"] = "2026-06-01T10:00:00+08:00", ["cause"] = "power" });
        Api.AssertNamesField(await noService.ErrorFieldsAsync(), "ServiceIds");
        Assert.Equal(before, await app.QueryAsync(db => db.Set<Outage>().CountAsync()));
    }

    private static async Task<int> CreateServiceAsync(HttpClient officer)
    {
        using var response = await officer.PostJsonAsync("/api/v1/availability/services", new JsonObject { ["name"] = Api.Unique("Single Window "), ["target"] = 0.99 });
        return (await response.ReadAsync<ServiceResponse>(HttpStatusCode.Created)).Id;
    }

    private static async Task<OutageResponse> RecordAsync(HttpClient officer, int service, DateTimeOffset start, DateTimeOffset end)
    {
        using var response = await officer.PostJsonAsync("/api/v1/availability/outages", new JsonObject
        {
            ["start"] = start.ToString("O"),
            ["end"] = end.ToString("O"),
            ["cause"] = "power failure in the machine room",
            ["serviceIds"] = new JsonArray(service),
        });
        return await response.ReadAsync<OutageResponse>(HttpStatusCode.Created);
    }

    private static JsonObject Window(int service, DateTimeOffset start, DateTimeOffset end) =>
        new() { ["serviceId"] = service, ["start"] = start.ToString("O"), ["end"] = end.ToString("O"), ["notice"] = "Database upgrade of the clearance decision engine" };
}

public sealed class AvailabilityApiSqliteTests(DeskClockSqliteApp app) : AvailabilityApiTests<DeskClockSqliteApp>(app)
{
    protected override StoppedClock Clock => App.Clock;
}

public sealed class AvailabilityApiPostgresTests(DeskClockPostgresApp app) : AvailabilityApiTests<DeskClockPostgresApp>(app)
{
    protected override StoppedClock Clock => App.Clock;
}
