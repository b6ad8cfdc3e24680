using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Isms.Web.Data;
using Isms.Web.Features.ServiceDesk;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Isms.Web.Tests.ServiceDesk.DeskWorld;

namespace Isms.Web.Tests.ServiceDesk;

/// Issue 4 (policy IV.C.1.c): receiving, handling and finishing Q&A forms over the API.
public abstract partial class QaFormTests(IsmsApp app)
{
    [GeneratedRegex(@"^QA-\d{4}-\d{6}$")]
    private static partial Regex NumberPattern();

    [Fact]
    public async Task Submit_ByStaff_IsNumberedAndReceivedNow()
    {
        var world = await ArrangeAsync(app);
        var before = TimeProvider.System.GetUtcNow().AddSeconds(-1);
        var form = await SubmitAsync(world.Requester);

        Assert.Matches(NumberPattern(), form["number"]!.GetValue<string>());
        Assert.Equal("Received", form["status"]!.GetValue<string>());
        Assert.Equal("Api", form["channel"]!.GetValue<string>());
        Assert.Equal(world.RequesterId, form["requesterId"]!.GetValue<int>());
        Assert.InRange(Instant(form["receivedAt"])!.Value, before, TimeProvider.System.GetUtcNow().AddSeconds(1));
    }

    [Fact]
    public async Task Submit_PaperFormOnFridayBeforeLunarNewYear_IsDueTheSecondWorkingDayAfter()
    {
        var world = await ArrangeAsync(app);
        // Friday 13 Feb 2026, 17:00: the 16th–20th are days off, so day 1 is Monday the 23rd.
        var form = await SubmitAsync(world.Desk, world.RequesterId, At(2026, 2, 13, 17), "Paper");

        Assert.Equal("Paper", form["channel"]!.GetValue<string>());
        Assert.Equal(At(2026, 2, 24, 23, 59, 59), Instant(form["dueAt"]));
        Assert.Equal(world.RequesterId, form["requesterId"]!.GetValue<int>());
        Assert.Equal("2026", form["number"]!.GetValue<string>()[3..7]);
    }

    [Fact]
    public async Task Submit_InAWorkingHoursCategory_IsDueWhenTwoDaysOfOfficeHoursHavePassed()
    {
        var world = await ArrangeAsync(app);
        var category = await CategoryAsync(app, QaClockRule.WorkingHours);
        // Friday 13 Feb 2026, 15:00: 2.5 h that day, the 16th–20th are days off, 9 h on Monday the
        // 23rd and the last 6.5 h of the 2 × 9 office hours on Tuesday.
        var form = await SubmitAsync(world.Desk, world.RequesterId, At(2026, 2, 13, 15), categoryId: category);

        Assert.Equal("WorkingHours", form["rule"]!.GetValue<string>());
        Assert.Equal(category, form["categoryId"]!.GetValue<int>());
        Assert.Equal(At(2026, 2, 24, 15), Instant(form["dueAt"]));
    }

    [Fact]
    public async Task Submit_ReceivedInTheFuture_IsRefusedAndNothingIsStored()
    {
        var world = await ArrangeAsync(app);
        var count = await app.QueryAsync(db => db.Set<QaForm>().CountAsync());
        using var response = await world.Desk.PostJsonAsync("/api/v1/qa-forms", new JsonObject
        {
            ["module"] = "艙單 Manifests",
            ["categoryId"] = 1,
            ["subject"] = "Future",
            ["description"] = "Typed with the wrong year.",
            ["requesterId"] = world.RequesterId,
            ["receivedAt"] = TimeProvider.System.GetUtcNow().AddHours(2).ToString("O"),
        });

        var problem = await response.ReadAsync<JsonObject>(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["ReceivedAt"]);
        Assert.Equal(count, await app.QueryAsync(db => db.Set<QaForm>().CountAsync()));
    }

    [Fact]
    public async Task Submit_ReceiptTimeFromSomeoneOutsideTheDesk_IsRefused()
    {
        var world = await ArrangeAsync(app);
        using var response = await world.Requester.PostJsonAsync("/api/v1/qa-forms", new JsonObject
        {
            ["module"] = "艙單 Manifests",
            ["categoryId"] = 1,
            ["subject"] = "Backdated",
            ["description"] = "Trying to look earlier.",
            ["receivedAt"] = At(2026, 1, 5, 9).ToString("O"),
        });

        var problem = await response.ReadAsync<JsonObject>(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["ReceivedAt"]);
    }

    [Fact]
    public async Task Submit_WithoutSubject_IsRefusedWithTheField()
    {
        var world = await ArrangeAsync(app);
        using var response = await world.Requester.PostJsonAsync("/api/v1/qa-forms", new JsonObject { ["module"] = "x", ["categoryId"] = 1, ["description"] = "d" });
        var problem = await response.ReadAsync<JsonObject>(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["Subject"]);
    }

    [Fact]
    public async Task Handling_AssignStartFinish_RecordsTheFinishAndTheDecision()
    {
        var world = await ArrangeAsync(app);
        // Received in March 2025, finished now: long past its due time, so late.
        var form = await SubmitAsync(world.Desk, world.RequesterId, At(2025, 3, 3, 10), "Email");
        var number = form["number"]!.GetValue<string>();

        var assigned = await ActAsync(world.Desk, number, "assign", new JsonObject { ["assigneeId"] = world.DeskPersonId });
        Assert.Equal("Assigned", assigned["status"]!.GetValue<string>());
        Assert.Equal(world.DeskPersonId, assigned["assigneeId"]!.GetValue<int>());
        Assert.Equal("InProgress", (await ActAsync(world.Desk, number, "start"))["status"]!.GetValue<string>());
        var finished = await ActAsync(world.Desk, number, "finish", new JsonObject { ["text"] = "Resent the manifest." });

        Assert.Equal("Finished", finished["status"]!.GetValue<string>());
        Assert.NotNull(finished["finishedAt"]);
        Assert.False(finished["onTime"]!.GetValue<bool>());
        Assert.Equal(At(2025, 3, 5, 23, 59, 59), Instant(finished["dueAt"]));
    }

    [Fact]
    public async Task Finish_RightAfterReceipt_IsOnTime()
    {
        var world = await ArrangeAsync(app);
        await EnsureYearAsync(app, TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), Taipei).Year);
        var form = await SubmitAsync(world.Requester);
        var number = form["number"]!.GetValue<string>();
        await ActAsync(world.Desk, number, "assign", new JsonObject { ["assigneeId"] = world.DeskPersonId });
        var finished = await ActAsync(world.Desk, number, "finish", new JsonObject { ["text"] = "Answered." });

        // Near a year end the due time can fall in a year without a calendar: then it is unknown, never guessed.
        if (finished["dueAt"] is null)
        {
            Assert.NotNull(finished["missingCalendarYear"]);
            return;
        }

        Assert.True(finished["onTime"]!.GetValue<bool>());
    }

    [Fact]
    public async Task IllegalMove_IsRefusedAsConflict()
    {
        var world = await ArrangeAsync(app);
        var number = (await SubmitAsync(world.Desk, world.RequesterId, At(2026, 4, 7, 9)))["number"]!.GetValue<string>();

        using var start = await world.Desk.PostJsonAsync($"/api/v1/qa-forms/{number}/start", new JsonObject());
        await start.ExpectAsync(HttpStatusCode.Conflict);
        using var resume = await world.Desk.PostJsonAsync($"/api/v1/qa-forms/{number}/resume", new JsonObject());
        await resume.ExpectAsync(HttpStatusCode.Conflict);
        using var assign = await world.Desk.PostJsonAsync($"/api/v1/qa-forms/{number}/assign", new JsonObject { ["assigneeId"] = world.RequesterId });
        await assign.ExpectAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Reopen_KeepsTheOriginalDueTime()
    {
        var world = await ArrangeAsync(app);
        var number = (await SubmitAsync(world.Desk, world.RequesterId, At(2026, 5, 4, 9)))["number"]!.GetValue<string>();
        await ActAsync(world.Desk, number, "assign", new JsonObject { ["assigneeId"] = world.DeskPersonId });
        var finished = await ActAsync(world.Desk, number, "finish", new JsonObject { ["text"] = "Done." });

        var reopened = await ActAsync(world.Requester, number, "reopen", new JsonObject { ["text"] = "Still rejected." });

        Assert.Equal("InProgress", reopened["status"]!.GetValue<string>());
        Assert.Equal(Instant(finished["dueAt"]), Instant(reopened["dueAt"]));
        Assert.Null(reopened["finishedAt"]);
        Assert.Equal(1, reopened["reopenCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Visibility_RequesterSeesOwnForm_OtherStaffDoNot_InternalCommentsStayInside()
    {
        var world = await ArrangeAsync(app);
        var other = await app.ClientAsAsync(new Principal(Isms.Web.Platform.Security.Roles.Staff) { UnitId = await app.AddUnitAsync(null), Clearance = 1 });
        var number = (await SubmitAsync(world.Requester))["number"]!.GetValue<string>();
        await ActAsync(world.Desk, number, "assign", new JsonObject { ["assigneeId"] = world.DeskPersonId });
        using (var internalNote = await world.Desk.PostJsonAsync($"/api/v1/qa-forms/{number}/comments", new JsonObject { ["text"] = "Vendor bug #77", ["internal"] = true }))
        {
            await internalNote.ExpectAsync(HttpStatusCode.Created);
        }

        using (var reply = await world.Desk.PostJsonAsync($"/api/v1/qa-forms/{number}/comments", new JsonObject { ["text"] = "We are on it." }))
        {
            await reply.ExpectAsync(HttpStatusCode.Created);
        }

        using var hidden = await other.GetAsync($"/api/v1/qa-forms/{number}");
        await hidden.ExpectAsync(HttpStatusCode.NotFound);
        var requesterSees = await GetAsync<List<QaCommentResponse>>(world.Requester, $"/api/v1/qa-forms/{number}/comments");
        var deskSees = await GetAsync<List<QaCommentResponse>>(world.Desk, $"/api/v1/qa-forms/{number}/comments");
        Assert.Equal(["We are on it."], requesterSees.Select(c => c.Body));
        Assert.Equal(2, deskSees.Count);
        using var forged = await world.Requester.PostJsonAsync($"/api/v1/qa-forms/{number}/comments", new JsonObject { ["text"] = "x", ["internal"] = true });
        await forged.ExpectAsync(HttpStatusCode.BadRequest);
        var mine = await GetAsync<JsonObject>(world.Requester, "/api/v1/qa-forms?status=all&pageSize=200");
        Assert.Contains(mine["items"]!.AsArray(), f => f!["number"]!.GetValue<string>() == number);
    }

    [Fact]
    public async Task Attachments_AreKeptWithTheirHash_AndRefusedWhenTheTypeIsWrong()
    {
        var world = await ArrangeAsync(app);
        var number = (await SubmitAsync(world.Requester))["number"]!.GetValue<string>();
        var content = "error E42 at 10:02"u8.ToArray();
        using (var upload = new MultipartFormDataContent { { new ByteArrayContent(content), "files", "log.txt" } })
        using (var response = await world.Requester.PostAsync($"/api/v1/qa-forms/{number}/attachments", upload))
        {
            var added = await response.ReadAsync<List<QaAttachmentResponse>>();
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), Assert.Single(added).Sha256);
            var file = await world.Desk.GetByteArrayAsync($"/api/v1/qa-forms/{number}/attachments/{added[0].Id}");
            Assert.Equal(content, file);
        }

        using var bad = new MultipartFormDataContent
        {
            { new ByteArrayContent("MZ\u0090"u8.ToArray()), "files", "tool.exe" },
            { new ByteArrayContent("not a pdf"u8.ToArray()), "files", "scan.pdf" },
        };
        using var refused = await world.Requester.PostAsync($"/api/v1/qa-forms/{number}/attachments", bad);
        var problem = await refused.ReadAsync<JsonObject>(HttpStatusCode.BadRequest);
        Assert.Equal(2, problem["errors"]!["Attachments"]!.AsArray().Count);
        Assert.Single(await GetAsync<List<QaAttachmentResponse>>(world.Requester, $"/api/v1/qa-forms/{number}/attachments"));
    }

    [Fact]
    public async Task EveryChange_IsInTheAuditTrail()
    {
        var world = await ArrangeAsync(app);
        var number = (await SubmitAsync(world.Desk, world.RequesterId, At(2026, 6, 1, 9)))["number"]!.GetValue<string>();
        await ActAsync(world.Desk, number, "assign", new JsonObject { ["assigneeId"] = world.DeskPersonId });
        await ActAsync(world.Desk, number, "finish", new JsonObject { ["text"] = "Done." });

        var id = await app.QueryAsync(db => db.Set<QaForm>().Where(f => f.Number == number).Select(f => f.Id).SingleAsync());
        var actions = await app.QueryAsync(db => db.Set<Isms.Web.Features.Audit.AuditEntry>()
            .Where(e => e.EntityType == nameof(QaForm) && e.EntityId == id.ToString()).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.Equal(["record.create", "record.update", "record.update"], actions);
    }
}

public sealed class QaFormTestsOnSqlite(SqliteApp app) : QaFormTests(app), IClassFixture<SqliteApp>;

public sealed class QaFormTestsOnPostgres(PostgresApp app) : QaFormTests(app), IClassFixture<PostgresApp>;
