using System.CommandLine;
using Isms.Web.Data;
using Isms.Web.Features.Accounts;
using Isms.Web.Features.Tokens;

namespace Isms.Web.Cli;

public static class TokenCommands
{
    public static Command Create()
    {
        var account = new Option<string>("--account") { Description = "The service account; made when it does not exist.", Required = true };
        var role = new Option<string>("--role") { Description = "A role the service account holds (given when it lacks it).", Required = true };
        var scope = new Option<TokenScope>("--scope") { Description = "read (GET only) or write.", DefaultValueFactory = _ => TokenScope.Read };
        var expires = new Option<int>("--expires") { Description = "Days until the token stops working (1–366).", DefaultValueFactory = _ => 90 };
        var name = new Option<string?>("--name") { Description = "What the token is for; shown in the token list." };
        var create = new Command("create", "Make an access token for a service account and print it once.")
        {
            account,
            role,
            scope,
            expires,
            name,
        };
        create.SetAction(async (result, ct) =>
        {
            var days = result.GetValue(expires);
            if (days is < 1 or > 366)
            {
                await Console.Error.WriteLineAsync("isms: --expires must be between 1 and 366 days.");
                return 2;
            }

            await using var app = IsmsCli.BuildForVerb(result);
            if (DatabaseSetup.ShouldMigrateAtStart(app.Services))
            {
                await DatabaseSetup.MigrateAsync(app.Services, ct);
            }

            await using var services = app.Services.CreateAsyncScope();
            await services.ServiceProvider.GetRequiredService<AccountAdmin>().EnsureRolesAsync();
            var tokens = services.ServiceProvider.GetRequiredService<TokenWrites>();
            var holder = await tokens.EnsureServiceAccountAsync(result.GetValue(account)!, result.GetValue(role)!, ct);
            var created = await tokens.CreateAsync(holder.Id, new TokenRequest
            {
                Name = result.GetValue(name) ?? "command line",
                Scope = result.GetValue(scope),
                ExpiresInDays = days,
            }, ct);
            // The token alone on stdout, so a script can capture it; the rest goes to stderr.
            await Console.Error.WriteLineAsync(
                $"Token for \"{holder.UserName}\" ({created.Token.Scope.ToString().ToLowerInvariant()}, expires {created.Token.ExpiresAt:yyyy-MM-dd}). It is shown only this once:");
            await Console.Out.WriteLineAsync(created.Secret);
            return 0;
        });
        return new Command("tokens", "Access tokens for automation.") { create };
    }
}
