using Botcadence.Sdk;

namespace Botcadence.Mcp;

internal static class Paging
{
    /// <summary>Reads one page of a list (from <paramref name="cursor"/>, or the first) and projects its items.</summary>
    public static async Task<ListResult<TOut>> FirstPageAsync<TIn, TOut>(
        AsyncPageable<TIn> pageable, string? cursor, int limit, Func<TIn, TOut> project, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pageable);
        ArgumentNullException.ThrowIfNull(project);
        var pages = pageable.AsPages(string.IsNullOrEmpty(cursor) ? null : cursor, limit).GetAsyncEnumerator(cancellationToken);
        await using (pages.ConfigureAwait(false))
        {
            if (!await pages.MoveNextAsync().ConfigureAwait(false))
            {
                return new ListResult<TOut>([], 0, null);
            }

            var page = pages.Current;
            return new ListResult<TOut>(page.Values.Select(project).ToList(), page.TotalCount, page.ContinuationToken);
        }
    }
}
