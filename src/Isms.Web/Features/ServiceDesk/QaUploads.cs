namespace Isms.Web.Features.ServiceDesk;

/// Reads posted files into memory, stopping at the attachment limit before reading a byte more.
public static class QaUploads
{
    public static async Task<IReadOnlyList<UploadedFile>> ReadAsync(IFormFileCollection? files, CancellationToken cancellationToken)
    {
        var read = new List<UploadedFile>();
        foreach (var file in files ?? (IEnumerable<IFormFile>)[])
        {
            if (file.Length > QaAttachments.DefaultMaxBytes * 4)
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
}
