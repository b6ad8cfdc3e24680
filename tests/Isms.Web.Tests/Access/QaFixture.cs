using Isms.Web.Data;
using Isms.Web.Features.Calendar;
using Isms.Web.Features.ServiceDesk;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.Web.Tests.Access;

/// The service desk records the access matrix calls: a form of the Keelung unit with one
/// attachment, a category and a declared closure.
public sealed record QaFixture(string Number, int AttachmentId, int CategoryId, Guid ClosureId)
{
    public static async Task<QaFixture> ArrangeAsync(IsmsApp app, int requesterId, int unitId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IsmsDbContext>();
        var category = await db.Set<QaCategory>().OrderBy(c => c.Id).FirstAsync();
        var sequence = 900_000 + Random.Shared.Next(99_999);
        var received = TimeProvider.System.GetUtcNow();
        var form = new QaForm
        {
            Number = $"QA-2099-{sequence:D6}",
            Year = 2099,
            Month = 1,
            Sequence = sequence,
            RequesterId = requesterId,
            OwnerUnitId = unitId,
            Module = "Matrix",
            CategoryId = category.Id,
            Subject = "Matrix form",
            Description = "For the access matrix.",
            ReceivedAt = received,
            TargetDays = 2,
            Classification = 1,
            CreatedAt = received,
            UpdatedAt = received,
        };
        form.RefreshSearchText();
        db.Add(form);
        await db.SaveChangesAsync();
        var attachment = new QaAttachment { FormId = form.Id, FileName = "note.txt", ContentType = "text/plain", Size = 2, Sha256 = new string('0', 64), Content = "hi"u8.ToArray() };
        db.Add(attachment);
        var closure = new OfficeClosure { DeclarationId = Guid.CreateVersion7(), Date = new DateOnly(2099, 1, 5), Location = "Matrix " + Api.Unique(), Reason = "Matrix" };
        db.Add(closure);
        await db.SaveChangesAsync();
        return new QaFixture(form.Number, attachment.Id, category.Id, closure.DeclarationId);
    }
}
