using System.CommandLine;
using Isms.Web.Data;
using Isms.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Isms.Web.Cli;

public static class UserCommands
{
    public static Command Create()
    {
        var userName = new Option<string>("--username") { Description = "The new administrator's user name.", Required = true };
        var displayName = new Option<string?>("--display-name") { Description = "The name shown in the application." };
        var createAdmin = new Command("create-admin", "Create an administrator with a one-time password, printed once; it must be changed at first sign-in.")
        {
            userName,
            displayName,
        };
        createAdmin.SetAction(async (result, ct) =>
        {
            await using var app = IsmsCli.BuildForVerb(result);
            if (DatabaseSetup.ShouldMigrateAtStart(app.Services))
            {
                await DatabaseSetup.MigrateAsync(app.Services, ct);
            }

            await using var scope = app.Services.CreateAsyncScope();
            var name = result.GetValue(userName)!;
            if (await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().FindByNameAsync(name) is not null)
            {
                await Console.Error.WriteLineAsync($"An account named \"{name}\" already exists.");
                return 1;
            }

            var created = await scope.ServiceProvider.GetRequiredService<AccountAdmin>()
                .CreateAdminAsync(name, result.GetValue(displayName) ?? name, password: null, mustChange: true);
            await Console.Out.WriteLineAsync($"Administrator \"{created.UserName}\" created. One-time password: {created.Password}");
            return 0;
        });
        return new Command("users", "Sign-in accounts.") { createAdmin };
    }
}
