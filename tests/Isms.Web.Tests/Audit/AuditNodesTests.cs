using Isms.Web.Features.Audit;
using Isms.Web.Features.People;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Tests.Audit;

/// Issue 3, section 6: writers on several nodes never fork the chain. Each node appends from the
/// head it last wrote, so a node that another has overtaken must find the head again every time.
public sealed class AuditNodesTests : IAsyncLifetime
{
    private readonly PostgresApp _first = new();
    private OtherNode _second = null!;

    public async Task InitializeAsync()
    {
        await _first.InitializeAsync();
        _second = new OtherNode(_first);
        await _second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [Fact]
    public async Task TwoNodes_WritingAtOnceAndInTurn_KeepOneUnforkedChainThatVerifies()
    {
        var first = await _first.ClientAsync(Roles.SecurityOfficer);
        var second = await _second.ClientAsync(Roles.SecurityOfficer);
        var unit = await first.CreateUnitAsync();
        var before = await _first.HeadAsync();

        var people = new List<PersonResponse>();
        // In turn: each write finds the head where the other node left it.
        for (var i = 0; i < 6; i++)
        {
            people.Add(await (i % 2 == 0 ? first : second).CreatePersonAsync(Api.PersonBody(unit.Id)));
        }

        // At once: eight writers on each node.
        people.AddRange(await Task.WhenAll(Enumerable.Range(0, 16).Select(i => (i % 2 == 0 ? first : second).CreatePersonAsync(Api.PersonBody(unit.Id)))));

        var sequences = await _first.QueryAsync(db => db.Set<AuditEntry>().Where(e => e.Sequence > before).OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync());
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => before + i), sequences);
        foreach (var person in people)
        {
            Assert.Single(await _first.EntriesAsync("Person", person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.Equal(sequences[^1], await _first.HeadAsync());
        var check = await _first.VerifyAsync();
        Assert.True(check.Verification.IsIntact, check.Verification.Problem);
        Assert.Equal(await _first.HeadAsync(), check.Verification.Verified);
    }

    /// A second node on the first one's database. Its connection string differs only in the
    /// application name, so that, as in a separate process, it shares none of the first node's
    /// in-memory state keyed by the database (the writers' turns, the head it last wrote).
    private sealed class OtherNode(PostgresApp first) : IsmsApp
    {
        public override string Provider => "PostgreSQL";

        protected override Task<IDictionary<string, string?>> CreateDatabaseAsync() =>
            Task.FromResult<IDictionary<string, string?>>(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Postgres"] = first.ConnectionString + ";Application Name=isms-second-node",
            });

        protected override Task DropDatabaseAsync() => Task.CompletedTask;
    }
}
