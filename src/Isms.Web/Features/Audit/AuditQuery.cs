using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Isms.Core.Calendars;
using Isms.Web.Data;
using Isms.Web.Platform.Localization;
using Isms.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Audit;

/// The trail's filters and page, shared by the page, the API and the CSV export. Times are
/// Asia/Taipei wall-clock times (2026-11-25 or 2026-11-25T14:30) unless they carry an offset;
/// `to` of a date alone means the end of that day.
public sealed record AuditQuery : IValidatableObject
{
    public const int MaxPageSize = 200;

    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"];

    [MaxLength(256, ErrorMessage = Messages.TooLong)]
    public string? Actor { get; init; }

    [MaxLength(64, ErrorMessage = Messages.TooLong)]
    public string? EntityType { get; init; }

    [MaxLength(128, ErrorMessage = Messages.TooLong)]
    public string? EntityId { get; init; }

    /// An action code or its area (`sign-in` finds every sign-in event).
    [MaxLength(64, ErrorMessage = Messages.TooLong)]
    public string? Action { get; init; }

    [MaxLength(40, ErrorMessage = Messages.TooLong)]
    public string? From { get; init; }

    [MaxLength(40, ErrorMessage = Messages.TooLong)]
    public string? To { get; init; }

    [Range(1, int.MaxValue)]
    public int? Page { get; init; }

    [Range(1, MaxPageSize)]
    public int? PageSize { get; init; }

    public int PageNumber => Page ?? 1;

    public int Size => PageSize ?? 50;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (From is { Length: > 0 } && !TryParse(From, null, endOfDay: false, out _))
        {
            yield return new ValidationResult(validationContext.Localize("Write the time as 2026-11-25 or 2026-11-25T14:30 (Taipei time)."), [nameof(From)]);
        }

        if (To is { Length: > 0 } && !TryParse(To, null, endOfDay: true, out _))
        {
            yield return new ValidationResult(validationContext.Localize("Write the time as 2026-11-25 or 2026-11-25T14:30 (Taipei time)."), [nameof(To)]);
        }
    }

    public IQueryable<AuditEntry> Filter(IsmsDbContext db, AgencyTime agency)
    {
        var entries = db.Set<AuditEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            var actor = Actor.Trim();
            entries = entries.Where(e => e.ActorName == actor);
        }

        if (!string.IsNullOrWhiteSpace(EntityType))
        {
            var type = EntityType.Trim();
            entries = entries.Where(e => e.EntityType == type);
        }

        if (!string.IsNullOrWhiteSpace(EntityId))
        {
            var id = EntityId.Trim();
            entries = entries.Where(e => e.EntityId == id);
        }

        if (!string.IsNullOrWhiteSpace(Action))
        {
            var action = Action.Trim();
            entries = entries.Where(e => e.Action == action || e.Action.StartsWith(action + "."));
        }

        if (TryParse(From, agency, endOfDay: false, out var from))
        {
            entries = entries.Where(e => e.At >= from);
        }

        if (TryParse(To, agency, endOfDay: true, out var to))
        {
            entries = entries.Where(e => e.At < to);
        }

        return entries.OrderByDescending(e => e.Sequence);
    }

    public static Task<AuditEntryResponse?> FindAsync(IsmsDbContext db, long sequence, CancellationToken cancellationToken) =>
        db.Set<AuditEntry>().AsNoTracking().Where(e => e.Sequence == sequence).Select(AuditEntryResponse.Projection).SingleOrDefaultAsync(cancellationToken);

    public async Task<Page<AuditEntryResponse>> SearchAsync(IsmsDbContext db, AgencyTime agency, CancellationToken cancellationToken)
    {
        var filtered = Filter(db, agency);
        var total = await filtered.CountAsync(cancellationToken);
        var items = await filtered.Skip((PageNumber - 1) * Size).Take(Size).Select(AuditEntryResponse.Projection).ToListAsync(cancellationToken);
        return new Page<AuditEntryResponse>(items, total, PageNumber, Size);
    }

    /// The exclusive upper bound for `to`, the inclusive lower bound for `from`.
    private static bool TryParse(string? text, AgencyTime? agency, bool endOfDay, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text.Length > 10 && (text.EndsWith('Z') || text[10..].Contains('+', StringComparison.Ordinal) || text[10..].LastIndexOf('-') > 0)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var withOffset))
        {
            instant = withOffset.ToUniversalTime();
            return true;
        }

        if (!DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        if (endOfDay)
        {
            local = text.Length == 10 ? local.AddDays(1) : local.AddMinutes(1).AddSeconds(-local.Second);
        }

        if (agency is not null)
        {
            var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            instant = new DateTimeOffset(unspecified, agency.Zone.GetUtcOffset(unspecified)).ToUniversalTime();
        }

        return true;
    }
}
