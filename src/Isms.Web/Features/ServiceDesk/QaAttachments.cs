using Isms.Web.Platform.Files;

namespace Isms.Web.Features.ServiceDesk;

/// A form's attachments follow the shared file rules (Platform/Files), with the desk's own size
/// limit (Isms:ServiceDesk:MaxAttachmentBytes).
public sealed class QaAttachments(IConfiguration configuration, FileChecks checks)
{
    public const int MaxFiles = FileChecks.MaxFiles;
    public const long DefaultMaxBytes = FileChecks.DefaultMaxBytes;

    public long MaxBytes => configuration.GetValue("Isms:ServiceDesk:MaxAttachmentBytes", DefaultMaxBytes);

    public static string Accept => FileChecks.Accept;

    /// The checked attachments, or every reason the files were refused (field "Attachments").
    public IReadOnlyList<QaAttachment> Check(IReadOnlyList<UploadedFile> files, Guid? uploadedBy, DateTimeOffset now) =>
        checks.Check(files, MaxBytes).Select(file => new QaAttachment
        {
            FileName = file.FileName,
            ContentType = file.ContentType,
            Size = file.Size,
            Sha256 = file.Sha256,
            Content = file.Content,
            UploadedById = uploadedBy,
            UploadedAt = now,
        }).ToList();
}
