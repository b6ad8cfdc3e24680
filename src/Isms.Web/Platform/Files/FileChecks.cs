using System.Security.Cryptography;
using Isms.Web.Platform.Errors;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Platform.Files;

/// A file as received, before it is checked.
public sealed record UploadedFile(string FileName, byte[] Content);

/// A file that passed the checks: its clean name, the content type its extension stands for, and
/// the SHA-256 that lets anyone check a copy later.
public sealed record CheckedFile(string FileName, string ContentType, long Size, string Sha256, byte[] Content);

/// The rules for files people attach (service desk forms, security reports): a short list of
/// document and image types, recognised by their first bytes where the format has a signature, at
/// most a few files of a few megabytes each. Each feature stores the checked files its own way.
public sealed class FileChecks(IStringLocalizer<SharedResource> text)
{
    public const int MaxFiles = 5;
    public const long DefaultMaxBytes = 5 * 1024 * 1024;

    /// The request size a form or upload with the most files of the default size needs.
    public const long MaxRequestBytes = MaxFiles * (DefaultMaxBytes + 4096);

    /// The field the errors are given for.
    public const string Field = "Attachments";

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

    /// The file input's accept attribute.
    public static string Accept => string.Join(',', Types.Keys);

    /// The checked files, or every reason the files were refused (field "Attachments").
    public IReadOnlyList<CheckedFile> Check(IReadOnlyList<UploadedFile> files, long maxBytes)
    {
        var errors = new FieldErrors();
        if (files.Count > MaxFiles)
        {
            errors.Add(Field, text["At most {0} files can be attached at once.", MaxFiles]);
        }

        var checkedFiles = new List<CheckedFile>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file.FileName.Replace('\\', '/')).Trim();
            if (name.Length is 0 or > 200 || !Types.TryGetValue(Path.GetExtension(name), out var type))
            {
                errors.Add(Field, text["{0}: this type of file cannot be attached (PDF, images, text, Office documents, ZIP).", name]);
                continue;
            }

            if (file.Content.Length == 0 || file.Content.Length > maxBytes)
            {
                errors.Add(Field, text["{0}: a file must have content and be at most {1} MB.", name, maxBytes / (1024 * 1024)]);
                continue;
            }

            if (type.Signature is { } signature && !file.Content.AsSpan().StartsWith(signature))
            {
                errors.Add(Field, text["{0}: the content is not what the file name says.", name]);
                continue;
            }

            checkedFiles.Add(new CheckedFile(name, type.ContentType, file.Content.Length, Convert.ToHexStringLower(SHA256.HashData(file.Content)), file.Content));
        }

        errors.ThrowIfAny();
        return checkedFiles;
    }
}
