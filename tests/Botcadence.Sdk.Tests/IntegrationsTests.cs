namespace Botcadence.Sdk.Tests;

/// <summary>Every Integrations operation through the SDK against the in-process reference server.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class IntegrationsTests
{
    [Test]
    public async Task Seeded_integrations_are_listed_fetched_and_tested()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;

        var all = await client.Integrations.ListAsync().ToListAsync();
        var slack = all.Single(i => i.Provider == "slack");
        var hubspot = all.Single(i => i.Provider == "hubspot");
        var fetched = await client.Integrations.GetAsync(slack.Id);
        var passed = await client.Integrations.TestAsync(slack.Id);
        var failed = await client.Integrations.TestAsync(hubspot.Id);
        var afterTest = await client.Integrations.GetAsync(slack.Id);

        Assert.That(all.Select(i => i.Provider), Is.EquivalentTo(new[] { "slack", "gmail", "hubspot" }));
        Assert.That(fetched.Name, Is.EqualTo("Slack"));
        Assert.That(fetched.Status, Is.EqualTo(IntegrationStatus.Connected));
        Assert.That(fetched.LastTestedAt, Is.Null);
        Assert.That(hubspot.Status, Is.EqualTo(IntegrationStatus.Error));
        Assert.That(passed.Ok, Is.True);
        Assert.That(passed.LatencyMs, Is.Positive);
        Assert.That(passed.Message, Is.Not.Empty);
        Assert.That(failed.Ok, Is.False);
        Assert.That(failed.Message, Does.Contain("HubSpot"));
        Assert.That(afterTest.LastTestedAt, Is.EqualTo(passed.TestedAt));
    }

    [Test]
    public async Task Lists_page_across_three_pages_and_filter_by_status_and_provider()
    {
        var (client, org, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var added = new[]
        {
            ServerFixture.Server.AddIntegration(org.Id, "notion", "Notion"),
            ServerFixture.Server.AddIntegration(org.Id, "stripe", "Stripe", "disconnected"),
            ServerFixture.Server.AddIntegration(org.Id, "zendesk", "Zendesk"),
        };
        var seeded = (await client.Integrations.ListAsync().ToListAsync()).Select(i => i.Id).Skip(3).ToList();

        await PagingAssert.ThreePagesAndResumeAsync(client.Integrations.ListAsync(), i => i.Id, [added[2].Id, added[1].Id, added[0].Id, .. seeded]);

        var connected = await client.Integrations.ListAsync(new IntegrationListOptions { Status = IntegrationStatus.Connected }).ToListAsync();
        var disconnected = await client.Integrations.ListAsync(new IntegrationListOptions { Status = IntegrationStatus.Disconnected }).ToListAsync();
        var stripe = await client.Integrations.ListAsync(new IntegrationListOptions { Provider = "stripe", PageSize = 1 }).ToListAsync();
        Assert.That(connected, Has.Count.EqualTo(4));
        Assert.That(disconnected.Select(i => i.Id), Is.EqualTo(new[] { added[1].Id }));
        Assert.That(stripe.Select(i => i.Name), Is.EqualTo(new[] { "Stripe" }));
        Assert.That((await client.Integrations.TestAsync(added[1].Id)).Ok, Is.False);
    }
}

/// <summary>Integrations operations for the matrix.</summary>
public sealed class IntegrationsMatrix : IOperationMatrix
{
    public async Task<IReadOnlyList<OperationCase>> ArrangeAsync(IBotCadenceClient owner)
    {
        var id = (await owner.Integrations.ListAsync().ToListAsync())[0].Id;
        return
        [
            new("Integrations.List", "integrations:read", false, true, c => OperationMatrixTests.FirstPageAsync(c.Integrations.ListAsync())),
            new("Integrations.Get", "integrations:read", true, true, c => c.Integrations.GetAsync(id)),
            new("Integrations.Test", "integrations:write", true, false, c => c.Integrations.TestAsync(id)),
        ];
    }
}
