using Isms.Web.Features.People;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Isms.Web.Tests.ServiceDesk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Isms.Web.Tests.Browser;

/// Issue 4: a member of staff files a Q&A form on the page, the desk assigns and finishes it, and
/// the year's achievement rate counts it, all in headless Chromium.
public sealed class ServiceDeskInBrowserTests(SqliteApp app, Chromium chromium) : IClassFixture<SqliteApp>, IClassFixture<Chromium>
{
    [Fact]
    public async Task StaffFilesForm_DeskAssignsAndFinishes_RateCountsIt()
    {
        var year = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), DeskWorld.Taipei).Year;
        await DeskWorld.EnsureYearAsync(app, year);
        var unit = await app.AddUnitAsync(null);
        await app.ClientAsAsync(new Principal(Roles.Staff) { UserName = "clerk-browser", UnitId = unit, Clearance = 1 });
        await app.ClientAsAsync(new Principal(Roles.ServiceDesk, Roles.Staff) { UserName = "desk-browser", UnitId = unit, Clearance = 1 });
        var deskPerson = await app.QueryAsync(db => db.Set<Person>().Where(p => p.FullName == "desk-browser").Select(p => p.Id).SingleAsync());

        await using var staffContext = await chromium.NewContextAsync(app.BaseAddress, "zh-TW");
        var staff = await staffContext.NewPageAsync();
        await Chromium.SignInAsync(staff, "clerk-browser");
        await staff.GotoAsync("/ServiceDesk/New");
        await staff.SelectOptionAsync("#Input_Module", new SelectOptionValue { Index = 3 });
        await staff.SelectOptionAsync("#Input_CategoryId", new SelectOptionValue { Index = 1 });
        await staff.FillAsync("#Input_Subject", "報單狀態無法更新");
        await staff.FillAsync("#Input_Description", "Declaration AA/15/123 stays 'received' since this morning.");
        await staff.Locator("main button[type=submit]").ClickAsync();
        await staff.WaitForURLAsync("**/ServiceDesk/Forms/QA-*");
        var number = staff.Url[(staff.Url.LastIndexOf('/') + 1)..];
        Assert.Matches("^QA-\\d{4}-\\d{6}$", number);
        await Chromium.ScreenshotAsync(staff, "qa-form-received");

        await using var deskContext = await chromium.NewContextAsync(app.BaseAddress, "en");
        var desk = await deskContext.NewPageAsync();
        await Chromium.SignInAsync(desk, "desk-browser");
        await desk.GotoAsync($"/ServiceDesk/Achievement?year={year}");
        Assert.Equal("—", (await desk.Locator(".card .figure").First.InnerTextAsync()).Trim());

        await desk.GotoAsync("/ServiceDesk");
        await desk.Locator($"a[href='/ServiceDesk/Forms/{number}']").ClickAsync();
        await desk.SelectOptionAsync("#AssigneeId", deskPerson.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await desk.Locator("form[action*='handler=Assign'] button").ClickAsync();
        await desk.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Contains("Assigned", await desk.Locator(".actions .badge").First.InnerTextAsync(), StringComparison.Ordinal);
        await desk.FillAsync("#resolution", "Resent the declaration; status is now 'released'.");
        await desk.Locator("button[formaction*='handler=Finish']").ClickAsync();
        await desk.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Contains("Finished", await desk.Locator(".actions .badge").First.InnerTextAsync(), StringComparison.Ordinal);

        await desk.GotoAsync($"/ServiceDesk/Achievement?year={year}");
        await Chromium.ScreenshotAsync(desk, "qa-achievement");
        var rate = (await desk.Locator(".card .figure").First.InnerTextAsync()).Trim();
        // On time unless the due day falls in a year without a calendar (the last days of a year).
        Assert.True(rate == "100.0 %" || rate == "—", rate);
        Assert.Equal("1", (await desk.Locator(".card .figure").Nth(1).InnerTextAsync()).Trim());

        await staff.ReloadAsync();
        Assert.Contains("Resent the declaration", await staff.Locator("dl.details").InnerTextAsync(), StringComparison.Ordinal);
    }
}
