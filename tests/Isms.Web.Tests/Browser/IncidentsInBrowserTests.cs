using System.Text.RegularExpressions;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Isms.Web.Tests.Browser;

/// Issue 6 in headless Chromium: a vendor reports a weakness from a phone, and the security officer
/// confirms it as an incident, grading it through the impacts editor while the live preview
/// follows each change.
public sealed partial class IncidentsInBrowserTests(SqliteApp app, Chromium chromium) : IClassFixture<SqliteApp>, IClassFixture<Chromium>
{
    [Fact]
    public async Task VendorReportsFromAPhone_OfficerGradesWithTheLivePreview()
    {
        var unit = await app.AddUnitAsync(null);
        await app.ClientAsAsync(new Principal(Roles.Vendor) { UserName = "vendor-browser", UnitId = unit, VendorId = await app.AddVendorAsync(), Clearance = 1 });
        await app.ClientAsAsync(new Principal(Roles.SecurityOfficer) { UserName = "officer-browser", UnitId = unit, Clearance = 3 });

        await using var phoneContext = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            Locale = "zh-TW",
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = "zh-TW" },
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        var vendor = await phoneContext.NewPageAsync();
        await Chromium.SignInAsync(vendor, "vendor-browser");
        await vendor.GotoAsync("/Incidents/Report");
        await vendor.Locator("input[name='Input.Kind'][value='Weakness']").CheckAsync();
        await vendor.FillAsync("#Input_Description", "The EDI gateway's login page shows its server version.");
        await vendor.FillAsync("#Input_AffectedSystem", "EDI gateway");
        await vendor.FillAsync("#Input_Contact", "0912-345-678");
        await vendor.Locator("main button[type=submit]").ClickAsync();
        var notice = vendor.Locator("main p.notice").Filter(new LocatorFilterOptions { HasTextRegex = Reference() });
        await notice.WaitForAsync();
        var number = Reference().Match(await notice.InnerTextAsync()).Value;
        await Chromium.ScreenshotAsync(vendor, "incident-reported-phone");

        await using var desk = await chromium.NewContextAsync(app.BaseAddress, "en");
        var officer = await desk.NewPageAsync();
        await Chromium.SignInAsync(officer, "officer-browser");
        await officer.GotoAsync("/Incidents?status=Reported");
        await officer.Locator($"a[href='/Incidents/Details/{number}']").ClickAsync();
        await officer.Locator("#grade").WaitForAsync();

        // An availability impact on secrets is refused: the message appears beside the scope.
        await officer.SelectOptionAsync("#Grade_Impacts_0__Aspect", "Availability");
        await officer.SelectOptionAsync("#Grade_Impacts_0__Scope", "NationalSecret");
        await officer.Locator("[data-valmsg-for='Grade.Impacts[0].Scope']").Filter(new LocatorFilterOptions { HasTextString = "not for secrets" }).WaitForAsync();

        await officer.SelectOptionAsync("#Grade_Impacts_0__Scope", "Core");
        await officer.Locator("#Grade_Impacts_0__CriticalInfrastructure").CheckAsync();
        await officer.Locator("#Grade_Impacts_0__RestoredWithinTolerableTime").CheckAsync();
        // Waits for the reason of the final rows: "core, not restored" on the way is level 3 as well.
        await officer.Locator("#level-preview li").Filter(new LocatorFilterOptions { HasTextString = "Availability, restored within the tolerable time, core business, critical infrastructure: level 3" }).WaitForAsync();
        Assert.Equal("Level 3 (major)", await officer.Locator("#level-preview strong").InnerTextAsync());
        Assert.Equal("", await officer.Locator("[data-valmsg-for='Grade.Impacts[0].Scope']").InnerTextAsync());
        await Chromium.ScreenshotAsync(officer, "incident-live-preview");

        await officer.Locator("#grade button[type=submit]:not([data-preview-button])").ClickAsync();
        await officer.Locator("#current-level").WaitForAsync();
        Assert.Equal("Level 3 (major)", (await officer.Locator("#current-level").InnerTextAsync()).Trim());
        Assert.Contains("Recover by", await officer.Locator("ul.clocks").InnerTextAsync(), StringComparison.Ordinal);
        await Chromium.ScreenshotAsync(officer, "incident-graded");

        await officer.GotoAsync("/Incidents?open=true");
        var row = officer.Locator("tbody tr", new PageLocatorOptions { Has = officer.Locator($"a[href='/Incidents/Details/{number}']") });
        Assert.Contains("Level 3 (major)", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("due in", await row.Locator("ul.clocks").InnerTextAsync(), StringComparison.Ordinal);
        await Chromium.ScreenshotAsync(officer, "incidents-open");
    }

    [GeneratedRegex(@"SR-\d{4}-\d{6}")]
    private static partial Regex Reference();
}
