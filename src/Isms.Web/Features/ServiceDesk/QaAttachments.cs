using System.Security.Cryptography;
using Isms.Web.Platform.Errors;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.ServiceDesk;

/// A file as received, before it is checked.
public sealed record UploadedFile(string FileName, byte[] Content);

/// The limits on attachments: a short list of document and image types, recognised by their
/// first bytes where the format has a signature, at most a few files of a few megabytes each.
public sealed class QaAttachments(IConfiguration configuration, IStringLocalizer<SharedResource> text)
{
    public const int MaxFiles = 5;
    public const long DefaultMaxBytes = 5 * 1024 * 1024;

    private static readonly Dictionary<string, (string ContentType, byte[]? Signature)> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", "%PDF"u8.ToArray()),
        [".png"] = ("image/png", [0x89, 0x50, 0x4E, 0x47]),
        [".jpg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        [".jpeg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        [".gif"] = ("image/gif", "GIF8"u8.ToArray()),
        [".txt"] = ("text/plain", null),
        [".log"] = ("text/plain", null),
        [".csv"] = ("text/csv", null),
        [".xml"] = ("application/xml", null),
        [".eml"] = ("message/rfc822", null),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK"u8.ToArray()),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK"u8.ToArray()),
        [".odt"] = ("application/vnd.oasis.opendocument.text", "PK"u8.ToArray()),
        [".ods"] = ("application/vnd.oasis.opendocument.spreadsheet", "PK"u8.ToArray()),
        [".zip"] = ("application/zip", "PK"u8.ToArray()),
    };

    public long MaxBytes => configuration.GetValue("Isms:ServiceDesk:MaxAttachmentBytes", DefaultMaxBytes);

    public static string Accept => string.Join(',', Types.Keys);

    /// The checked attachments, or every reason the files were refused (field "Attachments").
    public IReadOnlyList<QaAttachment> Check(IReadOnlyList<UploadedFile> files, Guid? uploadedBy, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (files.Count > MaxFiles)
        {
            errors.Add("Attachments", text["At most {0} files can be attached at once.", MaxFiles]);
        }

        var checkedFiles = new List<QaAttachment>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file.FileName.Replace('\\', '/')).Trim();
            if (name.Length is 0 or > 200 || !Types.TryGetValue(Path.GetExtension(name), out var type))
            {
                errors.Add("Attachments", text["{0}: this type of file cannot be attached (PDF, images, text, Office documents, ZIP).", name]);
                continue;
            }

            if (file.Content.Length == 0 || file.Content.Length > MaxBytes)
            {
                errors.Add("Attachments", text["{0}: a file must have content and be at most {1} MB.", name, MaxBytes / (1024 * 1024)]);
                continue;
            }

            if (type.Signature is { } signature && !file.Content.AsSpan().StartsWith(signature))
            {
                errors.Add("Attachments", text["{0}: the content is not what the file name says.", name]);
                continue;
            }

            checkedFiles.Add(new QaAttachment
            {
                FileName = name,
                ContentType = type.ContentType,
                Size = file.Content.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Content)),
                Content = file.Content,
                UploadedById = uploadedBy,
                UploadedAt = now,
            });
        }

        errors.ThrowIfAny();
        return checkedFiles;
    }
}
