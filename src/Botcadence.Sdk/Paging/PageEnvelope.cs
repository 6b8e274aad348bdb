using System.Globalization;

namespace Botcadence.Sdk;

/// <summary>
/// Every list envelope the service and its predecessors use, in one shape: the page fields at the root
/// (<c>total</c>, <c>page</c>, <c>per_page</c>, <c>next_cursor</c>, <c>has_more</c>) or inside <c>meta</c> /
/// <c>pagination</c>.
/// </summary>
internal sealed class PageEnvelope<T>
{
    public List<T>? Data { get; set; }
    public long? Total { get; set; }
    public int? Page { get; set; }
    public int? PerPage { get; set; }
    public int? Limit { get; set; }
    public string? NextCursor { get; set; }
    public bool? HasMore { get; set; }
    public PageMeta? Meta { get; set; }
    public PageMeta? Pagination { get; set; }
}

internal sealed class PageMeta
{
    public long? Total { get; set; }
    public int? Page { get; set; }
    public int? PerPage { get; set; }
    public int? Limit { get; set; }
    public int? Pages { get; set; }
    public string? NextCursor { get; set; }
    public bool? HasMore { get; set; }
}

/// <summary>Continuation tokens: page style is <c>"{page}:{perPage}"</c>, cursor style is the service's cursor.</summary>
internal static class PageTokens
{
    public static (int Page, int? PerPage) ParsePageToken(string? continuationToken, int? pageSizeHint)
    {
        var token = continuationToken;
        if (token is null)
        {
            return (1, pageSizeHint);
        }

        var colon = token.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 &&
            int.TryParse(token.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1 &&
            int.TryParse(token.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var perPage) && perPage is >= 1 and <= 100)
        {
            return (page, perPage);
        }

        throw new ArgumentException($"'{token}' is not a continuation token of this list.", nameof(continuationToken));
    }

    public static Page<T> ToPageStylePage<T>(PageEnvelope<T> envelope, int requestedPage, int? requestedPerPage, ResponseInfo info)
    {
        var items = envelope.Data ?? [];
        var meta = envelope.Meta ?? envelope.Pagination;
        var total = envelope.Total ?? meta?.Total;
        var page = envelope.Page ?? meta?.Page ?? requestedPage;
        var perPage = envelope.PerPage ?? envelope.Limit ?? meta?.PerPage ?? meta?.Limit ?? requestedPerPage ?? Math.Max(items.Count, 1);
        var pages = meta?.Pages;

        bool hasNext;
        if (items.Count == 0)
        {
            hasNext = false;
        }
        else if (pages is { } p)
        {
            hasNext = page < p;
        }
        else if (total is { } t)
        {
            hasNext = (long)page * perPage < t;
        }
        else
        {
            hasNext = items.Count >= perPage;
        }

        var next = hasNext ? string.Create(CultureInfo.InvariantCulture, $"{page + 1}:{perPage}") : null;
        return new Page<T>(items, next, total, info, isPositional: true);
    }

    public static Page<T> ToCursorStylePage<T>(PageEnvelope<T> envelope, ResponseInfo info)
    {
        var items = envelope.Data ?? [];
        var meta = envelope.Meta ?? envelope.Pagination;
        var cursor = envelope.NextCursor ?? meta?.NextCursor;
        var hasMore = envelope.HasMore ?? meta?.HasMore ?? cursor is not null;
        var next = hasMore && !string.IsNullOrEmpty(cursor) && items.Count > 0 ? cursor : null;
        return new Page<T>(items, next, envelope.Total ?? meta?.Total, info);
    }
}
