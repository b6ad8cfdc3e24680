using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Isms.Web.Data;
using Isms.Web.Features.Calendar;
using Isms.Web.Features.Organisation;
using Isms.Web.Features.People;
using Isms.Web.Features.ServiceDesk;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.Web.Tests.ServiceDesk;

/// The people of a service desk test: a unit of their own, a requester (staff) and a desk agent,
/// each signed in, with their person ids.
public sealed record DeskWorld(int UnitId, HttpClient Requester, int RequesterId, HttpClient Desk, int DeskPersonId, string DeskEmail)
{
    public static readonly TimeZoneInfo Taipei = TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei");

    public static async Task<DeskWorld> ArrangeAsync(IsmsApp app, string? location = null)
    {
        var unit = await app.AddUnitAsync(null);
        if (location is not null)
        {
            await app.WithScopeAsync(async services =>
            {
                var db = services.GetRequiredService<IsmsDbContext>();
                var row = await db.Set<Unit>().SingleAsync(u => u.Id == unit);
                row.Location = location;
                await db.SaveChangesAsync();
            });
        }

        var requesterName = Api.Unique("req").ToLowerInvariant();
        var requester = await app.ClientAsAsync(new Principal(Roles.Staff) { UserName = requesterName, UnitId = unit, Clearance = 1 });
        var deskName = Api.Unique("desk").ToLowerInvariant();
        var desk = await app.ClientAsAsync(new Principal(Roles.ServiceDesk, Roles.Staff) { UserName = deskName, UnitId = unit, Clearance = 1 });
        var email = deskName + "@customs.example";
        var (requesterId, deskId) = await app.QueryAsync(async db =>
        {
            var deskPerson = await db.Set<Person>().SingleAsync(p => p.FullName == deskName);
            deskPerson.Email = email;
            await db.SaveChangesAsync();
            return (await db.Set<Person>().Where(p => p.FullName == requesterName).Select(p => p.Id).SingleAsync(), deskPerson.Id);
        });
        return new DeskWorld(unit, requester, requesterId, desk, deskId, email);
    }

    /// A Taipei wall-clock time as an instant.
    public static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.FromHours(8));

    public static async Task<JsonObject> SubmitAsync(HttpClient client, int? requesterId = null, DateTimeOffset? receivedAt = null, string? channel = null, int? categoryId = null)
    {
        var body = new JsonObject
        {
            ["module"] = "艙單 Manifests",
            ["categoryId"] = categoryId ?? 1,
            ["subject"] = "Manifest rejected " + Api.Unique(),
            ["description"] = "The manifest for voyage 0123 is rejected with code E42.",
        };
        if (requesterId is { } id)
        {
            body["requesterId"] = id;
        }

        if (receivedAt is { } at)
        {
            body["receivedAt"] = at.ToString("O");
        }

        if (channel is not null)
        {
            body["channel"] = channel;
        }

        using var response = await client.PostJsonAsync("/api/v1/qa-forms", body);
        return await response.ReadAsync<JsonObject>(System.Net.HttpStatusCode.Created);
    }

    public static async Task<JsonObject> ActAsync(HttpClient client, string number, string action, JsonObject? body = null)
    {
        using var response = await client.PostJsonAsync($"/api/v1/qa-forms/{number}/{action}", body ?? []);
        return await response.ReadAsync<JsonObject>();
    }

    public static DateTimeOffset? Instant(JsonNode? node) => node is null ? null : DateTimeOffset.Parse(node.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    /// Loads a plain Monday-to-Friday calendar for a year the database does not have (tests that
    /// run "now" must not depend on the shipped years still covering the date they run on).
    public static async Task EnsureYearAsync(IsmsApp app, int year)
    {
        if (await app.QueryAsync(db => db.Set<CalendarYear>().AnyAsync(y => y.Year == year)))
        {
            return;
        }

        await app.WithScopeAsync(async services =>
            Assert.True((await services.GetRequiredService<CalendarImport>().ImportAsync("test", Encoding.UTF8.GetBytes(WeekdayCalendar(year)), CancellationToken.None)).Succeeded));
    }

    public static string WeekdayCalendar(int year, Func<DateOnly, (bool DayOff, string Remark)>? day = null)
    {
        var text = new StringBuilder("西元日期,星期,是否放假,備註\r\n");
        for (var date = new DateOnly(year, 1, 1); date.Year == year; date = date.AddDays(1))
        {
            var (off, remark) = day?.Invoke(date) ?? (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, "");
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{date:yyyyMMdd},{"日一二三四五六"[(int)date.DayOfWeek]},{(off ? 2 : 0)},{remark}\r\n");
        }

        return text.ToString();
    }

    /// A change of the desk's settings, in force from the app's now on (the rest are the defaults).
    public static async Task SettingsAsync(IsmsApp app, JsonObject settings)
    {
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        using var changed = await officer.PutJsonAsync("/api/v1/service-desk/settings", settings);
        await changed.ExpectAsync(System.Net.HttpStatusCode.OK);
    }

    public static async Task<int> CategoryAsync(IsmsApp app, QaClockRule rule) =>
        await app.QueryAsync(db => db.Set<QaCategory>().Where(c => c.Rule == rule && c.IsActive).Select(c => c.Id).FirstAsync());

    public static async Task<T> GetAsync<T>(HttpClient client, string url) => (await client.GetFromJsonAsync<T>(url, Api.Json))!;
}
