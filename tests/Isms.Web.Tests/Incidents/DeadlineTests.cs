using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Isms.Web.Features.Incidents;
using Isms.Web.Features.Mail;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Isms.Web.Tests.ServiceDesk;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Isms.Web.Tests.Incidents;

/// An app with a clock the test sets and a real SMTP server on 127.0.0.1 for the alerts.
public sealed class DeadlineApp : SqliteApp
{
    public const string Mailbox = "ics-handling@customs.example";

    public SmtpSink Sink { get; } = new();

    public StoppedClock Clock { get; } = new();

    protected override void Configure(IDictionary<string, string?> settings)
    {
        DeskClockApp.Configure(settings);
        settings["Isms:Mail:Host"] = "127.0.0.1";
        settings["Isms:Mail:Port"] = Sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Isms:Mail:Security"] = "None";
        settings["Isms:Mail:From"] = "isms@customs.example";
        settings["Isms:Mail:PollSeconds"] = "3600";
        settings["Isms:Incidents:AlertSeconds"] = "100000";
        settings["Isms:Incidents:AlertTo"] = Mailbox;
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// The deadlines of issue 6 counted from the awareness time across midnight and the year's end,
/// and the alerts before and after each, received by a real SMTP server.
public sealed class DeadlineTests(DeadlineApp app) : IClassFixture<DeadlineApp>
{
    private static readonly TimeSpan Taipei = TimeSpan.FromHours(8);

    [Fact]
    public async Task MajorIncident_AwareOnNewYearsEve_DeadlinesAndAlertsBeforeAndAfter()
    {
        var aware = new DateTimeOffset(2026, 12, 31, 23, 30, 0, Taipei);
        app.Clock.Set(aware.AddMinutes(5));
        var staff = await app.ClientAsync(Roles.Staff);
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        using var sent = await staff.PostJsonAsync("/api/v1/incidents/reports", new JsonObject { ["kind"] = "Incident", ["description"] = "Ransom note on the manifest server." });
        var number = (await sent.ReadAsync<OwnReportResponse>(HttpStatusCode.Created)).Number;
        using var confirmed = await officer.PostJsonAsync($"/api/v1/incidents/reports/{number}/confirm", new JsonObject
        {
            ["impacts"] = new JsonArray(new JsonObject { ["aspect"] = "availability", ["scope"] = "core", ["restoredWithinTolerableTime"] = false }),
            ["awareAt"] = aware.ToString("O"),
            ["version"] = 0,
        });
        var incident = await confirmed.ReadAsync<ReportResponse>();
        Assert.Equal(3, incident.Level);
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 30, 0, Taipei), incident.ReportBy);
        Assert.Equal(new DateTimeOffset(2027, 1, 2, 11, 30, 0, Taipei), incident.RecoverBy);
        Assert.Null(incident.ImprovementReportBy);

        // 23:40: 50 minutes of the hour left, no alert yet; 00:16: the last quarter, a warning; 00:31: passed.
        app.Clock.Set(aware.AddMinutes(10));
        await RunAsync();
        Assert.Empty(await ReceivedAsync(number));
        app.Clock.Set(aware.AddMinutes(46));
        await RunAsync();
        await RunAsync();
        Assert.Equal(["[ISMS] 期限將至 / Deadline soon: " + number + " report"], await ReceivedAsync(number));
        app.Clock.Set(aware.AddMinutes(61));
        await RunAsync();
        Assert.Contains("[ISMS] 期限已過 / Deadline passed: " + number + " report", await ReceivedAsync(number));

        // Reported (late), then recovered: the report and recovery alerts stop; the improvement report's clock starts.
        app.Clock.Set(aware.AddMinutes(65));
        using var times = await officer.PutJsonAsync($"/api/v1/incidents/reports/{number}/times", new JsonObject
        {
            ["reportedExternallyAt"] = aware.AddMinutes(62).ToString("O"),
            ["externalReference"] = "NCCST-2027-0001",
            ["recoveredAt"] = aware.AddMinutes(64).ToString("O"),
            ["version"] = incident.Version,
        });
        var handled = await times.ReadAsync<ReportResponse>();
        Assert.Equal(new DateTimeOffset(2027, 2, 1, 0, 34, 0, Taipei), handled.ImprovementReportBy);
        app.Clock.Set(aware.AddHours(30));
        await RunAsync();
        Assert.DoesNotContain(await ReceivedAsync(number), s => s.EndsWith(" recover", StringComparison.Ordinal));

        using var close = await officer.PutJsonAsync($"/api/v1/incidents/reports/{number}/times", new JsonObject
        {
            ["reportedExternallyAt"] = aware.AddMinutes(62).ToString("O"),
            ["externalReference"] = "NCCST-2027-0001",
            ["recoveredAt"] = aware.AddMinutes(64).ToString("O"),
            ["closedAt"] = aware.AddHours(29).ToString("O"),
            ["version"] = handled.Version,
        });
        Api.AssertNamesField(await close.ErrorFieldsAsync(), "ClosedAt");
    }

    private Task RunAsync() => app.Services.GetRequiredService<IncidentDeadlineJob>().RunOnceAsync(CancellationToken.None);

    private async Task<List<string>> ReceivedAsync(string number)
    {
        await app.Services.GetRequiredService<MailDispatcher>().SendDueAsync(CancellationToken.None);
        var subjects = new List<string>();
        foreach (var received in app.Sink.Mails.Where(m => m.To.Contains(DeadlineApp.Mailbox)))
        {
            var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(received.Data)));
            if (message.Subject is { } subject && subject.Contains(number, StringComparison.Ordinal) && subject.Contains("Deadline", StringComparison.Ordinal))
            {
                subjects.Add(message.Subject);
            }
        }

        return subjects;
    }
}
