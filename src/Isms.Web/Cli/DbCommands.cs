using System.CommandLine;
using Isms.Web.Data;

namespace Isms.Web.Cli;

public static class DbCommands
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Apply every pending database migration and exit.");
        migrate.SetAction(async (result, ct) =>
        {
            await using var app = IsmsCli.BuildForVerb(result);
            await DatabaseSetup.MigrateAsync(app.Services, ct);
            await Console.Out.WriteLineAsync("The database is up to date.");
            return 0;
        });
        return new Command("db", "Database maintenance.") { migrate };
    }
}
