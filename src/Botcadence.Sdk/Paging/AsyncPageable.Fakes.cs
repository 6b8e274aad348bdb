using System.Globalization;
using System.Runtime.CompilerServices;

namespace Botcadence.Sdk;

/// <summary>Builds lists for mocked clients: the same enumeration, paging and continuation tokens as a real list, from memory.</summary>
public static class AsyncPageable
{
    /// <summary>
    /// A list made of the given pages, in order. <see cref="AsyncPageable{T}.AsPages"/> resumes after the page whose
    /// <see cref="Page{T}.ContinuationToken"/> it is given; enumeration stops after the first page without one.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="pages">The pages (see <see cref="Page{T}.FromValues"/>).</param>
    /// <returns>The list.</returns>
    public static AsyncPageable<T> FromPages<T>(IEnumerable<Page<T>> pages) => AsyncPageable<T>.FromPages(pages);

    /// <summary>A list of the given items split into pages of <paramref name="pageSize"/>, with tokens of the given style.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="values">The items.</param>
    /// <param name="pageSize">Items per page unless <see cref="AsyncPageable{T}.AsPages"/> is given a size hint (1–100).</param>
    /// <param name="style">Page-style tokens (<c>"2:10"</c>) and a total count, or opaque cursors.</param>
    /// <returns>The list.</returns>
    public static AsyncPageable<T> FromValues<T>(IEnumerable<T> values, int pageSize = 10, PagingStyle style = PagingStyle.Page) =>
        AsyncPageable<T>.FromValues(values, pageSize, style);
}

// Test doubles: lists built from memory for mocked clients.
public abstract partial class AsyncPageable<T>
{
    /// <summary>
    /// A list made of the given pages, in order. <see cref="AsPages"/> resumes after the page whose
    /// <see cref="Page{T}.ContinuationToken"/> it is given; enumeration stops after the first page without one.
    /// </summary>
    /// <param name="pages">The pages (see <see cref="Page{T}.FromValues"/>).</param>
    /// <returns>The list.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "The factory belongs with the type, as Azure.Page<T>.FromValues; the non-generic AsyncPageable class offers type inference.")]
    public static AsyncPageable<T> FromPages(IEnumerable<Page<T>> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        return new FixedPages(pages.ToList());
    }

    /// <summary>A list of the given items split into pages of <paramref name="pageSize"/>, with tokens of the given style.</summary>
    /// <param name="values">The items.</param>
    /// <param name="pageSize">Items per page unless <see cref="AsPages"/> is given a size hint (1–100).</param>
    /// <param name="style">Page-style tokens (<c>"2:10"</c>) and a total count, or opaque cursors.</param>
    /// <returns>The list.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "The factory belongs with the type, as Azure.Page<T>.FromValues; the non-generic AsyncPageable class offers type inference.")]
    public static AsyncPageable<T> FromValues(IEnumerable<T> values, int pageSize = 10, PagingStyle style = PagingStyle.Page)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 100);
        return new InMemoryList(values.ToList(), pageSize, style);
    }

    private sealed class FixedPages(IReadOnlyList<Page<T>> pages) : AsyncPageable<T>(default)
    {
        public override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
        {
            var start = 0;
            if (continuationToken is not null)
            {
                start = -1;
                for (var i = 0; i < pages.Count; i++)
                {
                    if (pages[i].ContinuationToken == continuationToken)
                    {
                        start = i + 1;
                        break;
                    }
                }

                if (start < 0 || start >= pages.Count)
                {
                    throw new ArgumentException($"'{continuationToken}' is not a continuation token of this list.", nameof(continuationToken));
                }
            }

            return Enumerate(start, default);
        }

        private async IAsyncEnumerable<Page<T>> Enumerate(int start, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (var i = start; i < pages.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
                yield return pages[i];
                if (pages[i].ContinuationToken is null)
                {
                    yield break;
                }
            }
        }
    }

    private sealed class InMemoryList(IReadOnlyList<T> values, int pageSize, PagingStyle style) : AsyncPageable<T>(default)
    {
        private const string CursorPrefix = "cur_";

        public override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
        {
            if (pageSizeHint is < 1 or > 100)
            {
                throw new ArgumentOutOfRangeException(nameof(pageSizeHint), pageSizeHint, "The page size must be between 1 and 100.");
            }

            int offset, size;
            if (continuationToken is null)
            {
                (offset, size) = (0, pageSizeHint ?? pageSize);
            }
            else if (style == PagingStyle.Page)
            {
                var (page, perPage) = PageTokens.ParsePageToken(continuationToken, pageSizeHint);
                size = perPage ?? pageSize;
                offset = (page - 1) * size;
            }
            else
            {
                (offset, size) = ParseCursor(continuationToken);
            }

            return Enumerate(offset, size, default);
        }

        private async IAsyncEnumerable<Page<T>> Enumerate(int offset, int size, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
                var items = values.Skip(offset).Take(size).ToList();
                var next = offset + size;
                var hasMore = items.Count > 0 && next < values.Count;
                var token = !hasMore ? null
                    : style == PagingStyle.Page ? string.Create(CultureInfo.InvariantCulture, $"{(next / size) + 1}:{size}")
                    : string.Create(CultureInfo.InvariantCulture, $"{CursorPrefix}{next}_{size}");
                yield return new Page<T>(items, token, style == PagingStyle.Page ? values.Count : null, BotCadenceModelFactory.ResponseInfo());
                if (token is null)
                {
                    yield break;
                }

                offset = next;
            }
        }

        private static (int Offset, int Size) ParseCursor(string continuationToken)
        {
            var parts = continuationToken.StartsWith(CursorPrefix, StringComparison.Ordinal) ? continuationToken[CursorPrefix.Length..].Split('_') : [];
            if (parts.Length == 2 &&
                int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var offset) &&
                int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= 100)
            {
                return (offset, size);
            }

            throw new ArgumentException($"'{continuationToken}' is not a continuation token of this list.", nameof(continuationToken));
        }
    }
}
