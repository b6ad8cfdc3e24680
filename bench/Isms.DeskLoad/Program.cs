using System.Diagnostics;
using Isms.DeskLoad;
using Isms.Web.Data;
using Isms.Web.Features.Audit;
using Isms.Web.Features.Calendar;
using Isms.Web.Features.Organisation;
using Isms.Web.Features.People;
using Isms.Web.Features.ServiceDesk;
using Isms.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// The service desk's database benchmarks (issue 4; figures in docs/benchmarks.md):
//   achievement N   the yearly figures over N forms of one year (target: under 500 ms for 1,000,000)
//   recompute N     declare a closure with N open forms at that location (target: under 1 s for 100,000)
// Any further arguments are configuration overrides, e.g. --Database:Provider=Postgres.
if (args.Length < 2 || args[0] is not ("achievement" or "recompute") || !int.TryParse(args[1], out var count))
{
    Console.Error.WriteLine("usage: Isms.DeskLoad achievement|recompute COUNT [--Key=value ...]");
    return 2;
}

await using var app = IsmsWebApp.Build([.. args[2..], "--Logging:LogLevel:Default=Warning"]);
await DatabaseSetup.MigrateAsync(app.Services, CancellationToken.None);
var (unit, person, category) = await ArrangeAsync(app.Services);
var watch = Stopwatch.StartNew();
await DeskSeed.InsertAsync(app.Services, args[0] == "achievement" ? 2024 : 2026, count, unit, person, category, open: args[0] == "recompute");
Console.WriteLine($"seeded {count:N0} forms in {watch.Elapsed.TotalSeconds:0.0} s");

if (args[0] == "achievement")
{
    for (var run = 1; run <= 5; run++)
    {
        await using var scope = app.Services.CreateAsyncScope();
        watch.Restart();
        var report = await scope.ServiceProvider.GetRequiredService<QaAchievement>().ForYearAsync(2024, CancellationToken.None);
        Console.WriteLine($"achievement run {run}: {watch.Elapsed.TotalMilliseconds:0} ms (received {report.Total.Received:N0}, rate {report.Rate} %)");
    }
}
else
{
    // First give every seeded form its true due time (untimed), as the application would have.
    await using (var first = app.Services.CreateAsyncScope())
    {
        await first.ServiceProvider.GetRequiredService<QaDueTimes>().RecomputeAsync(CancellationToken.None);
        await DeskSeed.SettleAsync(first.ServiceProvider.GetRequiredService<IsmsDbContext>());
    }

    await using (var again = app.Services.CreateAsyncScope())
    {
        watch.Restart();
        var changed = await again.ServiceProvider.GetRequiredService<QaDueTimes>().RecomputeAsync(CancellationToken.None);
        Console.WriteLine($"recomputed {count:N0} open forms, {changed} changed, in {watch.Elapsed.TotalMilliseconds:0} ms");
    }

    // The declaration's path warmed up as a running server's would be, moving forms as the timed
    // one will (a closure on 10 March, withdrawn), and the table then settled again.
    await using (var warm = app.Services.CreateAsyncScope())
    {
        var writes = warm.ServiceProvider.GetRequiredService<ClosureWrites>();
        var id = await writes.DeclareAsync(new ClosureInput { Date = new DateOnly(2026, 3, 10), Locations = [DeskSeed.Location], Reason = "Warm-up" }, CancellationToken.None);
        await writes.WithdrawAsync(id, CancellationToken.None);
        await DeskSeed.SettleAsync(warm.ServiceProvider.GetRequiredService<IsmsDbContext>());
    }

    await using var scope = app.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<IsmsDbContext>();
    var closureDay = new DateOnly(2026, 3, 5);
    var (dayStart, dayEnd) = (new DateTimeOffset(2026, 3, 5, 0, 0, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2026, 3, 6, 0, 0, 0, TimeSpan.FromHours(8)));
    var before = await db.Set<QaForm>().CountAsync(f => f.DueAt >= dayStart && f.ReceivedAt < dayEnd);
    var entries = await db.Set<AuditEntry>().CountAsync(e => e.EntityType == nameof(QaForm));
    watch.Restart();
    await scope.ServiceProvider.GetRequiredService<ClosureWrites>().DeclareAsync(
        new ClosureInput { Date = closureDay, Locations = [DeskSeed.Location], Reason = "Benchmark typhoon" }, CancellationToken.None);
    var elapsed = watch.Elapsed;
    var moved = await db.Set<AuditEntry>().CountAsync(e => e.EntityType == nameof(QaForm)) - entries;
    Console.WriteLine($"closure on {closureDay} declared over {count:N0} open forms at its location: recomputed, and the moved ones saved (audited), in {elapsed.TotalMilliseconds:0} ms");
    Console.WriteLine($"{before:N0} forms' clocks run through the closure day (read); {moved:N0} of them moved (one audit entry each)");
}

return 0;

static async Task<(int Unit, int Person, int Category)> ArrangeAsync(IServiceProvider services)
{
    await using var scope = services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<IsmsDbContext>();
    var unit = new Unit { Code = "BENCH-" + Guid.NewGuid().ToString("N")[..6], Name = "Bench", Kind = UnitKind.Section, Location = DeskSeed.Location };
    db.Add(unit);
    await db.SaveChangesAsync();
    var person = new Person { FullName = "Bench requester", JobFunction = "Clerk", UnitId = unit.Id, ActiveFrom = new DateOnly(2020, 1, 1) };
    person.RefreshSearchText();
    db.Add(person);
    await db.SaveChangesAsync();
    return (unit.Id, person.Id, await db.Set<QaCategory>().MinAsync(c => c.Id));
}
