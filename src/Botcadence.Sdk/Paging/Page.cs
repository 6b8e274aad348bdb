namespace Botcadence.Sdk;

/// <summary>One page of a list, with the token that resumes after it.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class Page<T>
{
    internal Page(IReadOnlyList<T> values, string? continuationToken, long? totalCount, ResponseInfo response)
    {
        Values = values;
        ContinuationToken = continuationToken;
        TotalCount = totalCount;
        Response = response;
    }

    /// <summary>The items on this page.</summary>
    public IReadOnlyList<T> Values { get; }

    /// <summary>
    /// Pass to <see cref="AsyncPageable{T}.AsPages"/> to resume with the next page, now or later, even in another
    /// process; null on the last page.
    /// </summary>
    public string? ContinuationToken { get; }

    /// <summary>The total number of items, for page-style lists; null for cursor-style lists.</summary>
    public long? TotalCount { get; }

    /// <summary>Request id and rate-limit state of the response that carried this page.</summary>
    public ResponseInfo Response { get; }
}
