using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Paging;

/// <summary>Page-style and cursor-style pagination.</summary>
internal static class Pagination
{
    private const string CursorPrefix = "c1:";

    public static (int Page, int PerPage) PageParams(HttpContext context)
    {
        var page = Query.Int(context, "page", 1, 1, int.MaxValue);

        // per_page wins over its alias limit, but a shadowed limit is still validated: a bad value is never ignored.
        var limit = Query.Int(context, "limit", 20, 1, 100);
        var perPage = context.Request.Query.ContainsKey("per_page") ? Query.Int(context, "per_page", 20, 1, 100) : limit;
        return (page, perPage);
    }

    /// <summary>
    /// A page-style list of the caller's items, newest first, filtered by at most one enum query parameter (<c>status</c>,
    /// <c>role</c>, <c>type</c>): the paging parameters are read first, then the filter (400 naming whichever is bad).
    /// </summary>
    public static IResult FilteredPage<T>(
        HttpContext context, OrganizationScopedStore<T> store, string parameter, IReadOnlyCollection<string> allowed, Func<T, string> field, Func<T, JsonNode> map)
        where T : class, IOrganizationScoped
    {
        var (page, perPage) = PageParams(context);
        var value = Query.OneOf(context, parameter, allowed);
        var items = store.List(context.Caller().OrganizationId, i => value is null || field(i) == value);
        return ApiResults.Ok(Page(items, page, perPage, map));
    }

    public static JsonObject Page<T>(IReadOnlyList<T> items, int page, int perPage, Func<T, JsonNode> map)
    {
        var data = new JsonArray();
        var skip = (long)(page - 1) * perPage;
        for (var i = skip; i < items.Count && i < skip + perPage; i++)
        {
            data.Add(map(items[(int)i]));
        }

        return new JsonObject
        {
            ["data"] = data,
            ["total"] = items.Count,
            ["page"] = page,
            ["per_page"] = perPage,
        };
    }

    /// <summary>Parses <c>cursor</c> (the sequence number to continue below) and <c>limit</c>.</summary>
    public static (long? Before, int Limit) CursorParams(HttpContext context)
    {
        var limit = Query.Int(context, "limit", 20, 1, 100);
        var cursor = Query.Single(context, "cursor");
        if (string.IsNullOrEmpty(cursor))
        {
            return (null, limit);
        }

        return (DecodeCursor(cursor) ?? throw Query.Bad("cursor", "Query parameter 'cursor' is not a valid cursor."), limit);
    }

    /// <summary>Items must be ordered newest first (descending sequence).</summary>
    public static JsonObject Cursor<T>(IEnumerable<T> newestFirst, Func<T, long> sequence, long? before, int limit, Func<T, JsonNode> map)
    {
        var page = newestFirst.Where(i => before is null || sequence(i) < before).Take(limit + 1).ToList();
        var hasMore = page.Count > limit;
        if (hasMore)
        {
            page.RemoveAt(page.Count - 1);
        }

        var data = new JsonArray();
        foreach (var item in page)
        {
            data.Add(map(item));
        }

        return new JsonObject
        {
            ["data"] = data,
            ["next_cursor"] = hasMore ? EncodeCursor(sequence(page[^1])) : null,
            ["has_more"] = hasMore,
        };
    }

    public static string EncodeCursor(long sequence) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(CursorPrefix + sequence.ToString(CultureInfo.InvariantCulture)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static long? DecodeCursor(string cursor)
    {
        if (cursor.Length > 64)
        {
            return null;
        }

        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, buffer, out var written))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, written);
        if (!text.StartsWith(CursorPrefix, StringComparison.Ordinal)
            || !long.TryParse(text.AsSpan(CursorPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return null;
        }

        return sequence;
    }
}
