using Isms.Web.Features.Availability;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Availability;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Isms.Web.Tests.Browser;

/// Issue 5 in headless Chromium: a security officer adds a service and an HTTP monitor on the
/// pages; the engine probes a real target; a member of staff reads the status page on a phone.
public sealed class AvailabilityInBrowserTests(EngineSqliteApp app, Chromium chromium) : IClassFixture<EngineSqliteApp>, IClassFixture<Chromium>
{
    [Fact]
    public async Task OfficerAddsAMonitor_StaffSeesTheServiceUpOnAPhone()
    {
        await using var target = await ProbeTarget.StartAsync();
        await app.CreateUserAsync("officer-browser", Roles.SecurityOfficer);
        await app.CreateUserAsync("staff-browser", Roles.Staff);
        var name = Api.Unique("Clearance decision engine ");

        await using var officerContext = await chromium.NewContextAsync(app.BaseAddress, "en");
        var officer = await officerContext.NewPageAsync();
        await Chromium.SignInAsync(officer, "officer-browser");
        await officer.GotoAsync("/Availability/Service");
        await officer.FillAsync("#Input_Name", name);
        await officer.FillAsync("#Input_Target", "0.99");
        await officer.Locator("main button[type=submit]").ClickAsync();
        await officer.WaitForURLAsync("**/Availability/Manage");
        var service = await app.QueryAsync(db => db.Set<AvailabilityService>().Where(s => s.Name == name).Select(s => s.Id).SingleAsync());

        await officer.GotoAsync($"/Availability/Monitor?serviceId={service}");
        await officer.FillAsync("#Input_Name", "decision API");
        await officer.SelectOptionAsync("#Input_Kind", "Http");
        await officer.FillAsync("#Input_Url", target.Url("/decision").ToString());
        await officer.FillAsync("#Input_IntervalSeconds", "5");
        await officer.FillAsync("#Input_TimeoutSeconds", "2");
        await officer.Locator("main form.monitor-form button[type=submit]").ClickAsync();
        await officer.WaitForURLAsync("**/Availability/Manage");

        await using var staffContext = await chromium.NewContextAsync(app.BaseAddress, "zh-TW", phone: true);
        var staff = await staffContext.NewPageAsync();
        await Chromium.SignInAsync(staff, "staff-browser");
        var card = staff.Locator($"section.service-status:has(a[href='/Availability/Services/{service}'])");
        for (var tries = 0; ; tries++)
        {
            await staff.GotoAsync("/Availability");
            if ((await card.Locator(".badge").First.InnerTextAsync()).Trim() == "正常")
            {
                break;
            }

            Assert.True(tries < 30, "the service never showed as up: " + await card.InnerTextAsync());
            await Task.Delay(1000);
        }

        Assert.Equal(AvailabilityReads.StatusDays, await card.Locator("svg rect").CountAsync());
        // Nothing wider than the phone: no sideways scrolling.
        Assert.True(await staff.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await Chromium.ScreenshotAsync(staff, "availability-status-phone");
        Assert.NotEmpty(target.Arrivals("/decision"));
    }
}
