namespace Isms.Web.Platform.Files;

/// Reads posted files into memory, stopping at the attachment limit before reading a byte more.
public static class Uploads
{
    public static async Task<IReadOnlyList<UploadedFile>> ReadAsync(IFormFileCollection? files, CancellationToken cancellationToken)
    {
        var read = new List<UploadedFile>();
        foreach (var file in files ?? (IEnumerable<IFormFile>)[])
        {
            if (file.Length > FileChecks.DefaultMaxBytes * 4)
            {
                // Far beyond any limit: keep the name so the error names it, not the content.
                read.Add(new UploadedFile(file.FileName, []));
                continue;
            }

            await using var stream = file.OpenReadStream();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            read.Add(new UploadedFile(file.FileName, buffer.ToArray()));
        }

        return read;
    }

    /// The files of a multipart request, or null when the request is not multipart.
    public static async Task<IReadOnlyList<UploadedFile>?> ReadAsync(HttpRequest request, CancellationToken cancellationToken) =>
        request.HasFormContentType ? await ReadAsync((await request.ReadFormAsync(cancellationToken)).Files, cancellationToken) : null;
}
