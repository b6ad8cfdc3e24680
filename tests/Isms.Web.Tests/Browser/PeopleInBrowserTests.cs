using Isms.Web.Features.Organisation;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Isms.Web.Tests.Browser;

/// A person signs in, adds a person and finds them in the list, as a user does it: by typing into
/// the real pages in headless Chromium, in English and in Traditional Chinese (issue 2).
public sealed class PeopleInBrowserTests(SqliteApp app, Chromium chromium) : IClassFixture<SqliteApp>, IClassFixture<Chromium>
{
    [Theory]
    [InlineData("en", "Add a person", "People in scope", "1 persons")]
    [InlineData("zh-TW", "新增人員", "適用範圍內人員", "1 人")]
    public async Task SignIn_AddPerson_FindsItInTheList(string locale, string addTitle, string listTitle, string countText)
    {
        var unitCode = "BR" + locale.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
        var unitId = await AddUnitAsync(unitCode);
        var userName = "officer-" + locale;
        await app.CreateUserAsync(userName, Roles.SecurityOfficer);
        await using var context = await chromium.NewContextAsync(app.BaseAddress, locale);
        var page = await context.NewPageAsync();

        await Chromium.SignInAsync(page, userName);
        await page.GotoAsync("/People/Edit");
        Assert.Equal(addTitle, await page.Locator("h1").InnerTextAsync());

        // Markup and SQL in a name are stored and shown as the text they are.
        var name = $"林<b>美玲</b> O'Brien\"); DROP TABLE \"Persons\";-- {locale}";
        await page.FillAsync("#Input_FullName", name);
        await page.FillAsync("#Input_EmployeeNumber", "B-" + locale);
        await page.SelectOptionAsync("#Input_Kind", "Contract");
        await page.SelectOptionAsync("#Input_UnitId", unitId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#Input_JobFunction", "<script>alert('x')</script>");
        await page.FillAsync("#Input_Email", $"lin.{locale}@customs.example");
        await page.FillAsync("#Input_ActiveFrom", "2026-01-05");
        await page.Locator("main button[type=submit]").ClickAsync();

        await page.WaitForURLAsync("**/People/Details/*");
        Assert.Equal(name, await page.Locator("h1").InnerTextAsync());
        Assert.Contains("<script>alert('x')</script>", await page.Locator("dl.details").InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync($"/People?q={Uri.EscapeDataString("B-" + locale)}");
        Assert.Equal(listTitle, await page.Locator("h1").InnerTextAsync());
        Assert.Equal(countText, await page.Locator(".count").InnerTextAsync());
        Assert.Equal(name, await page.Locator("table tbody tr td").First.InnerTextAsync());
        Assert.Equal(1, await page.Locator("table tbody tr").CountAsync());
        await Chromium.ScreenshotAsync(page, $"people-list-{locale}");
    }

    [Fact]
    public async Task InvalidForm_ShowsMessagesBesideTheFields_AndStoresNothing()
    {
        await app.CreateUserAsync("officer-invalid", Roles.SecurityOfficer);
        await using var context = await chromium.NewContextAsync(app.BaseAddress, "zh-TW");
        var page = await context.NewPageAsync();
        await Chromium.SignInAsync(page, "officer-invalid");
        var before = await app.QueryAsync(db => Task.FromResult(db.Set<Features.People.Person>().Count()));

        await page.GotoAsync("/People/Edit");
        await page.FillAsync("#Input_Email", "not-an-address");
        await page.FillAsync("#Input_ActiveFrom", "");
        await page.Locator("main button[type=submit]").ClickAsync();

        Assert.EndsWith("/People/Edit", page.Url, StringComparison.Ordinal);
        Assert.NotEmpty(await page.Locator("[data-valmsg-for='Input.FullName']").InnerTextAsync());
        Assert.NotEmpty(await page.Locator("[data-valmsg-for='Input.Email']").InnerTextAsync());
        Assert.NotEmpty(await page.Locator("[data-valmsg-for='Input.UnitId']").InnerTextAsync());
        Assert.Equal(before, await app.QueryAsync(db => Task.FromResult(db.Set<Features.People.Person>().Count())));
    }

    [Fact]
    public async Task OneTimePassword_MustBeChangedBeforeAnythingElse()
    {
        await app.CreateUserWithOneTimePasswordAsync("newcomer", Roles.SecurityOfficer);
        await using var context = await chromium.NewContextAsync(app.BaseAddress, "en");
        var page = await context.NewPageAsync();
        await Chromium.SignInAsync(page, "newcomer");
        Assert.EndsWith("/Accounts/ChangePassword", page.Url, StringComparison.Ordinal);

        await page.GotoAsync("/People");
        Assert.EndsWith("/Accounts/ChangePassword", page.Url, StringComparison.Ordinal);

        await page.FillAsync("#Input_CurrentPassword", IsmsApp.Password);
        await page.FillAsync("#Input_NewPassword", "short");
        await page.FillAsync("#Input_ConfirmPassword", "short");
        await page.Locator("main button[type=submit]").ClickAsync();
        Assert.Contains("12", await page.Locator("[data-valmsg-for='Input.NewPassword']").InnerTextAsync(), StringComparison.Ordinal);

        await page.FillAsync("#Input_CurrentPassword", IsmsApp.Password);
        await page.FillAsync("#Input_NewPassword", "a long pass phrase of mine");
        await page.FillAsync("#Input_ConfirmPassword", "a long pass phrase of mine");
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.GotoAsync("/People");
        Assert.EndsWith("/People", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PhoneWidth_PagesFitTheScreen_AndTheSkipLinkComesFirst()
    {
        await app.CreateUserAsync("officer-phone", Roles.SecurityOfficer);
        await using var context = await chromium.NewContextAsync(app.BaseAddress, "zh-TW", phone: true);
        var page = await context.NewPageAsync();
        await Chromium.SignInAsync(page, "officer-phone");
        foreach (var path in new[] { "/", "/People", "/People/Edit", "/Organisation/Units", "/Organisation/Vendors", "/People/Import" })
        {
            await page.GotoAsync(path);
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
            await Chromium.ScreenshotAsync(page, "phone" + path.Replace('/', '-'));
            Assert.True(overflow <= 0, $"{path} is {overflow}px wider than a phone screen");
        }

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip", await page.EvaluateAsync<string>("document.activeElement.className"));
    }

    [Fact]
    public async Task LanguageSwitch_InTheHeader_ChangesThePage()
    {
        await app.CreateUserAsync("officer-lang", Roles.SecurityOfficer);
        await using var context = await chromium.NewContextAsync(app.BaseAddress, "en");
        var page = await context.NewPageAsync();
        await Chromium.SignInAsync(page, "officer-lang");
        await page.GotoAsync("/People");
        Assert.Equal("People in scope", await page.Locator("h1").InnerTextAsync());

        await page.SelectOptionAsync("#lang-switch", "zh-TW");
        await page.Locator("header button[type=submit]").First.ClickAsync();
        // The page comes back at the same address: wait for its heading to change.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("適用範圍內人員");
    }

    [Fact]
    public async Task ImportPage_ListsEveryBadRow_ThenImportsAGoodFile()
    {
        await AddUnitAsync("IMPB");
        await app.CreateUserAsync("officer-import", Roles.SecurityOfficer);
        await using var context = await chromium.NewContextAsync(app.BaseAddress, "zh-TW");
        var page = await context.NewPageAsync();
        await Chromium.SignInAsync(page, "officer-import");
        const string header = "employee_number,full_name,email,kind,unit_code,vendor,job_function,phone,active_from,active_to\n";
        var bad = header + "IMP-1,陳一,imp1@customs.example,Employee,IMPB,,Clerk,,2026-01-01,\nIMP-2,陳二,imp2@customs.example,Nobody,IMPB,,Clerk,,2026-01-01,\n";
        var good = bad.Replace("Nobody", "替代役", StringComparison.Ordinal);

        await page.GotoAsync("/People/Import");
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "bad.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(bad) });
        await page.Locator("main button[type=submit]").ClickAsync();
        var errors = await page.Locator(".error-summary").InnerTextAsync();
        Assert.Contains("第 3 列", errors, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => Task.FromResult(db.Set<Features.People.Person>().Count(p => p.EmployeeNumber!.StartsWith("IMP-")))));

        await page.SetInputFilesAsync("#file", new FilePayload { Name = "good.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(good) });
        await page.Locator("main button[type=submit]").ClickAsync();
        Assert.Contains("2", await page.Locator(".notice").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await app.QueryAsync(db => Task.FromResult(db.Set<Features.People.Person>().Count(p => p.EmployeeNumber!.StartsWith("IMP-")))));
    }

    private async Task<int> AddUnitAsync(string code) =>
        await app.QueryAsync(async db =>
        {
            var unit = new Unit { Code = code, Name = "Browser test unit " + code, NameZh = "瀏覽器測試單位", Kind = UnitKind.Department, Location = "Taipei City" };
            db.Add(unit);
            await db.SaveChangesAsync();
            return unit.Id;
        });
}
