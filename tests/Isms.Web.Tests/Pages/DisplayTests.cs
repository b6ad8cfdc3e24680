using System.Net;
using Isms.Web.Features.Organisation;
using Isms.Web.Features.People;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Tests.Pages;

/// How pages show dates, and that a form posted without its anti-forgery token changes nothing
/// (issue 2: localization, HTTP).
public sealed class DisplayTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("zh-TW", "1", "民國115年1月5日")] // ROC years asked for, in Chinese
    [InlineData("zh-TW", "0", "2026-01-05")]
    [InlineData("en", "1", "2026-01-05")] // the ROC era is only offered in Chinese
    public async Task PersonDetails_ShowsTheDateAsTheReaderAsked(string language, string roc, string expected)
    {
        var id = await AddPersonAsync();
        // The preferences are the account's; signing in writes them to the browser's cookies.
        var account = await app.CreateUserAsync("reader-" + Guid.NewGuid().ToString("N")[..8], Roles.SecurityOfficer);
        await app.QueryAsync(db => db.Set<Features.Accounts.Account>().Where(a => a.Id == account.Id)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.PreferredCulture, language).SetProperty(x => x.ShowRocYears, roc == "1")));
        var client = app.AnonymousClient();
        (await IsmsApp.SignInAsync(client, account.UserName!, IsmsApp.Password)).EnsureSuccessStatusCode();

        using var response = await client.GetAsync($"/People/Details/{id}");

        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PagePost_WithoutAntiforgeryToken_Is400AndStoresNothing()
    {
        var client = await app.ClientAsync(Roles.SecurityOfficer);
        var before = await app.QueryAsync(db => db.Set<Person>().CountAsync());
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.FullName"] = "Forged",
            ["Input.Kind"] = "Employee",
            ["Input.UnitId"] = "1",
            ["Input.JobFunction"] = "Clerk",
            ["Input.ActiveFrom"] = "2026-01-01",
        });

        using var response = await client.PostAsync("/People/Edit", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await app.QueryAsync(db => db.Set<Person>().CountAsync()));
    }

    private Task<int> AddPersonAsync() => app.QueryAsync(async db =>
    {
        var unit = new Unit { Code = "DSP" + Guid.NewGuid().ToString("N")[..6], Name = "Display", Kind = UnitKind.Office };
        db.Add(unit);
        await db.SaveChangesAsync();
        var person = new Person { FullName = "王小明", JobFunction = "Clerk", UnitId = unit.Id, ActiveFrom = new DateOnly(2026, 1, 5) };
        person.RefreshSearchText();
        db.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    });
}
