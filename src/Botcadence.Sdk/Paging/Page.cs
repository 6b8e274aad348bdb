namespace Botcadence.Sdk;

/// <summary>One page of a list, with the token that resumes after it.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class Page<T>
{
    internal Page(IReadOnlyList<T> values, string? continuationToken, long? totalCount, ResponseInfo response, bool isPositional = false)
    {
        Values = values;
        ContinuationToken = continuationToken;
        TotalCount = totalCount;
        Response = response;
        IsPositional = isPositional;
    }

    /// <summary>The items on this page.</summary>
    public IReadOnlyList<T> Values { get; }

    /// <summary>
    /// Pass to <see cref="AsyncPageable{T}.AsPages"/> to resume with the next page; null on the last page. On a
    /// cursor-style list (<see cref="TotalCount"/> is null) the token is the service's cursor: it resumes exactly after
    /// this page, now or later, even in another process, however many items were created or deleted since. On a
    /// page-style list (<see cref="TotalCount"/> is set) the token is a position (page number and size): resumed later
    /// or in another process it returns whatever is at that position then, so items created since (lists are newest
    /// first) are seen again and items deleted since can make others be skipped. Within one enumeration the SDK drops
    /// items it already yielded.
    /// </summary>
    public string? ContinuationToken { get; }

    /// <summary>The total number of items, for page-style lists; null for cursor-style lists.</summary>
    public long? TotalCount { get; }

    /// <summary>True for a page of a page-style (position-numbered) list, whose next page can shift.</summary>
    internal bool IsPositional { get; }

    /// <summary>The same page with only the given values.</summary>
    internal Page<T> WithValues(IReadOnlyList<T> values) => new(values, ContinuationToken, TotalCount, Response, IsPositional);

    /// <summary>Request id and rate-limit state of the response that carried this page.</summary>
    public ResponseInfo Response { get; }

    /// <summary>
    /// Builds a page, e.g. as what a mocked client's list returns (see <see cref="AsyncPageable{T}.FromPages"/>).
    /// </summary>
    /// <param name="values">The items on the page.</param>
    /// <param name="continuationToken">The token that resumes after this page; null for the last page.</param>
    /// <param name="response">The response details; a 200 with no headers when null (see <see cref="BotCadenceModelFactory.ResponseInfo"/>).</param>
    /// <param name="totalCount">The total number of items (page-style lists), or null.</param>
    /// <returns>The page.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "The factory belongs with the type, as Azure.Page<T>.FromValues.")]
    public static Page<T> FromValues(IEnumerable<T> values, string? continuationToken = null, ResponseInfo? response = null, long? totalCount = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new Page<T>(values.ToList(), continuationToken, totalCount, response ?? BotCadenceModelFactory.ResponseInfo());
    }
}
