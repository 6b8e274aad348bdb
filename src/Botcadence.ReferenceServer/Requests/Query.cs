using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Infrastructure;

/// <summary>Query-string parsing; every bad value is 400 INVALID_REQUEST naming the parameter.</summary>
internal static class Query
{
    public static string? Single(HttpContext context, string name)
    {
        var values = context.Request.Query[name];
        if (values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1)
        {
            throw Bad(name, $"Query parameter '{name}' must be given at most once.");
        }

        return values[0];
    }

    public static int Int(HttpContext context, string name, int defaultValue, int min, int max)
    {
        var text = Single(context, name);
        if (text is null)
        {
            return defaultValue;
        }

        // int.TryParse alone accepts trailing NUL characters ("1\0" parses as 1): only an optional sign and ASCII digits pass.
        if (!IsInteger(text) || !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw Bad(name, $"Query parameter '{name}' must be an integer between {min} and {max}.");
        }

        return value;
    }

    private static bool IsInteger(string text)
    {
        var digits = text.AsSpan(text.Length > 0 && text[0] is '-' or '+' ? 1 : 0);
        return digits.Length is > 0 and <= 11 && !digits.ContainsAnyExceptInRange('0', '9');
    }

    public static string? OneOf(HttpContext context, string name, IReadOnlyCollection<string> allowed)
    {
        var text = Single(context, name);
        if (text is null)
        {
            return null;
        }

        return allowed.Contains(text) ? text : throw Bad(name, $"Query parameter '{name}' must be one of: {string.Join(", ", allowed)}.");
    }

    public static DateTimeOffset? Date(HttpContext context, string name)
    {
        var text = Single(context, name);
        if (text is null)
        {
            return null;
        }

        return TryParseDate(text, out var value) ? value : throw Bad(name, $"Query parameter '{name}' must be an ISO-8601 date or date-time.");
    }

    public static bool TryParseDate(string text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 10 || !char.IsAsciiDigit(text[0]) || text[4] != '-')
        {
            return false;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value))
        {
            return false;
        }

        value = value.ToUniversalTime();
        return true;
    }

    public static ApiException Bad(string name, string message) => new(ApiError.BadRequest(message, name));
}

/// <summary>Page-style and cursor-style pagination.</summary>
internal static class Paging
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
