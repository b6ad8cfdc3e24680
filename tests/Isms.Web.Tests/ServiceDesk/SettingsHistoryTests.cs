using System.Net;
using System.Text.Json.Nodes;
using Isms.Web.Features.ServiceDesk;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using static Isms.Web.Tests.ServiceDesk.DeskWorld;

namespace Isms.Web.Tests.ServiceDesk;

/// Issue 4: the target and goal are settings with history; a change applies to forms received after it.
public sealed class SettingsHistoryTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task ChangedTarget_AppliesToFormsReceivedAfterTheChange_Only()
    {
        var world = await ArrangeAsync(app);
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        await EnsureYearAsync(app, TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), Taipei).Year);
        var before = TimeProvider.System.GetUtcNow().AddMinutes(-5);

        using (var changed = await officer.PutJsonAsync("/api/v1/service-desk/settings", new JsonObject { ["targetDays"] = 3, ["goalPercent"] = 95.5 }))
        {
            await changed.ExpectAsync(HttpStatusCode.OK);
        }

        var older = await SubmitAsync(world.Desk, world.RequesterId, before);
        var newer = await SubmitAsync(world.Requester);

        Assert.Equal(2, older["targetDays"]!.GetValue<int>());
        Assert.Equal(3, newer["targetDays"]!.GetValue<int>());
        var history = await GetAsync<List<ServiceDeskSettingsResponse>>(officer, "/api/v1/service-desk/settings/history");
        Assert.Equal([3, 2], history.Select(h => h.TargetDays).Take(2));
        var current = await GetAsync<ServiceDeskSettingsResponse>(officer, "/api/v1/service-desk/settings");
        Assert.Equal(95.5m, current.GoalPercent);
    }

    [Fact]
    public async Task InvalidSettings_AreRefusedAndChangeNothing()
    {
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var count = (await GetAsync<List<ServiceDeskSettingsResponse>>(officer, "/api/v1/service-desk/settings/history")).Count;

        using var response = await officer.PutJsonAsync("/api/v1/service-desk/settings", new JsonObject { ["targetDays"] = 0, ["dayStart"] = "18:00", ["dayEnd"] = "08:00" });

        var problem = await response.ReadAsync<JsonObject>(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["TargetDays"]);
        Assert.Equal(count, (await GetAsync<List<ServiceDeskSettingsResponse>>(officer, "/api/v1/service-desk/settings/history")).Count);
    }
}
