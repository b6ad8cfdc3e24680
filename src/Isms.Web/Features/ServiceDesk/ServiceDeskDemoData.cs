using Isms.Core.Calendars;
using Isms.Web.Data;
using Isms.Web.Features.Calendar;
using Isms.Web.Features.Organisation;
using Isms.Web.Features.People;
using Isms.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.ServiceDesk;

/// Two years of forms (2025 and 2026 up to today): a few thousand, most finished within the two
/// working days, some late, some still open, so the queue and the figures are not empty. The
/// Department of Information Management handles them; its first staff are the assignees.
public sealed class ServiceDeskDemoData(TimeProvider clock, AgencyTime agency) : IDemoData
{
    private static readonly string[] Subjects =
    [
        "報單狀態查詢 Declaration status does not update",
        "帳號被鎖定 Account locked after password change",
        "艙單傳輸失敗 Manifest transmission rejected",
        "稅費繳納逾時 Duty payment times out",
        "列印放行通知 Cannot print the release notice",
        "憑證更新 Certificate renewal for EDI",
        "查驗排程 Inspection schedule not shown",
        "報表匯出 Report export is empty",
    ];

    public int Order => 300;

    public async Task<bool> SeedAsync(IsmsDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Set<QaForm>().AnyAsync(cancellationToken) || !await db.Set<Unit>().AnyAsync(u => u.Code == "DG-IM", cancellationToken))
        {
            return false;
        }

        var desk = await db.Set<Unit>().SingleAsync(u => u.Code == "DG-IM", cancellationToken);
        foreach (var setting in await db.Set<ServiceDeskSetting>().Where(s => s.DeskUnitId == null).ToListAsync(cancellationToken))
        {
            setting.DeskUnitId = desk.Id;
        }

        var people = await db.Set<Person>().AsNoTracking().Where(p => p.ActiveTo == null).Select(p => new { p.Id, p.UnitId, p.VendorId, p.AccountId }).ToListAsync(cancellationToken);
        var agents = people.Where(p => p.UnitId == desk.Id && p.VendorId == null).Take(4).Select(p => p.Id).ToList();
        var categories = await db.Set<QaCategory>().AsNoTracking().ToListAsync(cancellationToken);
        var modules = new QaModules(new ConfigurationBuilder().Build()).All;
        var calendars = await new WorkingCalendars(db, agency).LoadAsync(cancellationToken);
        if (agents.Count == 0 || categories.Count == 0 || calendars.Years.Count == 0)
        {
            return false;
        }

        var now = QaClock.Second(clock.GetUtcNow());
        var random = new Random(20250101);
        var start = agency.StartOf(new DateOnly(2025, 1, 2));
        var sequence = new Dictionary<int, int>();
        var forms = new List<QaForm>();
        for (var received = start.AddHours(9); received < now; received = received.AddMinutes(60 + random.Next(120)))
        {
            var local = agency.ToLocal(received);
            if (local.Hour is < 8 or > 18 || !calendars.Years.Contains(local.Year) || !calendars.National.IsWorkingDay(DateOnly.FromDateTime(local.DateTime)))
            {
                continue;
            }

            var requester = people[random.Next(people.Count)];
            var category = categories[random.Next(categories.Count)];
            var seq = sequence[local.Year] = sequence.GetValueOrDefault(local.Year) + 1;
            var form = new QaForm
            {
                Number = $"QA-{local.Year}-{seq:D6}",
                Year = local.Year,
                Month = local.Month,
                Sequence = seq,
                RequesterId = requester.Id,
                OwnerUnitId = requester.UnitId,
                VendorId = requester.VendorId,
                CreatedById = requester.AccountId,
                Module = modules[random.Next(modules.Count)],
                CategoryId = category.Id,
                Subject = Subjects[random.Next(Subjects.Length)],
                Description = "Demonstration form. 示範用問答單。",
                Channel = random.Next(5) == 0 ? QaChannel.Email : QaChannel.Web,
                ReceivedAt = QaClock.Second(received),
                HandlingUnitId = desk.Id,
                ClockLocation = desk.Location,
                Rule = category.Rule,
                TargetDays = 2,
                DayStart = new TimeOnly(8, 30),
                DayEnd = new TimeOnly(17, 30),
                Status = QaFormStatus.Received,
                Classification = 1,
                AssigneeId = agents[random.Next(agents.Count)],
                AssignedAt = received.AddMinutes(20),
                CreatedAt = received,
                UpdatedAt = received,
            };
            QaClock.Apply(calendars, form, []);
            form.Status = QaFormStatus.Assigned;
            // Most forms are finished within a day; about one in twenty takes too long.
            var took = random.Next(20) == 0 ? TimeSpan.FromHours(60 + random.Next(120)) : TimeSpan.FromMinutes(30 + random.Next(60 * 30));
            var finished = QaClock.Second(received + took);
            if (random.Next(60) == 0 && finished < now)
            {
                form.Status = QaFormStatus.Cancelled;
                form.CancelledAt = finished;
                form.CancelReason = "Duplicate of another form. 重複提出。";
            }
            else if (finished < now)
            {
                form.Status = QaFormStatus.Finished;
                form.FinishedAt = finished;
                form.Resolution = "Answered by telephone and e-mail. 已電話及電子郵件回覆。";
                form.UpdatedAt = finished;
                QaClock.Apply(calendars, form, []);
            }
            else
            {
                form.Status = random.Next(2) == 0 ? QaFormStatus.InProgress : QaFormStatus.Assigned;
            }

            form.RefreshSearchText();
            forms.Add(form);
        }

        db.AddRange(forms);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
