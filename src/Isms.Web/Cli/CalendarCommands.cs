using System.CommandLine;
using Isms.Web.Data;
using Isms.Web.Features.Calendar;

namespace Isms.Web.Cli;

/// `isms calendar import <file>` and `isms calendar list` (issue 4, the working-day calendar).
public static class CalendarCommands
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The office calendar of one year (行政機關辦公日曆表) as CSV, UTF-8 or Big5." };
        var import = new Command("import", "Import one year of the office calendar. A file with any bad line imports nothing; every bad line is listed. Exit code 1 then.")
        {
            file,
        };
        import.SetAction(async (result, ct) =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"isms: {path.FullName} does not exist.");
                return 1;
            }

            await using var app = IsmsCli.BuildForVerb(result);
            if (DatabaseSetup.ShouldMigrateAtStart(app.Services))
            {
                await DatabaseSetup.MigrateAsync(app.Services, ct);
            }

            await using var scope = app.Services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<CalendarImport>()
                .ImportAsync(path.Name, await File.ReadAllBytesAsync(path.FullName, ct), ct);
            if (!outcome.Succeeded)
            {
                await Console.Error.WriteLineAsync($"Nothing was imported: {outcome.Errors.Select(e => e.Line).Distinct().Count()} line(s) are invalid.");
                foreach (var error in outcome.Errors)
                {
                    await Console.Error.WriteLineAsync($"  line {error.Line}: {error.Message}");
                }

                return 1;
            }

            await Console.Out.WriteLineAsync($"{(outcome.Replaced ? "Replaced" : "Imported")} {outcome.Year}: {outcome.WorkingDays} working days.");
            return 0;
        });

        var list = new Command("list", "List the imported years and their working days.");
        list.SetAction(async (result, ct) =>
        {
            await using var app = IsmsCli.BuildForVerb(result);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IsmsDbContext>();
            foreach (var year in db.Set<CalendarYear>().OrderBy(y => y.Year).Select(y => new { y.Year, y.WorkingDays, y.Source }))
            {
                await Console.Out.WriteLineAsync($"{year.Year}\t{year.WorkingDays} working days\t{year.Source}");
            }

            return 0;
        });

        return new Command("calendar", "The working-day calendar of the service desk's clock.") { import, list };
    }
}
