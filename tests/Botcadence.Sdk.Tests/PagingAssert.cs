namespace Botcadence.Sdk.Tests;

/// <summary>Paging checks shared by the resource tests.</summary>
public static class PagingAssert
{
    /// <summary>
    /// Pages through <paramref name="pageable"/> two items at a time: at least three pages, every item once, the expected
    /// ids in order; then resumes from the first page's continuation token and gets the same rest.
    /// </summary>
    public static async Task ThreePagesAndResumeAsync<T>(AsyncPageable<T> pageable, Func<T, string> id, IReadOnlyList<string> expectedIds)
    {
        var pages = await pageable.AsPages(pageSizeHint: 2).ToListAsync();
        Assert.That(pages, Has.Count.GreaterThanOrEqualTo(3));
        Assert.That(pages.Take(pages.Count - 1).All(p => p.Values.Count == 2 && p.ContinuationToken is not null), Is.True);
        Assert.That(pages[^1].ContinuationToken, Is.Null);
        Assert.That(pages.SelectMany(p => p.Values).Select(id), Is.EqualTo(expectedIds));

        var resumed = await pageable.AsPages(pages[0].ContinuationToken).ToListAsync();
        Assert.That(resumed.SelectMany(p => p.Values).Select(id), Is.EqualTo(expectedIds.Skip(2)));

        var all = await pageable.ToListAsync();
        Assert.That(all.Select(id), Is.EqualTo(expectedIds));
    }
}
