namespace Botcadence.Sdk.Tests;

/// <summary>Resource clients are built on first use: each property still returns one instance, from any thread.</summary>
public sealed class LazyClientTests
{
    [Test]
    public async Task Every_resource_property_returns_the_same_instance_from_racing_threads()
    {
        using var client = ServerFixture.ClientFor("sk_test_lazy");
        using var start = new ManualResetEventSlim();
        var racers = Enumerable.Range(0, 16).Select(_ => Task.Factory.StartNew(() =>
        {
            start.Wait();
            return new object[]
            {
                client.Workflows, client.Executions, client.Templates, client.Runs, client.Forms, client.Files, client.Webhooks,
                client.Credentials, client.Integrations, client.DataSources, client.Users, client.Agents, client.Analytics, client.ApiKeys,
            };
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();
        start.Set();
        var rows = (await Task.WhenAll(racers)).ToList();
        Assert.That(rows, Has.Count.EqualTo(16));
        for (var i = 0; i < 14; i++)
        {
            Assert.That(rows.Select(r => r[i]).Distinct(ReferenceEqualityComparer.Instance).Count(), Is.EqualTo(1), $"property #{i}");
        }

        Assert.That(rows[0].Distinct(ReferenceEqualityComparer.Instance).Count(), Is.EqualTo(14), "14 distinct clients");
        Assert.That(client.Workflows, Is.SameAs(rows[0][0]));
    }

    [Test]
    public async Task A_lazily_built_client_works_and_workflows_share_the_executions_client()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var created = await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "lazy", Status = WorkflowStatus.Active });
        var execution = await client.Workflows.ExecuteAsync(created.Id);
        var again = await client.Executions.GetAsync(execution.Id);
        Assert.That(again.Id, Is.EqualTo(execution.Id));
        Assert.That(client.Executions, Is.SameAs(client.Executions));
    }
}
