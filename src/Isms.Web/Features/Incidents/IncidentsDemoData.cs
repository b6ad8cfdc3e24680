using System.Globalization;
using Isms.Core.Calendars;
using Isms.Core.Incidents;
using Isms.Web.Data;
using Isms.Web.Features.Availability;
using Isms.Web.Features.Organisation;
using Isms.Web.Features.People;
using Isms.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Incidents;

/// Two years of reports (2025 and 2026 up to today) as a handling unit sees them: mostly suspected
/// weaknesses (taken up as corrective actions, or rejected) and false alarms, a few suggestions,
/// a handful of graded incidents with full timelines, tasks and improvement reports (one of them
/// major, its closure approved by a manager, one linked to an availability outage), two drills
/// with their results, and the rewards and punishments that followed.
public sealed class IncidentsDemoData(TimeProvider clock, AgencyTime agency) : IDemoData
{
    private static readonly (string System, string Text)[] Weaknesses =
    [
        ("EDI gateway", "EDI 閘道登入頁顯示伺服器版本。The EDI gateway's login page shows its server version."),
        ("Inspection hall PC", "查驗區電腦共用同一組帳號密碼。The inspection hall PCs share one account and password."),
        ("Cargo clearance", "放行通知列印頁可用網址猜出他人報單。The release notice print page shows other declarations by changing the number in its address."),
        ("Office network", "會議室網路孔可直接連到內部網段。The meeting room's network socket reaches the internal network."),
        ("Manifest system", "艙單系統的測試帳號仍可登入正式環境。A test account still signs in to the production manifest system."),
        ("E-mail", "收到偽裝成關務署的釣魚郵件。A phishing mail posing as the Customs Administration arrived."),
        ("USB", "查驗區撿到來路不明的 USB 隨身碟。An unknown USB stick was found in the inspection hall."),
        ("Duty payment", "繳稅頁面的 TLS 憑證將於兩週內到期。The duty payment page's TLS certificate expires in two weeks."),
    ];

    private static readonly string[] FalseAlarms =
    [
        "系統很慢，疑似被攻擊。The system is slow; maybe an attack.",
        "收到密碼即將到期的通知信，不確定是否為真。A password expiry notice arrived; is it genuine?",
        "防毒軟體跳出更新視窗。The antivirus showed an update window.",
        "報單查詢畫面短暫空白。The declaration search page was blank for a moment.",
    ];

    private static readonly string[] Suggestions =
    [
        "建議報關業者帳號啟用雙因子驗證。Brokers' accounts should use two-factor sign-in.",
        "建議在查驗區張貼通報資安問題的方式。Post how to report a security problem in the inspection halls.",
        "建議定期檢查外部廠商的遠端連線帳號。Review vendors' remote access accounts every quarter.",
    ];

    public int Order => 500;

    public async Task<bool> SeedAsync(IsmsDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Set<SecurityReport>().AnyAsync(cancellationToken) || !await db.Set<Person>().AnyAsync(cancellationToken))
        {
            return false;
        }

        var people = await db.Set<Person>().AsNoTracking().Where(p => p.ActiveTo == null).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.UnitId, p.AccountId, p.FullName }).ToListAsync(cancellationToken);
        var handlers = await db.Set<Person>().AsNoTracking()
            .Where(p => p.ActiveTo == null && db.Set<Unit>().Any(u => u.Id == p.UnitId && u.Code == "DG-IM")).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.FullName }).Take(5).ToListAsync(cancellationToken);
        if (handlers.Count == 0)
        {
            handlers = people.Take(5).Select(p => new { p.Id, p.FullName }).ToList();
        }

        var outage = await db.Set<Outage>().AsNoTracking().Where(o => o.End != null).OrderByDescending(o => o.End! - o.Start).Select(o => new { o.Id, o.Start, o.End })
            .FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var random = new Random(20250102);
        var sequence = new Dictionary<int, int>();
        var start = agency.StartOf(new DateOnly(2025, 1, 2));
        var span = (now - start).TotalMinutes;

        SecurityReport New(DateTimeOffset reported, ReportKind kind, string description, string? system)
        {
            var reporter = people[random.Next(people.Count)];
            var year = agency.ToLocal(reported).Year;
            var number = sequence[year] = sequence.GetValueOrDefault(year) + 1;
            var report = new SecurityReport
            {
                Number = string.Create(CultureInfo.InvariantCulture, $"SR-{year}-{number:D6}"),
                Year = year,
                Sequence = number,
                Kind = kind,
                Description = description,
                NoticedAt = reported.AddMinutes(-random.Next(5, 240)),
                AffectedSystem = system,
                Contact = "分機 " + random.Next(2000, 8999).ToString(CultureInfo.InvariantCulture),
                ReporterAccountId = reporter.AccountId,
                ReporterPersonId = reporter.Id,
                UnitId = reporter.UnitId,
                ReportedAt = reported,
                Status = ReportStatus.Reported,
            };
            db.Add(report);
            return report;
        }

        DateTimeOffset Working(DateTimeOffset at)
        {
            // Move to a weekday between 08:30 and 17:00 Taipei time, where people report.
            var local = agency.ToLocal(at);
            while (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                local = local.AddDays(1);
            }

            var hour = 8.5 + random.NextDouble() * 8.5;
            return agency.StartOf(DateOnly.FromDateTime(local.DateTime)).AddHours(hour);
        }

        // Weaknesses, false alarms and suggestions through the two years; the newest still wait for triage.
        var taken = new List<(SecurityReport Report, int Owner, DateOnly Due, bool Done)>();
        for (var i = 0; i < 70; i++)
        {
            var reported = Working(start.AddMinutes(span * i / 70 + random.Next(0, 600)));
            if (reported > now.AddHours(-1))
            {
                continue;
            }

            var pick = random.Next(10);
            var report = pick switch
            {
                < 5 => New(reported, ReportKind.Weakness, Weaknesses[random.Next(Weaknesses.Length)].Text, Weaknesses[random.Next(Weaknesses.Length)].System),
                < 8 => New(reported, ReportKind.Incident, FalseAlarms[random.Next(FalseAlarms.Length)], null),
                _ => New(reported, ReportKind.Suggestion, Suggestions[random.Next(Suggestions.Length)], null),
            };
            if (reported > now.AddDays(-10))
            {
                continue;
            }

            report.TriagedAt = reported.AddHours(2 + random.Next(30));
            if (report.Kind == ReportKind.Incident || random.Next(5) == 0)
            {
                report.Status = ReportStatus.Rejected;
                report.TriageReason = report.Kind == ReportKind.Incident
                    ? "查無異常，屬正常系統行為。Nothing abnormal: the system behaved as designed."
                    : "已有控制措施。A control already covers it.";
                continue;
            }

            report.Status = ReportStatus.Actioned;
            var due = agency.DateAt(report.TriagedAt.Value).AddDays(14 + random.Next(45));
            taken.Add((report, handlers[random.Next(handlers.Count)].Id, due, due < agency.DateAt(now) && random.Next(6) != 0));
        }

        // Graded incidents, at most two a half year so the objective is met; one major; two drills.
        var incidents = new (DateOnly On, ReportKind Kind, string System, string Text, ImpactInput Impact, bool Drill, bool LinkOutage)[]
        {
            (new DateOnly(2025, 3, 12), ReportKind.Incident, "E-mail", "一名同仁點擊釣魚郵件連結並輸入密碼。A colleague entered their password on a phishing page.",
                new ImpactInput { Aspect = ImpactAspect.Confidentiality, Scope = ImpactScope.NonCore, Severity = ImpactSeverity.Minor }, false, false),
            (new DateOnly(2025, 6, 3), ReportKind.Incident, "Office network", "社交工程演練：釣魚郵件。Social-engineering drill: a phishing mail to all staff.",
                new ImpactInput { Aspect = ImpactAspect.Confidentiality, Scope = ImpactScope.NonCore, Severity = ImpactSeverity.Minor }, true, false),
            (new DateOnly(2025, 9, 18), ReportKind.Incident, "Cargo clearance", "通關系統資料庫主機故障，放行中斷。The clearance database host failed; releases stopped.",
                new ImpactInput { Aspect = ImpactAspect.Availability, Scope = ImpactScope.Core, CriticalInfrastructure = true, RestoredWithinTolerableTime = true }, false, true),
            (new DateOnly(2025, 11, 20), ReportKind.Incident, "Office network", "資安事件應變演練：勒索軟體情境。Incident-response drill: a ransomware scenario.",
                new ImpactInput { Aspect = ImpactAspect.Integrity, Scope = ImpactScope.Core, Severity = ImpactSeverity.Minor }, true, false),
            (new DateOnly(2026, 4, 8), ReportKind.Incident, "EDI gateway", "EDI 閘道遭暴力破解，一組報關業者帳號被登入。A broker's EDI account was taken over by password guessing.",
                new ImpactInput { Aspect = ImpactAspect.Confidentiality, Scope = ImpactScope.Core, Severity = ImpactSeverity.Minor }, false, false),
            (new DateOnly(2026, 8, 26), ReportKind.Incident, "Inspection hall PC", "查驗區電腦感染惡意程式。Malware on an inspection hall PC.",
                new ImpactInput { Aspect = ImpactAspect.Integrity, Scope = ImpactScope.NonCore, Severity = ImpactSeverity.Minor }, false, false),
        };
        var graded = new List<(SecurityReport Report, bool Drill)>();
        foreach (var (on, kind, system, text, impact, drill, linkOutage) in incidents)
        {
            var aware = linkOutage && outage is not null ? outage.Start.AddMinutes(12) : agency.StartOf(on).AddHours(10).AddMinutes(20);
            if (aware > now.AddDays(-3))
            {
                continue;
            }

            var report = New(aware.AddMinutes(5), kind, text, system);
            var level = IncidentLevel.Of(new Impact(impact.Aspect!.Value, impact.Scope!.Value, impact.CriticalInfrastructure, impact.Severity, impact.RestoredWithinTolerableTime));
            report.Status = ReportStatus.Confirmed;
            report.Level = level;
            report.ImpactsJson = ImpactColumn.Write([impact]);
            report.OccurredAt = aware.AddMinutes(-35);
            report.AwareAt = aware;
            report.TriagedAt = aware.AddMinutes(25);
            report.Drill = drill;
            report.OutageId = linkOutage ? outage?.Id : null;
            report.ReportedExternallyAt = drill ? null : aware.AddMinutes(40);
            report.ExternalReference = drill ? null : string.Create(CultureInfo.InvariantCulture, $"NICS-{on:yyyyMMdd}-{random.Next(100, 999)}");
            report.RecoveredAt = linkOutage && outage?.End is { } end ? end : aware.AddHours(level >= 3 ? 20 : 30);
            report.ClosedAt = report.RecoveredAt.Value.AddDays(21);
            report.ScopeAndDamage = level >= 3 ? "全國報單放行暫停，約 1,200 件報單延後處理。Releases stopped nationwide; about 1,200 declarations were delayed." : "影響限於單一帳號或單一電腦。Limited to one account or one PC.";
            report.HandlingCourse = "隔離、保全證據、復原、調查並通報。Isolated, evidence kept, recovered, investigated and reported.";
            report.RootCause = level >= 3 ? "資料庫主機的磁碟陣列無熱備援磁碟。The database host's disk array had no hot spare." : "密碼強度不足且未啟用雙因子驗證。A weak password without a second factor.";
            report.PreventiveManagement = "修訂作業程序並納入下次內部稽核。Procedure revised and added to the next internal audit.";
            report.PreventiveTechnology = level >= 3 ? "增設熱備援磁碟與磁碟健康告警。Hot spares and disk health alerts." : "啟用雙因子驗證與登入失敗鎖定。Two-factor sign-in and lockout.";
            report.PreventiveStaffing = "相關人員完成資安教育訓練。The staff involved completed security training.";
            report.PreventiveResources = "編列明年度備援設備預算。Budget for standby equipment next year.";
            report.PlannedCompletion = agency.DateAt(report.ClosedAt.Value).AddMonths(2);
            report.FollowUp = "於下次資安稽核時確認改善措施。Checked at the next security compliance audit.";
            if (level >= 3)
            {
                report.ClosureRequestedAt = report.ClosedAt.Value.AddDays(-2);
                report.ClosureNote = "同意結案。Closure approved by the Deputy Director General.";
            }

            if (drill)
            {
                report.DrillKind = text.Contains("Social", StringComparison.Ordinal) ? DrillKind.SocialEngineering : DrillKind.IncidentResponse;
                report.DrillParticipants = report.DrillKind == DrillKind.SocialEngineering ? 420 : 18;
                report.DrillFailures = report.DrillKind == DrillKind.SocialEngineering ? 23 : 2;
                report.DrillReported = report.DrillKind == DrillKind.SocialEngineering ? 251 : 16;
                report.DrillResults = report.DrillKind == DrillKind.SocialEngineering
                    ? "23 人點擊連結，251 人通報。23 opened the link; 251 reported the mail. 點擊者須補上課程。Those who clicked take the course again."
                    : "應變小組於 40 分鐘內完成隔離；備份還原較預期慢。The team isolated the hosts within 40 minutes; restoring backups was slower than planned.";
                report.ReportedExternallyAt = null;
            }

            graded.Add((report, drill));
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (report, owner, due, done) in taken)
        {
            db.Add(new ReportTask
            {
                ReportId = report.Id,
                Kind = ReportTaskKind.CorrectiveAction,
                Title = report.AffectedSystem is { } system ? $"修正 {system} 的弱點 Fix the weakness in {system}" : "評估並採行建議 Assess and take up the suggestion",
                OwnerPersonId = owner,
                DueOn = due,
                DoneAt = done ? agency.StartOf(due).AddHours(-30) : null,
                CreatedAt = report.TriagedAt!.Value,
            });
        }

        foreach (var (report, drill) in graded)
        {
            var aware = report.AwareAt!.Value;
            var steps = new (TimeSpan After, string Text)[]
            {
                (TimeSpan.FromMinutes(10), "資安處理小組接獲通報並召集應變人員。The handling unit took the report and called the response team."),
                (TimeSpan.FromMinutes(30), "隔離受影響系統並保全日誌。Affected systems isolated, logs preserved."),
                (TimeSpan.FromMinutes(40), drill ? "演練：模擬通報主管機關。Drill: the report to the authority was simulated." : "已通報主管機關。Reported to the competent authority."),
                (report.RecoveredAt!.Value - aware, "完成復原並確認服務正常。Recovery completed and service checked."),
                (report.ClosedAt!.Value - aware - TimeSpan.FromDays(3), "完成調查及改善報告。The investigation and improvement report was completed."),
            };
            foreach (var (after, text) in steps)
            {
                db.Add(new ReportTimelineEntry { ReportId = report.Id, At = aware + after, Text = text, AuthorName = handlers[0].FullName, WrittenAt = aware + after });
            }

            foreach (var (title, days) in new[] { ("更新作業程序 Update the procedure", 30), ("完成人員訓練 Train the staff involved", 45) })
            {
                db.Add(new ReportTask
                {
                    ReportId = report.Id,
                    Kind = ReportTaskKind.Task,
                    Title = title,
                    OwnerPersonId = handlers[random.Next(handlers.Count)].Id,
                    DueOn = agency.DateAt(aware).AddDays(days),
                    DoneAt = aware.AddDays(days - 3) < now ? aware.AddDays(days - 3) : null,
                    CreatedAt = aware.AddHours(2),
                });
            }
        }

        // A reward for the suggestion that led to two-factor sign-in, a punishment after the phishing incident.
        var suggestion = taken.Select(t => t.Report).FirstOrDefault(r => r.Kind == ReportKind.Suggestion);
        var phishing = graded.Select(g => g.Report).FirstOrDefault(r => !r.Drill);
        foreach (var (report, kind, decision) in new[]
        {
            (suggestion, SanctionKind.Reward, "嘉獎一次：建議啟用雙因子驗證並經採行。A commendation: the suggestion of two-factor sign-in was taken up."),
            (phishing, SanctionKind.Punishment, "申誡一次：未依規定於外部網站輸入公務帳號密碼。A reprimand: official credentials entered on an outside site."),
        })
        {
            if (report?.ReporterPersonId is not { } personId)
            {
                continue;
            }

            db.Add(new Sanction
            {
                PersonId = personId,
                UnitId = report.UnitId ?? people.First(p => p.Id == personId).UnitId,
                Kind = kind,
                Decision = decision,
                DecidedOn = agency.DateAt(report.TriagedAt!.Value).AddDays(30),
                DecidedBy = "考績委員會 Performance review committee",
                ReportId = report.Id,
                RecordedAt = report.TriagedAt.Value.AddDays(31),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
