using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Isms.Core.Calendars;
using Isms.Web.Data;
using Isms.Web.Features.Audit;
using Isms.Web.Features.Calendar;
using Isms.Web.Features.ServiceDesk;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Audit;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Isms.Web.Tests.ServiceDesk.DeskWorld;

namespace Isms.Web.Tests.ServiceDesk;

/// Issue 4: the office calendar as imported and the closures declared per location, and what they
/// do to the forms' due times.
public abstract class CalendarTests(IsmsApp app)
{
    [Fact]
    public async Task ShippedYears_HaveTheOfficialWorkingDayCounts()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var years = await GetAsync<List<CalendarYearResponse>>(client, "/api/v1/calendar/years");

        Assert.Equal(247, years.Single(y => y.Year == 2025).WorkingDays);
        Assert.Equal(245, years.Single(y => y.Year == 2026).WorkingDays);
        var days2025 = await GetAsync<List<CalendarDayResponse>>(client, "/api/v1/calendar/years/2025");
        Assert.False(days2025.Single(d => d.Date == new DateOnly(2025, 2, 8)).DayOff); // the make-up Saturday
        Assert.True(days2025.Single(d => d.Date == new DateOnly(2025, 1, 27)).DayOff);
    }

    [Fact]
    public async Task Import_BadFile_ListsEveryBadLineAndImportsNothing()
    {
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var lines = WeekdayCalendar(2031).Split("\r\n").ToList();
        lines[10] = lines[10].Replace(",0,", ",7,", StringComparison.Ordinal); // unknown flag, line 11
        lines.RemoveAt(40); // a missing day, line 41
        using var content = new StringContent(string.Join("\r\n", lines), Encoding.UTF8, "text/csv");
        using var response = await officer.PostAsync("/api/v1/calendar/years", content);

        var problem = await response.ReadAsync<JsonObject>(HttpStatusCode.BadRequest);
        Assert.True(problem["lines"]!.AsArray().Count >= 2);
        Assert.Contains(problem["lines"]!.AsArray(), l => l!["line"]!.GetValue<int>() == 11);
        Assert.False(await app.QueryAsync(db => db.Set<CalendarYear>().AnyAsync(y => y.Year == 2031)));
    }

    [Fact]
    public async Task Import_WrongHeader_IsRefused()
    {
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        using var content = new StringContent("date,weekday,off,remark\r\n" + string.Join("\r\n", WeekdayCalendar(2032).Split("\r\n").Skip(1)), Encoding.UTF8, "text/csv");
        using var response = await officer.PostAsync("/api/v1/calendar/years", content);
        await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.False(await app.QueryAsync(db => db.Set<CalendarYear>().AnyAsync(y => y.Year == 2032)));
    }

    [Fact]
    public async Task Import_Big5File_IsDecoded()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var text = WeekdayCalendar(2033, d => d == new DateOnly(2033, 1, 3) ? (true, "補假") : (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, ""));
        using var upload = new MultipartFormDataContent { { new ByteArrayContent(Encoding.GetEncoding(950).GetBytes(text)), "file", "2033.csv" } };
        using var response = await officer.PostAsync("/api/v1/calendar/years", upload);

        var result = await response.ReadAsync<CalendarImportResult>();
        Assert.Equal(2033, result.Year);
        var days = await GetAsync<List<CalendarDayResponse>>(officer, "/api/v1/calendar/years/2033");
        Assert.Equal("補假", days.Single(d => d.Date == new DateOnly(2033, 1, 3)).Remark);
    }

    [Fact]
    public async Task MissingYear_LeavesTheDueTimeUnknown_UntilTheYearIsImported()
    {
        var world = await ArrangeAsync(app);
        // 2024 is not shipped: the due time cannot be worked out, and is not guessed.
        var form = await SubmitAsync(world.Desk, world.RequesterId, At(2024, 12, 30, 10));
        Assert.Null(form["dueAt"]);
        Assert.Equal(2024, form["missingCalendarYear"]!.GetValue<int>());

        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        using var content = new StringContent(WeekdayCalendar(2024), Encoding.UTF8, "text/csv");
        using (var response = await officer.PostAsync("/api/v1/calendar/years", content))
        {
            await response.ExpectAsync(HttpStatusCode.OK);
        }

        // Monday 30 Dec 2024: day 0; Tuesday 31 Dec day 1; Thursday 2 Jan 2025 day 2 (1 Jan is a holiday).
        var after = await GetAsync<JsonObject>(world.Desk, $"/api/v1/qa-forms/{form["number"]}");
        Assert.Equal(At(2025, 1, 2, 23, 59, 59), Instant(after["dueAt"]));
        Assert.Null(after["missingCalendarYear"]);
    }

    [Fact]
    public async Task MissingYear_OfAFinishedForm_IsWorkedOutWhenTheYearIsImported()
    {
        var world = await ArrangeAsync(app);
        // 2022 is not shipped and no other test imports it.
        var form = await SubmitAsync(world.Desk, world.RequesterId, At(2022, 12, 20, 10));
        var number = form["number"]!.GetValue<string>();
        await ActAsync(world.Desk, number, "assign", new JsonObject { ["assigneeId"] = world.DeskPersonId });
        var finished = await ActAsync(world.Desk, number, "finish", new JsonObject { ["text"] = "Answered." });
        Assert.Null(finished["dueAt"]);
        Assert.Null(finished["onTime"]);
        Assert.Equal(2022, finished["missingCalendarYear"]!.GetValue<int>());

        await EnsureYearAsync(app, 2022);

        // A finished form is not open, yet its clock waited for the year: Tuesday 20 Dec is day 0,
        // Thursday 22 Dec day 2. Finished now, years later: late.
        var after = await GetAsync<JsonObject>(world.Desk, $"/api/v1/qa-forms/{number}");
        Assert.Null(after["missingCalendarYear"]);
        Assert.Equal(At(2022, 12, 22, 23, 59, 59), Instant(after["dueAt"]));
        Assert.False(after["onTime"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Closure_MovesTheDueTimeOfOpenFormsThere_AndWithdrawingMovesItBack()
    {
        var location = "City " + Api.Unique();
        var world = await ArrangeAsync(app, location);
        var number = await OpenFormAtAsync(world, location, At(2026, 3, 2, 10)); // Monday: due Wednesday the 4th
        var elsewhere = await OpenFormAtAsync(world, null, At(2026, 3, 2, 10));
        var officer = await app.ClientAsync(Roles.SecurityOfficer);

        using var declared = await officer.PostJsonAsync("/api/v1/calendar/closures", new JsonObject
        {
            ["date"] = "2026-03-03",
            ["locations"] = new JsonArray(location),
            ["reason"] = "Typhoon Test",
        });
        var closure = await declared.ReadAsync<ClosureResponse>(HttpStatusCode.Created);

        Assert.Equal(At(2026, 3, 5, 23, 59, 59), await DueAsync(number));
        Assert.Equal(At(2026, 3, 4, 23, 59, 59), await DueAsync(elsewhere));

        using (var withdrawn = await officer.DeleteAsync($"/api/v1/calendar/closures/{closure.DeclarationId}"))
        {
            await withdrawn.ExpectAsync(HttpStatusCode.NoContent);
        }

        Assert.Equal(At(2026, 3, 4, 23, 59, 59), await DueAsync(number));
    }

    // Issue 3 §6 and issue 4: the due times a closure moves are written set-based, yet each moved
    // form gets its own update entry, by the officer who declared it, and the chain stays intact.
    [Fact]
    public async Task Closure_AuditsEachMovedFormOnce_AndTheChainStaysIntact()
    {
        var location = "City " + Api.Unique();
        var world = await ArrangeAsync(app, location);
        var moved = new[] { await OpenFormAtAsync(world, location, At(2026, 3, 2, 10)), await OpenFormAtAsync(world, location, At(2026, 3, 2, 11)) };
        var unmoved = await OpenFormAtAsync(world, location, At(2026, 2, 24, 10)); // due on the 26th, before the closure
        var (officer, account, officerName) = await app.SignedInUserAsync(Roles.SecurityOfficer);
        var before = await app.HeadAsync();

        using var declared = await officer.PostJsonAsync("/api/v1/calendar/closures", new JsonObject
        {
            ["date"] = "2026-03-03",
            ["locations"] = new JsonArray(location),
            ["reason"] = "Typhoon Audit",
        });
        await declared.ReadAsync<ClosureResponse>(HttpStatusCode.Created);

        foreach (var number in moved)
        {
            var id = await app.QueryAsync(db => db.Set<QaForm>().Where(f => f.Number == number).Select(f => f.Id).SingleAsync());
            var update = Assert.Single(await app.EntriesAsync(nameof(QaForm), id.ToString(System.Globalization.CultureInfo.InvariantCulture)), e => e.Sequence > before);
            Assert.Equal("record.update", update.Action);
            Assert.Equal(officerName, update.ActorName);
            // Stored as EF stores an account id, so that a query by account finds the entry.
            Assert.True(await app.QueryAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Sequence == update.Sequence && e.ActorAccountId == account.Id)));
            var changes = JsonNode.Parse(update.Changes!)!.AsObject();
            Assert.Equal(At(2026, 3, 4, 23, 59, 59), Instant(changes["DueAt"]!["old"]));
            Assert.Equal(At(2026, 3, 5, 23, 59, 59), Instant(changes["DueAt"]!["new"]));
            Assert.Equal(changes["Version"]!["old"]!.GetValue<int>() + 1, changes["Version"]!["new"]!.GetValue<int>());
            Assert.False(changes.ContainsKey("OnTime")); // unchanged fields are not listed, as for a tracked update
        }

        var unmovedId = await app.QueryAsync(db => db.Set<QaForm>().Where(f => f.Number == unmoved).Select(f => f.Id).SingleAsync());
        Assert.DoesNotContain(await app.EntriesAsync(nameof(QaForm), unmovedId.ToString(System.Globalization.CultureInfo.InvariantCulture)), e => e.Sequence > before);
        var check = await app.VerifyAsync();
        Assert.True(check.Verification.IsIntact, check.Verification.Problem);
    }

    // A closure reads only the forms it can move (on its locations' calendars, received by the end
    // of its day, due from its start). Afterwards every form's due time is still what the whole
    // calendar gives: the narrower read missed nothing, here or elsewhere, received or due before
    // or after the day, for whole-day and partial closures and a withdrawal.
    [Fact]
    public async Task Closures_LeaveEveryDueTimeAsTheWholeCalendarGivesIt()
    {
        var here = "City " + Api.Unique();
        var there = "City " + Api.Unique();
        var world = await ArrangeAsync(app, here);
        await ArrangeAsync(app, there);
        var hours = await CategoryAsync(app, QaClockRule.WorkingHours);
        var forms = new List<string>();
        foreach (var location in new[] { here, there, null })
        {
            foreach (var received in new[] { At(2026, 2, 26, 9), At(2026, 3, 2, 10), At(2026, 3, 3, 16), At(2026, 3, 4, 11), At(2026, 3, 6, 17, 45), At(2026, 3, 10, 9) })
            {
                forms.Add(await OpenFormAtAsync(world, location, received));
            }

            // Office hours: a closure on the day of receipt itself moves these.
            foreach (var received in new[] { At(2026, 3, 3, 10), At(2026, 3, 4, 10), At(2026, 3, 9, 9) })
            {
                forms.Add(await OpenFormAtAsync(world, location, received, hours));
            }
        }

        var nationalDue = await DueAsync(forms[1]);
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var declarations = new List<Guid>();
        foreach (var (date, from, locations) in new[] { ("2026-03-03", null, new[] { here }), ("2026-03-04", "12:00:00", new[] { there }), ("2026-03-09", null, new[] { here, there }) })
        {
            using var declared = await officer.PostJsonAsync("/api/v1/calendar/closures", new JsonObject
            {
                ["date"] = date,
                ["from"] = from,
                ["locations"] = new JsonArray(locations.Select(l => (JsonNode)l).ToArray()),
                ["reason"] = "Typhoon Scope",
            });
            declarations.Add((await declared.ReadAsync<ClosureResponse>(HttpStatusCode.Created)).DeclarationId);
            await ExpectWholeCalendarDueTimesAsync(forms);
        }

        Assert.NotEqual(nationalDue, await DueAsync(forms[1])); // the closures did move forms
        using (var withdrawn = await officer.DeleteAsync($"/api/v1/calendar/closures/{declarations[0]}"))
        {
            await withdrawn.ExpectAsync(HttpStatusCode.NoContent);
        }

        await ExpectWholeCalendarDueTimesAsync(forms);
    }

    // A form's recorded pauses still count when a closure moves its due time.
    [Fact]
    public async Task Closure_KeepsTheTimeAFormWasPaused()
    {
        var location = "City " + Api.Unique();
        var world = await ArrangeAsync(app, location);
        var hours = await CategoryAsync(app, QaClockRule.WorkingHours);
        // Both due on Wednesday 4 March without the closure: the one at 10:00, the paused one five
        // office hours later (Monday 14:00–17:30 and Tuesday 08:30–10:00).
        var plain = await OpenFormAtAsync(world, location, At(2026, 3, 2, 10), hours);
        var paused = await OpenFormAtAsync(world, location, At(2026, 3, 2, 10), hours);
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<IsmsDbContext>();
            var form = await db.Set<QaForm>().SingleAsync(f => f.Number == paused);
            form.PauseWhileWaiting = true;
            db.Add(new QaPause { FormId = form.Id, Start = At(2026, 3, 2, 14), End = At(2026, 3, 3, 10) });
            await db.SaveChangesAsync();
        });

        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        using var declared = await officer.PostJsonAsync("/api/v1/calendar/closures", new JsonObject
        {
            ["date"] = "2026-03-04",
            ["locations"] = new JsonArray(location),
            ["reason"] = "Typhoon Pause",
        });
        await declared.ReadAsync<ClosureResponse>(HttpStatusCode.Created);

        Assert.Equal(At(2026, 3, 5, 10), await DueAsync(plain));
        Assert.Equal(At(2026, 3, 5, 15), await DueAsync(paused));
        await ExpectWholeCalendarDueTimesAsync([plain, paused]);
    }

    private async Task ExpectWholeCalendarDueTimesAsync(IReadOnlyList<string> numbers) =>
        await app.WithScopeAsync(async services =>
        {
            var calendar = await services.GetRequiredService<WorkingCalendars>().LoadAsync(CancellationToken.None);
            var db = services.GetRequiredService<IsmsDbContext>();
            var forms = await db.Set<QaForm>().AsNoTracking().Where(f => numbers.Contains(f.Number)).ToListAsync();
            var ids = forms.Select(f => f.Id).ToList();
            var pauses = (await db.Set<QaPause>().AsNoTracking().Where(p => ids.Contains(p.FormId)).ToListAsync()).ToLookup(p => p.FormId, p => new SlaPause(p.Start, p.End));
            foreach (var form in forms)
            {
                Assert.Equal(QaClock.DueAt(calendar, QaClockInput.Of(form), pauses[form.Id].ToList()).DueAt, form.DueAt);
            }
        });

    [Fact]
    public async Task Closure_ForAnUnknownLocation_IsRefused()
    {
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        using var response = await officer.PostJsonAsync("/api/v1/calendar/closures", new JsonObject
        {
            ["date"] = "2026-03-03",
            ["locations"] = new JsonArray("Atlantis " + Api.Unique()),
            ["reason"] = "Typhoon",
        });
        var problem = await response.ReadAsync<JsonObject>(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["Locations"]);
    }

    private async Task<string> OpenFormAtAsync(DeskWorld world, string? location, DateTimeOffset receivedAt, int? categoryId = null)
    {
        var number = (await SubmitAsync(world.Desk, world.RequesterId, receivedAt, categoryId: categoryId))["number"]!.GetValue<string>();
        // The handling unit's location is copied at receipt; here it is set as if the desk unit were there.
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<IsmsDbContext>();
            var form = await db.Set<QaForm>().SingleAsync(f => f.Number == number);
            form.ClockLocation = location;
            await db.SaveChangesAsync();
        });
        return number;
    }

    private Task<DateTimeOffset?> DueAsync(string number) =>
        app.QueryAsync(db => db.Set<QaForm>().Where(f => f.Number == number).Select(f => f.DueAt).SingleAsync());
}

public sealed class CalendarTestsOnSqlite(SqliteApp app) : CalendarTests(app), IClassFixture<SqliteApp>;

public sealed class CalendarTestsOnPostgres(PostgresApp app) : CalendarTests(app), IClassFixture<PostgresApp>;
