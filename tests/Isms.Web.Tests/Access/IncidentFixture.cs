using Isms.Core.Incidents;
using Isms.Web.Data;
using Isms.Web.Features.Incidents;
using Isms.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.Web.Tests.Access;

/// A report by nobody among the matrix's principals: only the handling unit and auditors read it.
public static class IncidentFixture
{
    public static async Task<string> ArrangeAsync(IsmsApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IsmsDbContext>();
        var now = TimeProvider.System.GetUtcNow();
        var report = new SecurityReport
        {
            Number = "SR-1999-" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Year = 1999,
            Sequence = Random.Shared.Next(1, 1_000_000),
            Kind = ReportKind.Weakness,
            Description = "The gateway answers with its version banner.",
            NoticedAt = now,
            ReportedAt = now,
        };
        db.Add(report);
        await db.SaveChangesAsync();
        return report.Number;
    }

    /// A reward of a person of the Keelung unit: its manager reads it, the other unit's manager does not.
    public static async Task<int> SanctionAsync(IsmsApp app, int personId, int unitId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IsmsDbContext>();
        var sanction = new Sanction
        {
            PersonId = personId,
            UnitId = unitId,
            Kind = SanctionKind.Reward,
            Decision = "A commendation for reporting the banner.",
            DecidedOn = new DateOnly(2026, 1, 5),
            DecidedBy = "Personnel review committee",
            RecordedAt = TimeProvider.System.GetUtcNow(),
        };
        db.Add(sanction);
        await db.SaveChangesAsync();
        return sanction.Id;
    }

    /// A file of that report, sent by its reporter.
    public static async Task<int> AddFileAsync(IsmsApp app, string number)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IsmsDbContext>();
        var content = "version banner: gateway 2.4.1"u8.ToArray();
        var file = new ReportFile
        {
            ReportId = db.Set<SecurityReport>().Single(r => r.Number == number).Id,
            FileName = "banner.txt",
            ContentType = "text/plain",
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
            Content = content,
            UploadedAt = TimeProvider.System.GetUtcNow(),
        };
        db.Add(file);
        await db.SaveChangesAsync();
        return file.Id;
    }
}
