using System.CommandLine;
using Isms.Web.Data;
using Isms.Web.Features.Accounts;
using Isms.Web.Platform;
using Isms.Web.Platform.Demo;

namespace Isms.Web.Cli;

/// `isms` and its verbs. Every verb builds the same application as the server, so a verb and a page
/// run the same code. Exit codes: 0 success, 1 failure, 2 bad usage.
public static class IsmsCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var demo = new Option<bool>("--demo") { Description = "Fill an empty database with a demonstration organisation at start." };
        var root = new RootCommand("ISMS: the information security management system. Without a verb it runs `serve`.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.Options.Add(demo);
        var serve = new Command("serve", "Run the web server (the default). Extra --key value pairs override configuration.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        serve.Options.Add(demo);
        root.SetAction((result, ct) => ServeAsync(result.GetValue(demo), result.UnmatchedTokens.ToArray(), ct));
        serve.SetAction((result, ct) => ServeAsync(result.GetValue(demo), result.UnmatchedTokens.ToArray(), ct));

        root.Subcommands.Add(serve);
        root.Subcommands.Add(DbCommands.Create());
        root.Subcommands.Add(UserCommands.Create());
        root.Subcommands.Add(BackupCommands.CreateBackup());
        root.Subcommands.Add(BackupCommands.CreateRestore());
        root.Subcommands.Add(DemoCommands.Create());
        root.Subcommands.Add(TokenCommands.Create());
        root.Subcommands.Add(AuditCommands.Create());
        root.Subcommands.Add(CalendarCommands.Create());

        foreach (var verb in root.Subcommands.SelectMany(c => c.Subcommands.Prepend(c)))
        {
            verb.TreatUnmatchedTokensAsErrors = false;
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message);
            }

            return 2;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An operator needs the reason, not a stack trace; ISMS_TRACE=1 shows the trace too.
            var reasons = string.Join(" ", Enumerable.Repeat(e, 1).Concat(Inner(e)).Select(x => x.Message).Distinct());
            await Console.Error.WriteLineAsync($"isms: {reasons}");
            if (Environment.GetEnvironmentVariable("ISMS_TRACE") == "1")
            {
                await Console.Error.WriteLineAsync(e.ToString());
            }

            return 1;
        }
    }

    private static IEnumerable<Exception> Inner(Exception e)
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            yield return inner;
        }
    }

    private static async Task<int> ServeAsync(bool demo, string[] configurationArgs, CancellationToken cancellationToken)
    {
        await using var app = IsmsWebApp.Build(configurationArgs);
        await PrepareAsync(app.Services, demo, Console.Out, cancellationToken);
        await app.StartAsync(cancellationToken);
        foreach (var address in app.Urls)
        {
            await Console.Out.WriteLineAsync($"ISMS is listening on {address}");
        }

        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }

    /// What the server does before it listens: migrate when configured to, make sure someone can
    /// sign in, and seed the demonstration data when asked.
    public static async Task PrepareAsync(IServiceProvider services, bool demo, TextWriter output, CancellationToken cancellationToken)
    {
        if (DatabaseSetup.ShouldMigrateAtStart(services))
        {
            await DatabaseSetup.MigrateAsync(services, cancellationToken);
        }

        await using var scope = services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<AccountAdmin>().EnsureBootstrapAdminAsync();
        if (created is not null)
        {
            await output.WriteLineAsync($"""

                First sign-in: user name "{created.UserName}", one-time password "{created.Password}".
                You will be asked to choose your own password (at least 12 characters) right away.
                This password is shown only here; until it is used, each start prints a new one.

                """);
        }

        if (demo)
        {
            var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
            await output.WriteLineAsync(seeded ? "Demonstration data added." : "Demonstration data already present; nothing added.");
        }
    }

    /// Builds the application for a verb that uses its services without listening. Tokens the verb
    /// did not recognise are configuration overrides, as for `serve` (e.g. --Database:Provider=Postgres).
    public static WebApplication BuildForVerb(System.CommandLine.ParseResult result) => IsmsWebApp.Build(result.UnmatchedTokens.ToArray(), builder =>
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            // A verb reports a failure itself, once; EF Core would log the same failure again.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "None",
        });
        // Warnings go to stderr, so that what a verb prints on stdout (a token, a password) can be
        // captured by a script as it is.
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
    });
}
