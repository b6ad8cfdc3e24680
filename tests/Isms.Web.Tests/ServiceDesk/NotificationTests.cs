using System.Text;
using System.Text.Json.Nodes;
using Isms.Web.Data;
using Isms.Web.Features.Mail;
using Isms.Web.Features.Organisation;
using Isms.Web.Features.ServiceDesk;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static Isms.Web.Tests.ServiceDesk.DeskWorld;

namespace Isms.Web.Tests.ServiceDesk;

/// Issue 4: the desk's e-mails reach a real SMTP server (SmtpSink on 127.0.0.1) through MailKit.
public sealed class NotificationTests(MailApp app) : IClassFixture<MailApp>
{
    [Fact]
    public async Task Assignment_MailsTheAssignee()
    {
        var world = await ArrangeAsync(app);
        var number = (await SubmitAsync(world.Desk, world.RequesterId, At(2026, 7, 1, 9)))["number"]!.GetValue<string>();
        await ActAsync(world.Desk, number, "assign", new JsonObject { ["assigneeId"] = world.DeskPersonId });

        var mail = await SendAndFindAsync(world.DeskEmail, number);

        Assert.Contains("assigned to you", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("2026-07-03 23:59", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("isms@customs.example", mail.From.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task FormAtRisk_MailsTheAssigneeOnce()
    {
        var world = await ArrangeAsync(app);
        await EnsureYearAsync(app, TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), Taipei).Year);
        var number = await InsertOpenFormAsync(world, TimeProvider.System.GetUtcNow().AddMinutes(90));
        var job = app.Services.GetRequiredService<QaAlertJob>();

        await job.RunOnceAsync(CancellationToken.None);
        await job.RunOnceAsync(CancellationToken.None);

        var mail = await SendAndFindAsync(world.DeskEmail, number);
        Assert.Contains("at risk", mail.Subject, StringComparison.Ordinal);
        Assert.Equal(1, await app.QueryAsync(db => db.Set<OutgoingMail>().CountAsync(m => m.Reason == "qa.at-risk " + number)));
    }

    [Fact]
    public async Task DailyDigest_ListsOverdueFormsToTheHeadOfTheHandlingUnit()
    {
        var world = await ArrangeAsync(app);
        var number = await InsertOpenFormAsync(world, TimeProvider.System.GetUtcNow().AddDays(-3));
        var headEmail = Api.Unique("head").ToLowerInvariant() + "@customs.example";
        ServiceDeskSetting setting = null!;
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<IsmsDbContext>();
            var head = await db.Set<Isms.Web.Features.People.Person>().SingleAsync(p => p.Id == world.RequesterId);
            head.Email = headEmail;
            db.Add(new Responsibility { PersonId = head.Id, UnitId = world.UnitId, Kind = ResponsibilityKind.DepartmentHead, From = new DateOnly(2020, 1, 1) });
            await db.SaveChangesAsync();
            setting = new ServiceDeskSetting { EffectiveFrom = TimeProvider.System.GetUtcNow(), DeskUnitId = world.UnitId };
            var notifications = services.GetRequiredService<QaNotifications>();
            await notifications.DigestAsync(setting, TimeProvider.System.GetUtcNow(), CancellationToken.None);
        });

        var mail = await SendAndFindAsync(headEmail, "Overdue");
        Assert.Contains(number, mail.TextBody, StringComparison.Ordinal);
    }

    private async Task<string> InsertOpenFormAsync(DeskWorld world, DateTimeOffset due)
    {
        var number = $"QA-2098-{Random.Shared.Next(1, 999_999):D6}";
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<IsmsDbContext>();
            var now = TimeProvider.System.GetUtcNow();
            var form = new QaForm
            {
                Number = number,
                Year = 2098,
                Month = 1,
                Sequence = int.Parse(number[8..], System.Globalization.CultureInfo.InvariantCulture),
                RequesterId = world.RequesterId,
                OwnerUnitId = world.UnitId,
                Module = "m",
                CategoryId = 1,
                Subject = "Due soon",
                Description = "d",
                ReceivedAt = due.AddDays(-2),
                DueAt = due,
                Status = QaFormStatus.InProgress,
                AssigneeId = world.DeskPersonId,
                TargetDays = 2,
                CreatedAt = now,
                UpdatedAt = now,
            };
            form.RefreshSearchText();
            db.Add(form);
            await db.SaveChangesAsync();
        });
        return number;
    }

    private async Task<MimeMessage> SendAndFindAsync(string to, string subjectPart)
    {
        var dispatcher = app.Services.GetRequiredService<MailDispatcher>();
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await dispatcher.SendDueAsync(CancellationToken.None);
            foreach (var received in app.Sink.Mails.Where(m => m.To.Contains(to)))
            {
                var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(received.Data)));
                if (message.Subject?.Contains(subjectPart, StringComparison.Ordinal) == true)
                {
                    return message;
                }
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"No mail to {to} about {subjectPart}; the sink has {app.Sink.Mails.Count} mail(s).");
    }
}
