using Isms.Web.Data;
using Isms.Web.Features.ServiceDesk;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.Web.Tests.ServiceDesk;

/// No index holds a form's due time, so the achievement counts open forms past due from the
/// partial index of the open forms. SQLite uses a partial index only when the query holds the
/// index's condition term for term, and without statistics its choice does not depend on the data:
/// so the plan is checked here, on the SQL EF writes for the real query.
public sealed class OpenFormsIndexTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Achievement_CountsClosedFormsFromTheCoveringIndex_AndOpenOnesFromTheOpenFormsIndex()
    {
        var plan = await PlanAsync(db => QaAchievement.CellsOf(db, 2026, DateTimeOffset.UtcNow).ToQueryString());

        Assert.Contains(plan, step => step.Contains("USING COVERING INDEX IX_QaForm_Year_Month_CategoryId_AssigneeId_Status_OnTime", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Contains($"USING INDEX {ServiceDeskConfiguration.OpenFormsIndex} (Year=? AND PausedSince=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("SCAN", StringComparison.Ordinal));
    }

    private async Task<List<string>> PlanAsync(Func<IsmsDbContext, string> query)
    {
        var plan = new List<string>();
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<IsmsDbContext>();
            // ToQueryString puts the parameters first, as the sqlite3 shell's dot-commands; unbound
            // parameters are null, which does not change a plan made without statistics.
            var sql = string.Join('\n', query(db).Split('\n').Where(line => !line.StartsWith('.') && !line.StartsWith("--", StringComparison.Ordinal)));
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        });
        Assert.NotEmpty(plan);
        return plan;
    }
}
