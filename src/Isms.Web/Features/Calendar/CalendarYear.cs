using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Isms.Web.Features.Calendar;

/// One year of the government's office calendar (行政機關辦公日曆表) as imported: the file's
/// content in the official format, so the year is one record in the audit trail and re-reads
/// through the same parser that checked it.
public sealed class CalendarYear
{
    public int Year { get; set; }

    /// The year in the official CSV format (UTF-8), as written by OfficeCalendarYear.ToCsv.
    public required string Content { get; set; }

    /// SHA-256 of the file as it was uploaded, in hex: which file this year came from.
    public required string SourceSha256 { get; set; }

    public int WorkingDays { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public Guid? ImportedById { get; set; }

    /// "shipped" for the calendars that come with ISMS, otherwise the uploaded file's name.
    public required string Source { get; set; }
}

public sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> builder)
    {
        builder.HasKey(y => y.Year);
        builder.Property(y => y.Year).ValueGeneratedNever();
        builder.Property(y => y.Content).HasMaxLength(40_000);
        builder.Property(y => y.SourceSha256).HasMaxLength(64);
        builder.Property(y => y.Source).HasMaxLength(200);
        builder.HasOne<Accounts.Account>().WithMany().HasForeignKey(y => y.ImportedById).OnDelete(DeleteBehavior.Restrict);
    }
}
