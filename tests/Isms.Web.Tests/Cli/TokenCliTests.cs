using System.Net;
using System.Net.Http.Headers;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Isms.Web.Tests.Cli;

/// `isms tokens create`: the token an integration is configured with.
public sealed class TokenCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("isms-cli-tokens-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task TokensCreate_PrintsATokenThatWorksWithItsScope()
    {
        var database = Path.Combine(_folder, "isms.db");

        var result = await IsmsCommand.RunAsync(_folder, "tokens", "create", "--account", "monitor", "--role", Roles.SecurityOfficer,
            "--scope", "read", "--expires", "30", IsmsCommand.Sqlite(database));
        var again = await IsmsCommand.RunAsync(_folder, "tokens", "create", "--account", "monitor", "--role", Roles.SecurityOfficer,
            "--scope", "write", "--expires", "1", IsmsCommand.Sqlite(database));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(again.ExitCode == 0, again.ToString());
        var token = result.Output.Trim();
        Assert.Matches("^isms_[A-Za-z0-9_-]{43}$", token);
        var app = SqliteApp.OnFile(database);
        await app.InitializeAsync();
        try
        {
            var client = app.AnonymousClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var read = await client.GetAsync("/api/v1/units");
            using var write = await client.PostJsonAsync("/api/v1/units", Api.UnitBody(Api.Unique("U"), null));
            await read.ExpectAsync(HttpStatusCode.OK);
            await write.ExpectAsync(HttpStatusCode.Forbidden);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("--expires", "0")]
    [InlineData("--scope", "admin")]
    public async Task TokensCreate_BadArgument_ExitsNonZeroWithAReason(string option, string value)
    {
        var result = await IsmsCommand.RunAsync(_folder, "tokens", "create", "--account", "monitor", "--role", Roles.Staff,
            option, value, IsmsCommand.Sqlite(Path.Combine(_folder, "bad.db")));

        Assert.Equal(2, result.ExitCode);
        Assert.NotEmpty(result.Errors.Trim());
    }

    [Fact]
    public async Task TokensCreate_UnknownRoleOrPersonsAccount_Exit1()
    {
        var database = Path.Combine(_folder, "people.db");
        await IsmsCommand.RunAsync(_folder, "users", "create-admin", "--username", "alice", IsmsCommand.Sqlite(database));

        var person = await IsmsCommand.RunAsync(_folder, "tokens", "create", "--account", "alice", "--role", Roles.Staff, IsmsCommand.Sqlite(database));
        var role = await IsmsCommand.RunAsync(_folder, "tokens", "create", "--account", "robot", "--role", "Overlord", IsmsCommand.Sqlite(database));

        Assert.Equal(1, person.ExitCode);
        Assert.Contains("service account", person.Errors, StringComparison.Ordinal);
        Assert.Equal(1, role.ExitCode);
        Assert.Contains("role", role.Errors, StringComparison.OrdinalIgnoreCase);
    }
}
