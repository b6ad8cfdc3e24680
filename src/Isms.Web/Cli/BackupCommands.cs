using System.CommandLine;
using Isms.Web.Platform.Backup;

namespace Isms.Web.Cli;

public static class BackupCommands
{
    public static Command CreateBackup()
    {
        var file = new Argument<FileInfo>("file") { Description = "Where to write the backup. An existing file is not overwritten." };
        var command = new Command("backup", "Take a consistent backup of the database, also while the server runs.") { file };
        command.SetAction(async (result, ct) =>
        {
            await using var app = IsmsCli.BuildForVerb(result);
            var target = result.GetValue(file)!;
            if (target.Exists)
            {
                await Console.Error.WriteLineAsync($"{target.FullName} already exists; choose another file name.");
                return 1;
            }

            try
            {
                await app.Services.GetRequiredService<DatabaseBackup>().BackupAsync(target.FullName, ct);
            }
            catch (BackupException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 1;
            }

            await Console.Out.WriteLineAsync($"Backup written to {target.FullName}.");
            return 0;
        });
        return command;
    }

    public static Command CreateRestore()
    {
        var file = new Argument<FileInfo>("file") { Description = "A backup written by `isms backup`." };
        var command = new Command("restore", "Replace the database with a backup. Stop the server first.") { file };
        command.SetAction(async (result, ct) =>
        {
            await using var app = IsmsCli.BuildForVerb(result);
            var source = result.GetValue(file)!;
            if (!source.Exists)
            {
                await Console.Error.WriteLineAsync($"{source.FullName} does not exist.");
                return 1;
            }

            try
            {
                await app.Services.GetRequiredService<DatabaseBackup>().RestoreAsync(source.FullName, ct);
            }
            catch (BackupException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 1;
            }

            await Console.Out.WriteLineAsync($"Database restored from {source.FullName}.");
            return 0;
        });
        return command;
    }
}
