using System.Text.Json.Nodes;
using Isms.Web.Features.Mail;
using Isms.Web.Features.ServiceDesk;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Isms.Web.Tests.ServiceDesk.DeskWorld;

namespace Isms.Web.Tests.ServiceDesk;

/// Issue 4: "at risk" is at most AtRiskHours (4) of office time left, counted on the working-day
/// calendar, in the queue (?atRisk=true) and in the assignee's mail. Each test sets the clock itself.
/// A settings change holds from its moment on, so each test that needs a setting other than the
/// default puts it in itself, at dates no other test uses: the order of the tests does not matter.
public abstract class AtRiskTests(IsmsApp app, StoppedClock clock)
{
    [Fact]
    public async Task AtRiskQueue_FormDueAfterLunarNewYear_IsListed()
    {
        clock.Set(At(2026, 2, 13, 15));
        var world = await ArrangeAsync(app);
        var dueAfterBreak = await HoursFormDueAfterLunarNewYearAsync(world);
        // Days rule, received the same Friday: due Tuesday the 24th, 20.5 office hours away.
        var later = (await SubmitAsync(world.Desk, world.RequesterId, At(2026, 2, 13, 9)))["number"]!.GetValue<string>();

        var listed = await AtRiskAsync(world.Desk);

        // Nine days off lie between now and its due time, but only 3.5 office hours.
        var form = Assert.Single(listed, f => f["number"]!.GetValue<string>() == dueAfterBreak);
        Assert.Equal(3.5, form["remaining"]!["officeHours"]!.GetValue<double>());
        Assert.True(form["remaining"]!["atRisk"]!.GetValue<bool>());
        Assert.DoesNotContain(listed, f => f["number"]!.GetValue<string>() == later);
    }

    [Fact]
    public async Task AtRiskMail_FormDueAfterLunarNewYear_IsSentToTheAssigneeOnce()
    {
        clock.Set(At(2026, 2, 13, 15));
        var world = await ArrangeAsync(app);
        var number = await HoursFormDueAfterLunarNewYearAsync(world);
        await ActAsync(world.Desk, number, "assign", new JsonObject { ["assigneeId"] = world.DeskPersonId });
        var job = app.Services.GetRequiredService<QaAlertJob>();

        await job.RunOnceAsync(CancellationToken.None);
        await job.RunOnceAsync(CancellationToken.None);

        var mail = Assert.Single(await app.QueryAsync(db => db.Set<OutgoingMail>().Where(m => m.Reason == "qa.at-risk " + number).ToListAsync()));
        Assert.Equal(world.DeskEmail, mail.To);
        Assert.Contains("is due 2026-02-23 09:30 (Asia/Taipei): 3.5 office hours left", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AtRiskQueue_WithEightyAtRiskHours_ListsAFormDueMoreThanAWeekAway()
    {
        clock.Set(At(2026, 6, 1, 8));
        var world = await ArrangeAsync(app);
        await SettingsAsync(app, new JsonObject { ["targetDays"] = 7, ["atRiskHours"] = 80 });
        clock.Set(At(2026, 6, 1, 9));
        // Received Monday 1 June (day 0), due at the end of working day 7, Wednesday the 10th.
        var number = (await SubmitAsync(world.Desk, world.RequesterId, At(2026, 6, 1, 8, 30)))["number"]!.GetValue<string>();

        var listed = await AtRiskAsync(world.Desk);

        // 8.5 office hours today, 4 × 9 this week, 3 × 9 next week up to Wednesday.
        var form = Assert.Single(listed, f => f["number"]!.GetValue<string>() == number);
        Assert.Equal(At(2026, 6, 10, 23, 59, 59), Instant(form["dueAt"]));
        Assert.Equal(71.5, form["remaining"]!["officeHours"]!.GetValue<double>());
    }

    [Fact]
    public async Task AtRiskQueue_WhenTheNextYearHasNoCalendar_StillListsFormsDueThisYear()
    {
        // 2040 as plain weekdays; 2041 is never imported, so four office hours from Monday 31
        // December 15:00 cannot be counted to their end.
        clock.Set(At(2040, 12, 28, 8));
        var world = await ArrangeAsync(app);
        await EnsureYearAsync(app, 2040);
        // The defaults again: a change another test made at an earlier date would hold here too.
        await SettingsAsync(app, []);
        clock.Set(At(2040, 12, 31, 15));
        // Working hours from Friday 28 December 08:30: 9 h that day, 9 h on Monday, due 17:30.
        var number = (await SubmitAsync(world.Desk, world.RequesterId, At(2040, 12, 28, 8, 30), categoryId: await CategoryAsync(app, QaClockRule.WorkingHours)))["number"]!.GetValue<string>();

        var listed = await AtRiskAsync(world.Desk);

        var form = Assert.Single(listed, f => f["number"]!.GetValue<string>() == number);
        Assert.Equal(At(2040, 12, 31, 17, 30), Instant(form["dueAt"]));
        Assert.Equal(2.5, form["remaining"]!["officeHours"]!.GetValue<double>());
    }

    /// Working hours (2 × 9 h) from Thursday 12 February 2026 09:30: 8 h that day, 9 h on Friday the
    /// 13th; the 16th–20th are days off (Lunar New Year), so the last hour is Monday the 23rd.
    private async Task<string> HoursFormDueAfterLunarNewYearAsync(DeskWorld world)
    {
        var form = await SubmitAsync(world.Desk, world.RequesterId, At(2026, 2, 12, 9, 30), categoryId: await CategoryAsync(app, QaClockRule.WorkingHours));
        Assert.Equal(At(2026, 2, 23, 9, 30), Instant(form["dueAt"]));
        return form["number"]!.GetValue<string>();
    }

    private static async Task<List<JsonNode>> AtRiskAsync(HttpClient desk) =>
        (await GetAsync<JsonObject>(desk, $"/api/v1/qa-forms?atRisk=true&pageSize={QaFormQuery.MaxPageSize}"))["items"]!.AsArray().Select(f => f!).ToList();
}

public sealed class AtRiskTestsOnSqlite(DeskClockSqliteApp app) : AtRiskTests(app, app.Clock), IClassFixture<DeskClockSqliteApp>;

public sealed class AtRiskTestsOnPostgres(DeskClockPostgresApp app) : AtRiskTests(app, app.Clock), IClassFixture<DeskClockPostgresApp>;
