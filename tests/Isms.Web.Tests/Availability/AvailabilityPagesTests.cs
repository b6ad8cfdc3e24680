using System.Net;
using System.Text.RegularExpressions;
using Isms.Web.Features.Availability;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Isms.Web.Tests.ServiceDesk;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Tests.Availability;

/// The availability pages posted as a browser posts them (issue 5): what the security officer does
/// every day, and the messages beside the fields when the input is wrong.
public sealed partial class AvailabilityPagesTests(JobsSqliteApp app) : IClassFixture<JobsSqliteApp>
{
    private static readonly TimeSpan Taipei = TimeSpan.FromHours(8);

    [Fact]
    public async Task Officer_MakesAServiceAndAHeartbeat_TheTokenIsShownOnceAndWorks()
    {
        app.Clock.Set(new DateTimeOffset(2026, 11, 2, 9, 0, 0, Taipei));
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var name = Api.Unique("Duty payment ");
        using (var created = await Forms.PostAsync(officer, "/Availability/Service", Fields(("Input.Name", name), ("Input.Target", "0.995"), ("Input.IsActive", "true"))))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            Assert.Equal("/Availability/Manage", created.Headers.Location?.OriginalString);
        }

        var service = await app.QueryAsync(db => db.Set<AvailabilityService>().SingleAsync(s => s.Name == name));
        Assert.Equal(0.995m, service.Target);
        Assert.Contains(name, await officer.GetStringAsync("/Availability/Manage"), StringComparison.Ordinal);

        using var monitor = await Forms.PostAsync(officer, "/Availability/Monitor", Fields(
            ("Input.ServiceId", service.Id.ToString()), ("Input.Name", "nightly batch"), ("Input.Kind", "Push"),
            ("Input.IntervalSeconds", "300"), ("Input.TimeoutSeconds", "60"), ("Input.FailuresToOpen", "2"), ("Input.Critical", "true"), ("Input.IsActive", "true")));
        Assert.Equal(HttpStatusCode.OK, monitor.StatusCode);
        var html = await monitor.Content.ReadAsStringAsync();
        var token = TokenField().Match(html);
        Assert.True(token.Success, "no token shown");
        using var beat = await app.AnonymousClient().PostAsync("/api/v1/availability/push/" + token.Groups[1].Value, null);
        Assert.Equal(HttpStatusCode.NoContent, beat.StatusCode);
        var id = await app.QueryAsync(db => db.Set<ServiceMonitor>().Where(m => m.ServiceId == service.Id).Select(m => m.Id).SingleAsync());
        Assert.DoesNotMatch(TokenField(), await officer.GetStringAsync($"/Availability/Monitor/{id}"));
    }

    [Fact]
    public async Task MonitorForm_IntervalTooShort_MessageBesideTheFieldAndNothingStored()
    {
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var service = await Monitors.ServiceAsync(app);
        var before = await app.QueryAsync(db => db.Set<ServiceMonitor>().CountAsync());
        using var response = await Forms.PostAsync(officer, "/Availability/Monitor", Fields(
            ("Input.ServiceId", service.ToString()), ("Input.Name", "portal"), ("Input.Kind", "Http"), ("Input.Url", "https://portal.example/"),
            ("Input.Method", "GET"), ("Input.ExpectedStatus", "200-299"), ("Input.IntervalSeconds", "3"), ("Input.TimeoutSeconds", "2"), ("Input.FailuresToOpen", "2")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("data-valmsg-for=\"Input.IntervalSeconds\"[^>]*>[^<]*5 to 86,400", html);
        Assert.Equal(before, await app.QueryAsync(db => db.Set<ServiceMonitor>().CountAsync()));
    }

    [Fact]
    public async Task Outage_RecordedChangedWithAReason_ShowsInTheServiceFigures()
    {
        app.Clock.Set(new DateTimeOffset(2026, 11, 10, 12, 0, 0, Taipei));
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var service = await Monitors.ServiceAsync(app);
        using var recorded = await Forms.PostAsync(officer, "/Availability/Outage", Fields(
            ("Input.Start", "2026-11-09T08:00"), ("Input.End", "2026-11-09T09:00"), ("Input.Cause", "fibre cut at the Keelung exchange"), ("Input.ServiceIds", service.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var page = recorded.Headers.Location!.OriginalString;
        var outage = await app.QueryAsync(db => db.Set<Outage>().AsNoTracking().Where(o => o.Cause == "fibre cut at the Keelung exchange").OrderBy(o => o.Id).LastAsync());
        Assert.Equal(new DateTimeOffset(2026, 11, 9, 8, 0, 0, Taipei), outage.Start);

        using (var noReason = await Forms.PostAsync(officer, page, Fields(("Change.Start", "2026-11-09T08:00"), ("Change.End", "2026-11-09T08:40"), ("Change.Version", "0")), handler: "Change"))
        {
            Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
            Assert.Matches("data-valmsg-for=\"Change.Reason\"[^>]*>[^<]+", await noReason.Content.ReadAsStringAsync());
        }

        using (var changed = await Forms.PostAsync(officer, page, Fields(
            ("Change.Start", "2026-11-09T08:00"), ("Change.End", "2026-11-09T08:40"), ("Change.Reason", "the exchange's log says 08:40"), ("Change.Version", "0")), handler: "Change"))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        var staff = await app.ClientAsync(Roles.Staff);
        var figures = await staff.GetStringAsync($"/Availability/Services/{service}?period=day&date=2026-11-09");
        Assert.Contains("08:00:00", figures, StringComparison.Ordinal);
        Assert.Contains("08:40:00", figures, StringComparison.Ordinal);
        using var bad = await staff.GetAsync($"/Availability/Services/{service}?period=week");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("id=\"period-error\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Maintenance_InThePastRefused_AheadAnnouncedAndOnTheStatusPage()
    {
        app.Clock.Set(new DateTimeOffset(2026, 11, 20, 9, 0, 0, Taipei));
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var service = await Monitors.ServiceAsync(app);
        using (var past = await Forms.PostAsync(officer, "/Availability/Maintenance", Fields(
            ("Input.ServiceId", service.ToString()), ("Input.Start", "2026-11-20T08:00"), ("Input.End", "2026-11-20T10:00"), ("Input.Notice", "too late"))))
        {
            Assert.Equal(HttpStatusCode.OK, past.StatusCode);
            Assert.Matches("data-valmsg-for=\"Input.Start\"[^>]*>[^<]+", await past.Content.ReadAsStringAsync());
        }

        using (var ahead = await Forms.PostAsync(officer, "/Availability/Maintenance", Fields(
            ("Input.ServiceId", service.ToString()), ("Input.Start", "2026-11-22T02:00"), ("Input.End", "2026-11-22T04:00"), ("Input.Notice", "核心資料庫升級 Core database upgrade"))))
        {
            Assert.Equal(HttpStatusCode.Redirect, ahead.StatusCode);
        }

        var staff = await app.ClientAsync(Roles.Staff);
        Assert.Contains("核心資料庫升級 Core database upgrade", await staff.GetStringAsync("/Availability"), StringComparison.Ordinal);
        using var manage = await staff.GetAsync("/Availability/Manage");
        Assert.NotEqual(HttpStatusCode.OK, manage.StatusCode);
    }

    [Fact]
    public async Task Settings_MaintenanceCountsAsDowntime_Stored()
    {
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var version = await app.QueryAsync(db => db.Set<AvailabilitySetting>().Select(s => (int?)s.Version).SingleOrDefaultAsync()) ?? 0;
        using var saved = await Forms.PostAsync(officer, "/Availability/Settings", Fields(
            ("Input.MaintenanceCountsAsDowntime", "true"), ("Input.CertificateWarningDays", "30"), ("Input.Version", version.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var setting = await app.QueryAsync(db => db.Set<AvailabilitySetting>().AsNoTracking().SingleAsync());
        Assert.Equal((true, 30), (setting.MaintenanceCountsAsDowntime, setting.CertificateWarningDays));
        using var back = await Forms.PostAsync(officer, "/Availability/Settings", Fields(
            ("Input.MaintenanceCountsAsDowntime", "false"), ("Input.CertificateWarningDays", "14"), ("Input.Version", setting.Version.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
    }

    private static List<KeyValuePair<string, string>> Fields(params (string Key, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();

    [GeneratedRegex("id=\"push-token\" value=\"(isms_beat_[^\"]+)\"")]
    private static partial Regex TokenField();
}
