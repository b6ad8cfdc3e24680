using Isms.Web.Features.Organisation;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Tests.Organisation;

/// The unit names a person's create answers with come from memory: a unit changed outside this
/// process (another node, SQL) shows in those answers once UnitNames.Lifetime has passed.
public sealed class UnitNamesTests(ShiftedClockApp app) : IClassFixture<ShiftedClockApp>
{
    [Fact]
    public async Task Create_AfterTheUnitIsRenamedOutsideTheApp_AnswersWithTheNewNameOnceTheLifetimeHasPassed()
    {
        var admin = await app.ClientAsync(Roles.SecurityOfficer);
        var unit = await admin.CreateUnitAsync();
        var first = await admin.CreatePersonAsync(Api.PersonBody(unit.Id));
        await app.QueryAsync(db => db.Set<Unit>().Where(u => u.Id == unit.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.Name, "Renamed in SQL")));

        var soon = await admin.CreatePersonAsync(Api.PersonBody(unit.Id));
        app.Clock.Advance(UnitNames.Lifetime);
        var later = await admin.CreatePersonAsync(Api.PersonBody(unit.Id));

        Assert.Equal([unit.Name, unit.Name, "Renamed in SQL"], new[] { first.UnitName, soon.UnitName, later.UnitName });
        Assert.Equal("Renamed in SQL", (await admin.GetAsync<Isms.Web.Features.People.PersonResponse>($"/api/v1/persons/{first.Id}")).UnitName);
    }
}
