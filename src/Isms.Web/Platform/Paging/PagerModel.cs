using Microsoft.AspNetCore.Http.Extensions;

namespace Isms.Web.Platform.Paging;

/// Links to other pages of a server-paged list that keep the current filters and sort.
public sealed record PagerModel(int PageNumber, int PageCount, string Path, IQueryCollection Query)
{
    public string Link(int page) => Path + With("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public string SortLink(string? current, string column)
    {
        var next = current == column ? "-" + column : column;
        return Path + With("sort", next, resetPage: true);
    }

    private string With(string key, string value, bool resetPage = false)
    {
        var query = new QueryBuilder();
        foreach (var (k, v) in Query)
        {
            if (!k.Equals(key, StringComparison.OrdinalIgnoreCase) && !(resetPage && k.Equals("page", StringComparison.OrdinalIgnoreCase)))
            {
                query.Add(k, (IEnumerable<string>)v);
            }
        }

        query.Add(key, value);
        return query.ToQueryString().Value ?? "";
    }
}
