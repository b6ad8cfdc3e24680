using System.Text.RegularExpressions;
using Isms.Web.Features.Incidents;
using Isms.Web.Features.Mail;
using Isms.Web.Features.People;
using Isms.Web.Tests.Incidents;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Isms.Web.Tests.Browser;

/// Issue 6: vendor staff without an account ask for a link from the sign-in page and report a
/// weakness with a screenshot through it, on a phone, in Traditional Chinese.
public sealed partial class ReportLinkInBrowserTests(ReportLinkApp app, Chromium chromium) : IClassFixture<ReportLinkApp>, IClassFixture<Chromium>
{
    [Fact]
    public async Task VendorWithoutAccount_AsksForALink_ReportsThroughItOnAPhone()
    {
        var email = Api.Unique("eng").ToLowerInvariant() + "@vendor.example";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Isms.Web.Data.IsmsDbContext>();
            var person = new Person { FullName = "林工程師", Email = email, Kind = PersonKind.VendorStaff, JobFunction = "Field engineer", UnitId = await app.AddUnitAsync(null), ActiveFrom = new DateOnly(2020, 1, 1) };
            person.RefreshSearchText();
            db.Add(person);
            await db.SaveChangesAsync();
        }

        await using var context = await chromium.NewContextAsync(app.BaseAddress, "zh-TW", phone: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Accounts/SignIn");
        await page.Locator("a[href='/Incidents/Link']").ClickAsync();
        await page.FillAsync("#Input_Email", email);
        await page.Locator("main button[type=submit]").ClickAsync();
        // The answer is the same page with a notice: wait for the notice, not for a load already past.
        await Assertions.Expect(page.Locator("main .notice")).ToContainTextAsync("連結");

        var body = await app.QueryAsync(db => db.Set<OutgoingMail>().AsNoTracking().Where(m => m.To == email).Select(m => m.Body).SingleAsync());
        var link = new Uri(LinkUrl().Match(body).Value).AbsolutePath;
        await page.GotoAsync(link);
        Assert.Contains("林工程師", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("input[name='Input.Kind'][value='Weakness']").CheckAsync();
        await page.FillAsync("#Input_Description", "閘道登入頁顯示伺服器版本。");
        await page.FillAsync("#Input_AffectedSystem", "EDI gateway");
        await page.SetInputFilesAsync("#Attachments", new FilePayload { Name = "banner.png", MimeType = "image/png", Buffer = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0] });
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the form is wider than the phone");
        await Chromium.ScreenshotAsync(page, "report-through-link-phone");
        await page.Locator("main button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("main .notice")).ToContainTextAsync(new Regex(@"SR-\d{4}-\d{6}"));

        var number = Regex.Match(await page.Locator("main .notice").InnerTextAsync(), @"SR-\d{4}-\d{6}").Value;
        var report = await app.QueryAsync(db => db.Set<SecurityReport>().AsNoTracking().SingleAsync(r => r.Number == number));
        Assert.True(report.ThroughLink);
        Assert.Equal("banner.png", await app.QueryAsync(db => db.Set<ReportFile>().Where(f => f.ReportId == report.Id).Select(f => f.FileName).SingleAsync()));
    }

    [GeneratedRegex(@"https://\S+/Incidents/Link/[A-Za-z0-9_-]+")]
    private static partial Regex LinkUrl();
}
