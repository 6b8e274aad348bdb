namespace Botcadence.Sdk.Tests;

/// <summary>
/// Page-style lists are positions, newest first: items created between two page fetches push items already yielded
/// onto the next page. One enumeration yields each item once anyway (against the real reference server).
/// </summary>
public sealed class PagingDedupeTests
{
    [Test]
    public async Task Items_created_between_page_fetches_are_not_yielded_twice()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var original = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            original.Add((await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "wf " + i })).Id);
        }

        var yielded = new List<string>();
        var created = new List<string>();
        await foreach (var workflow in client.Workflows.ListAsync(new WorkflowListOptions { PageSize = 3 }))
        {
            yielded.Add(workflow.Id);
            if (yielded.Count % 3 == 0)
            {
                // After each full page two new workflows arrive at the front: the next page starts two items earlier.
                created.Add((await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "new" })).Id);
                created.Add((await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "new" })).Id);
            }
        }

        Assert.That(yielded, Is.Unique, "no item twice");
        Assert.That(yielded, Is.EquivalentTo(Enumerable.Reverse(original)), "every item that existed is yielded once; creations only push items back");
        Assert.That(yielded, Is.EqualTo(Enumerable.Reverse(original)), "newest first");
        Assert.That(created, Has.Count.GreaterThanOrEqualTo(4));
    }

    [Test]
    public async Task AsPages_drops_repeats_within_one_enumeration_but_a_resumed_token_is_only_a_position()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        for (var i = 0; i < 4; i++)
        {
            await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "wf " + i });
        }

        var pageable = client.Workflows.ListAsync();
        var pages = new List<Page<Workflow>>();
        await foreach (var page in pageable.AsPages(pageSizeHint: 2))
        {
            pages.Add(page);
            if (pages.Count == 1)
            {
                await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "late" });
            }
        }

        var ids = pages.SelectMany(p => p.Values).Select(w => w.Id).ToList();
        Assert.That(ids, Is.Unique);
        Assert.That(pages[1].Values, Has.Count.EqualTo(1), "the repeated item was dropped from the second page");

        // Resuming from a token in a new enumeration (as another process would) knows nothing of what was seen: the
        // position now holds an item the first page already had. That is what docs/paging.md promises, and no more.
        var resumed = await pageable.AsPages(pages[0].ContinuationToken).ToListAsync();
        Assert.That(resumed.SelectMany(p => p.Values).Select(w => w.Id), Does.Contain(pages[0].Values[1].Id));
    }
}
