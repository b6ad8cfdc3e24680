using System.Net;
using Isms.Web.Features.People;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;

namespace Isms.Web.Tests.People;

/// The buttons of a person's page post to handlers that take their services from the container:
/// deactivate, reactivate and the clearance form each save and come back to the page.
public sealed class PersonDetailsPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Deactivate_Reactivate_AndClearance_FromThePage()
    {
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var unit = await officer.CreateUnitAsync();
        using var created = await officer.PostJsonAsync("/api/v1/persons", Api.PersonBody(unit.Id, "林美玲"));
        var person = await created.ReadAsync<PersonResponse>(HttpStatusCode.Created);
        var page = $"/People/Details/{person.Id}";

        using (var deactivated = await Forms.PostAsync(officer, page, [], "Deactivate"))
        {
            Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        }

        Assert.NotNull((await officer.GetAsync<PersonResponse>($"/api/v1/persons/{person.Id}")).ActiveTo);
        using (var reactivated = await Forms.PostAsync(officer, page, [], "Reactivate"))
        {
            Assert.Equal(HttpStatusCode.Redirect, reactivated.StatusCode);
        }

        Assert.Null((await officer.GetAsync<PersonResponse>($"/api/v1/persons/{person.Id}")).ActiveTo);
        using (var clearance = await Forms.PostAsync(officer, page, [new("clearance", "0"), new("agreementSigned", "true")], "Clearance"))
        {
            Assert.Equal(HttpStatusCode.Redirect, clearance.StatusCode);
        }

        // This officer has no person record, so no clearance of their own: a higher one is refused beside the field.
        using var above = await Forms.PostAsync(officer, page, [new("clearance", "3"), new("agreementSigned", "true")], "Clearance");
        Assert.Equal(HttpStatusCode.OK, above.StatusCode);
        Assert.Contains("field-validation-error", await above.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await officer.GetAsync<PersonResponse>($"/api/v1/persons/{person.Id}")).Clearance);
    }
}
