using System.CommandLine;
using Isms.Web.Data;
using Isms.Web.Platform.Demo;

namespace Isms.Web.Cli;

public static class DemoCommands
{
    public static Command Create()
    {
        var seed = new Command("seed", "Fill the database with a demonstration organisation. Running it again adds nothing.");
        seed.SetAction(async (result, ct) =>
        {
            await using var app = IsmsCli.BuildForVerb(result);
            if (DatabaseSetup.ShouldMigrateAtStart(app.Services))
            {
                await DatabaseSetup.MigrateAsync(app.Services, ct);
            }

            await using var scope = app.Services.CreateAsyncScope();
            var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(ct);
            await Console.Out.WriteLineAsync(seeded ? "Demonstration data added." : "Demonstration data already present; nothing added.");
            return 0;
        });
        return new Command("demo", "Demonstration data.") { seed };
    }
}
