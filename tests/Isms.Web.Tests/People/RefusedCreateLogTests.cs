using System.Net;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Isms.Web.Tests.People;

/// A person's create learns of a taken number or e-mail address, or an unknown unit, from the
/// database refusing the insert (docs/decisions.md). That is bad input, not a fault: with the
/// shipped log levels, the operator's log shows no warning or error for it.
public abstract class RefusedCreateLogTests(IsmsApp app, LogSink sink)
{
    [Fact]
    public async Task RefusedInserts_AreAnsweredWithFieldErrors_AndLogNoWarningOrError()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var unitId = (await admin.CreateUnitAsync()).Id;
        var existing = await admin.CreatePersonAsync(Api.PersonBody(unitId));
        var taken = Api.PersonBody(unitId);
        taken["employeeNumber"] = existing.EmployeeNumber;
        var noUnit = Api.PersonBody(987654);
        var before = sink.Lines.Count;

        using var takenAnswer = await admin.PostJsonAsync("/api/v1/persons", taken);
        using var noUnitAnswer = await admin.PostJsonAsync("/api/v1/persons", noUnit);

        Assert.Equal(["EmployeeNumber"], await takenAnswer.ErrorFieldsAsync());
        Assert.Equal(["UnitId"], await noUnitAnswer.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, noUnitAnswer.StatusCode);
        Assert.DoesNotContain(sink.Lines.Skip(before), line => line.Level >= LogLevel.Warning);
    }
}

/// The app with the log levels of the shipped appsettings.json, and its log kept.
public sealed class ShippedLogLevelsApp : SqliteApp
{
    public LogSink Sink { get; } = new();

    protected override void Configure(IDictionary<string, string?> settings) => ShippedLogLevels.Apply(settings);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Sink);
}

public sealed class ShippedLogLevelsPostgresApp : PostgresApp
{
    public LogSink Sink { get; } = new();

    protected override void Configure(IDictionary<string, string?> settings) => ShippedLogLevels.Apply(settings);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Sink);
}

internal static class ShippedLogLevels
{
    // The test apps log only errors; without their levels, those of appsettings.json apply.
    public static void Apply(IDictionary<string, string?> settings)
    {
        foreach (var key in settings.Keys.Where(key => key.StartsWith("Logging:", StringComparison.Ordinal)).ToList())
        {
            settings.Remove(key);
        }
    }
}

public sealed class RefusedCreateLogTestsOnSqlite(ShippedLogLevelsApp app) : RefusedCreateLogTests(app, app.Sink), IClassFixture<ShippedLogLevelsApp>;

public sealed class RefusedCreateLogTestsOnPostgres(ShippedLogLevelsPostgresApp app) : RefusedCreateLogTests(app, app.Sink), IClassFixture<ShippedLogLevelsPostgresApp>;
