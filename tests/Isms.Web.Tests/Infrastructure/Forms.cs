using System.Text.RegularExpressions;

namespace Isms.Web.Tests.Infrastructure;

/// Posting a page's form as a browser would: read the antiforgery token from the page, send it back.
public static partial class Forms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, IEnumerable<KeyValuePair<string, string>> fields, string? handler = null)
    {
        var html = await client.GetStringAsync(page);
        var token = Token().Match(html);
        Assert.True(token.Success, $"No antiforgery token on {page}");
        var values = fields.Append(new("__RequestVerificationToken", token.Groups[1].Value));
        var url = handler is null ? page : page + (page.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    /// The antiforgery token of a page's form.
    public static string TokenOf(string html)
    {
        var token = Token().Match(html);
        Assert.True(token.Success, "No antiforgery token on the page");
        return token.Groups[1].Value;
    }

    /// The same, as multipart/form-data with files (name, content) in the field "Attachments".
    public static async Task<HttpResponseMessage> PostWithFilesAsync(HttpClient client, string page, IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<(string Name, byte[] Content)> files)
    {
        var html = await client.GetStringAsync(page);
        var token = Token().Match(html);
        Assert.True(token.Success, $"No antiforgery token on {page}");
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Append(new("__RequestVerificationToken", token.Groups[1].Value)))
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, bytes) in files)
        {
            content.Add(new ByteArrayContent(bytes), "Attachments", name);
        }

        return await client.PostAsync(page, content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
