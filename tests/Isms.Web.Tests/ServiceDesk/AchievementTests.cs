using System.Text.Json.Nodes;
using Isms.Web.Data;
using Isms.Web.Features.ServiceDesk;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Isms.Web.Tests.ServiceDesk.DeskWorld;

namespace Isms.Web.Tests.ServiceDesk;

/// Issue 4: the yearly achievement figures equal a count made here, independently, from the rows.
public abstract class AchievementTests(IsmsApp app)
{
    private const int Year = 2070;

    [Fact]
    public async Task Achievement_ForAYear_EqualsAnIndependentCountOfTheRows()
    {
        var world = await ArrangeAsync(app);
        var now = TimeProvider.System.GetUtcNow();
        var random = new Random(4);
        var categories = await app.QueryAsync(db => db.Set<QaCategory>().Select(c => c.Id).ToListAsync());
        var rows = new List<QaForm>();
        for (var i = 0; i < 300; i++)
        {
            // Due times at least a day away from now, so nothing turns overdue while the test runs.
            var due = now.AddDays(random.Next(2) == 0 ? -(1 + random.Next(300)) : 1 + random.Next(30)).AddSeconds(random.Next(86_400));
            var status = (QaFormStatus)random.Next(6);
            DateTimeOffset? finished = status == QaFormStatus.Finished ? due.AddHours(random.Next(-72, 24)) : null;
            rows.Add(new QaForm
            {
                Number = $"QA-{Year}-{Api.Unique("")[..6]}",
                Year = Year,
                Month = 1 + random.Next(12),
                Sequence = 0,
                RequesterId = world.RequesterId,
                OwnerUnitId = world.UnitId,
                Module = "m",
                CategoryId = categories[random.Next(categories.Count)],
                Subject = "s",
                Description = "d",
                ReceivedAt = due.AddDays(-2),
                DueAt = due,
                Status = status,
                AssigneeId = random.Next(3) == 0 ? null : world.DeskPersonId,
                FinishedAt = finished,
                OnTime = finished is { } f ? f <= due : null,
                PausedSince = status == QaFormStatus.WaitingForRequester && random.Next(2) == 0 ? due.AddDays(-1) : null,
                PauseWhileWaiting = true,
                TargetDays = 2,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }

        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<IsmsDbContext>();
            var sequence = 1;
            foreach (var row in rows)
            {
                row.Sequence = sequence++;
                row.Number = $"QA-{Year}-{row.Sequence:D6}";
            }

            db.AddRange(rows);
            await db.SaveChangesAsync();
        });

        var counted = rows.Where(r => r.Status != QaFormStatus.Cancelled).ToList();
        var onTime = counted.Count(r => r.Status == QaFormStatus.Finished && r.FinishedAt <= r.DueAt);
        var late = counted.Count(r => r.Status == QaFormStatus.Finished && r.FinishedAt > r.DueAt);
        var overdue = counted.Count(r => r.Status != QaFormStatus.Finished && r.PausedSince == null && r.DueAt < now);
        var manager = await app.ClientAsync(Roles.Manager);

        var report = await GetAsync<JsonObject>(manager, $"/api/v1/service-desk/achievement?year={Year}");

        var total = report["total"]!;
        Assert.Equal(counted.Count, total["received"]!.GetValue<int>());
        Assert.Equal(onTime, total["finishedOnTime"]!.GetValue<int>());
        Assert.Equal(late, total["finishedLate"]!.GetValue<int>());
        Assert.Equal(overdue, total["openOverdue"]!.GetValue<int>());
        Assert.Equal(counted.Count - onTime - late - overdue, total["pending"]!.GetValue<int>());
        Assert.Equal(rows.Count - counted.Count, total["cancelled"]!.GetValue<int>());
        Assert.Equal(Math.Round(100m * onTime / (onTime + late + overdue), 2), report["rate"]!.GetValue<decimal>());
        Assert.Equal(94m, report["goalPercent"]!.GetValue<decimal>());
        var months = report["byMonth"]!.AsArray();
        Assert.Equal(counted.Count, months.Sum(m => m!["figures"]!["received"]!.GetValue<int>()));
        var march = counted.Where(r => r.Month == 3).ToList();
        Assert.Equal(march.Count, months.Single(m => m!["key"]!.GetValue<string>() == "03")!["figures"]!["received"]!.GetValue<int>());
    }

    [Fact]
    public async Task Achievement_IsRefusedToStaff()
    {
        var staff = await app.ClientAsync(Roles.Staff);
        using var response = await staff.GetAsync($"/api/v1/service-desk/achievement?year={Year}");
        await response.ExpectAsync(System.Net.HttpStatusCode.Forbidden);
    }
}

public sealed class AchievementTestsOnSqlite(SqliteApp app) : AchievementTests(app), IClassFixture<SqliteApp>;

public sealed class AchievementTestsOnPostgres(PostgresApp app) : AchievementTests(app), IClassFixture<PostgresApp>;
