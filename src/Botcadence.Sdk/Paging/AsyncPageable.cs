using System.Runtime.CompilerServices;

namespace Botcadence.Sdk;

/// <summary>
/// A list the service returns in pages. Enumerate it with <c>await foreach</c> to get every item (pages are
/// fetched as needed), or call <see cref="AsPages"/> to work page by page and resume from a continuation token.
/// Nothing is requested until enumeration starts, and each enumeration starts again from the beginning.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public abstract partial class AsyncPageable<T> : IAsyncEnumerable<T>
{
    /// <summary>The token passed to the call that created this list; it also cancels enumeration.</summary>
    protected CancellationToken CancellationToken { get; }

    /// <summary>Creates the list.</summary>
    /// <param name="cancellationToken">Cancels every request the enumeration makes.</param>
    protected AsyncPageable(CancellationToken cancellationToken) => CancellationToken = cancellationToken;

    /// <summary>Enumerates page by page.</summary>
    /// <param name="continuationToken">A <see cref="Page{T}.ContinuationToken"/> to resume from, or null to start at the beginning.</param>
    /// <param name="pageSizeHint">Items per page (1–100) when starting; a continuation token keeps the page size it was made with.</param>
    /// <returns>The pages, fetched one at a time.</returns>
    public abstract IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null);

    /// <inheritdoc />
    public virtual async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Values)
            {
                yield return item;
            }
        }
    }
}

/// <summary>
/// Fetches one page given a continuation state; both paging styles reduce to this. Page-style pages are positions: an
/// item created between two page fetches pushes items already yielded onto the next page. One enumeration therefore
/// remembers the ids it yielded (the constructor's <c>itemId</c>, by default <see cref="PageItemIds"/>) and drops repeats
/// from later page-style pages. With <c>prefetchNextPage</c> the request for the next page starts as soon as a page is
/// received, before that page is handed to the caller (see <c>PrefetchNextPage</c> on the list options).
/// </summary>
internal sealed class PagedList<T> : AsyncPageable<T>
{
    private readonly Func<string?, int?, CancellationToken, Task<Page<T>>> _fetchPage;
    private readonly Func<T, string?>? _itemId;
    private readonly bool _prefetchNextPage;

    public PagedList(Func<string?, int?, CancellationToken, Task<Page<T>>> fetchPage, CancellationToken cancellationToken, Func<T, string?>? itemId = null, bool prefetchNextPage = false)
        : base(cancellationToken)
    {
        _fetchPage = fetchPage;
        _itemId = itemId ?? PageItemIds.For<T>();
        _prefetchNextPage = prefetchNextPage;
    }

    public override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        if (pageSizeHint is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSizeHint), pageSizeHint, "The page size must be between 1 and 100.");
        }

        return Enumerate(continuationToken, pageSizeHint, _prefetchNextPage, default);
    }

    /// <summary>
    /// Yields the pages from <paramref name="token"/> on. With <paramref name="prefetch"/> the next page is requested as
    /// soon as a page arrives, so it downloads while the caller consumes the current one; without it, when the caller asks
    /// for it. A prefetched page's failure (or cancellation) surfaces when the caller asks for it, on the page where it
    /// belongs; when the caller stops early, the request in flight is cancelled and awaited (nothing leaks, nothing is
    /// left unobserved).
    /// </summary>
    private async IAsyncEnumerable<Page<T>> Enumerate(string? token, int? pageSize, bool prefetch, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken, cancellationToken);
        HashSet<string>? seen = null;
        var next = _fetchPage(token, pageSize, linked.Token);
        try
        {
            while (next is not null)
            {
                var current = next;
                next = null;
                var page = await current.ConfigureAwait(false);
                if (prefetch && page.ContinuationToken is { } following)
                {
                    next = _fetchPage(following, pageSize, linked.Token);
                }

                if (page.IsPositional && _itemId is not null)
                {
                    seen ??= new HashSet<string>(StringComparer.Ordinal);
                    page = WithoutRepeats(page, seen);
                }

                yield return page;
                if (!prefetch && page.ContinuationToken is { } after)
                {
                    next = _fetchPage(after, pageSize, linked.Token);
                }
            }
        }
        finally
        {
            if (next is not null)
            {
                // The caller stopped (break, dispose, or an exception in its loop) with a prefetched request in flight.
                await linked.CancelAsync().ConfigureAwait(false);
                try
                {
                    await next.ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // The page nobody asked for: its outcome (usually the cancellation just requested) is dropped.
                }
            }
        }
    }

    /// <summary>The page without the items whose id is in <paramref name="seen"/>; adds the rest to it.</summary>
    private Page<T> WithoutRepeats(Page<T> page, HashSet<string> seen)
    {
        List<T>? kept = null;
        for (var i = 0; i < page.Values.Count; i++)
        {
            var item = page.Values[i];
            var id = _itemId!(item);
            if (id is null || seen.Add(id))
            {
                kept?.Add(item);
            }
            else if (kept is null)
            {
                kept = new List<T>(page.Values.Count);
                for (var j = 0; j < i; j++)
                {
                    kept.Add(page.Values[j]);
                }
            }
        }

        return kept is null ? page : page.WithValues(kept);
    }
}
