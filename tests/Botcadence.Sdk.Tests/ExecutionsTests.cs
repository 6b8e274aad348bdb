namespace Botcadence.Sdk.Tests;

/// <summary>Every Executions operation through the SDK against the in-process reference server.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ExecutionsTests
{
    private static readonly ExecutionWaitOptions FastPoll = new() { InitialPollInterval = TimeSpan.FromMilliseconds(10) };

    private static async Task<(BotCadenceClient Client, Workflow Ok, Workflow Failing, string Key)> SeedAsync(int okRuns, int failedRuns)
    {
        var (client, _, key) = ServerFixture.NewTenant();
        var ok = await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "ok", Status = WorkflowStatus.Active, Actions = [new WorkflowActionOptions { Type = "log" }] });
        var failing = await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "bad", Status = WorkflowStatus.Active, Actions = [new WorkflowActionOptions { Type = "fail" }] });
        var started = new List<Execution>();
        for (var i = 0; i < okRuns; i++)
        {
            started.Add(await client.Workflows.ExecuteAsync(ok.Id, new { n = i }));
        }

        for (var i = 0; i < failedRuns; i++)
        {
            started.Add(await client.Workflows.ExecuteAsync(failing.Id));
        }

        foreach (var execution in started)
        {
            await client.Executions.WaitForCompletionAsync(execution.Id, FastPoll);
        }

        return (client, ok, failing, key.Key);
    }

    [Test]
    public async Task Lists_all_executions_by_cursor_across_pages()
    {
        var (client, ok, failing, _) = await SeedAsync(5, 2);
        using var clientScope = client;

        var pages = await client.Executions.ListAsync().AsPages(pageSizeHint: 3).ToListAsync();
        var failed = await client.Executions.ListAsync(new ExecutionListOptions { Status = ExecutionStatus.Failed }).ToListAsync();
        var okOnly = await client.Executions.ListAsync(new ExecutionListOptions { WorkflowId = ok.Id, PageSize = 2 }).ToListAsync();

        Assert.That(pages.Select(p => p.Values.Count), Is.EqualTo(new[] { 3, 3, 1 }));
        Assert.That(pages.SelectMany(p => p.Values).Select(e => e.Id).Distinct().Count(), Is.EqualTo(7));
        Assert.That(pages[0].TotalCount, Is.Null, "cursor lists have no total");
        Assert.That(pages[^1].ContinuationToken, Is.Null);
        Assert.That(failed.Select(e => e.WorkflowId), Is.All.EqualTo(failing.Id));
        Assert.That(failed, Has.Count.EqualTo(2));
        Assert.That(okOnly, Has.Count.EqualTo(5));
    }

    [Test]
    public async Task A_cursor_resumes_in_another_client_and_stays_stable_while_executions_are_added()
    {
        var (client, ok, _, key) = await SeedAsync(4, 0);
        using var clientScope = client;

        string? token;
        var firstPage = new List<string>();
        await using (var pages = client.Executions.ListAsync().AsPages(pageSizeHint: 2).GetAsyncEnumerator())
        {
            await pages.MoveNextAsync();
            token = pages.Current.ContinuationToken;
            firstPage.AddRange(pages.Current.Values.Select(e => e.Id));
        }

        await client.Workflows.ExecuteAsync(ok.Id);
        using var other = ServerFixture.ClientFor(key);
        var rest = (await other.Executions.ListAsync().AsPages(token).ToListAsync()).SelectMany(p => p.Values).Select(e => e.Id).ToList();

        Assert.That(rest, Has.Count.EqualTo(2));
        Assert.That(rest.Intersect(firstPage), Is.Empty);
    }

    [Test]
    public async Task Lists_one_workflows_executions_by_page_with_filters()
    {
        var (client, ok, failing, _) = await SeedAsync(7, 1);
        using var clientScope = client;

        var pages = await client.Executions.ListForWorkflowAsync(ok.Id).AsPages(pageSizeHint: 3).ToListAsync();
        var completed = await client.Executions.ListForWorkflowAsync(ok.Id, new WorkflowExecutionListOptions { Status = ExecutionStatus.Completed }).ToListAsync();
        var failedOfOk = await client.Executions.ListForWorkflowAsync(ok.Id, new WorkflowExecutionListOptions { Status = ExecutionStatus.Failed }).ToListAsync();
        var future = await client.Executions.ListForWorkflowAsync(ok.Id, new WorkflowExecutionListOptions { From = DateTimeOffset.UtcNow.AddMinutes(5) }).ToListAsync();
        var past = await client.Executions.ListForWorkflowAsync(ok.Id, new WorkflowExecutionListOptions { To = DateTimeOffset.UtcNow.AddMinutes(-5) }).ToListAsync();
        var window = await client.Executions.ListForWorkflowAsync(ok.Id, new WorkflowExecutionListOptions
        {
            From = DateTimeOffset.UtcNow.AddMinutes(-5), To = DateTimeOffset.UtcNow.AddMinutes(5),
        }).ToListAsync();

        Assert.That(pages.Select(p => p.Values.Count), Is.EqualTo(new[] { 3, 3, 1 }));
        Assert.That(pages[0].TotalCount, Is.EqualTo(7));
        Assert.That(completed, Has.Count.EqualTo(7));
        Assert.That(failedOfOk, Is.Empty);
        Assert.That(future, Is.Empty);
        Assert.That(past, Is.Empty);
        Assert.That(window, Has.Count.EqualTo(7));
        Assert.That(window.Select(e => e.WorkflowId), Is.All.EqualTo(ok.Id));
        Assert.That(window.Select(e => e.CreatedAt), Is.Ordered.Descending);
        Assert.That(failing.Id, Is.Not.EqualTo(ok.Id));
    }

    [Test]
    public async Task Gets_an_execution_directly_and_through_its_workflow()
    {
        var (client, ok, failing, _) = await SeedAsync(1, 0);
        using var clientScope = client;
        var id = (await client.Executions.ListAsync().ToListAsync()).Single().Id;

        var direct = await client.Executions.GetAsync(id);
        var nested = await client.Executions.GetForWorkflowAsync(ok.Id, id);

        Assert.That(nested.Id, Is.EqualTo(direct.Id));
        Assert.That(nested.Steps.Single().Type, Is.EqualTo("log"));
        await Assert.ThrowsAsync<BotCadenceNotFoundException>(() => client.Executions.GetForWorkflowAsync(failing.Id, id));
        await Assert.ThrowsAsync<BotCadenceNotFoundException>(() => client.Executions.GetAsync("exec_does_not_exist"));
    }

    [Test]
    public async Task Executions_survive_their_workflow()
    {
        var (client, ok, _, _) = await SeedAsync(1, 0);
        using var clientScope = client;
        var id = (await client.Executions.ListAsync().ToListAsync()).Single().Id;

        await client.Workflows.DeleteAsync(ok.Id);

        Assert.That((await client.Executions.GetAsync(id)).WorkflowId, Is.EqualTo(ok.Id));
    }

    [Test]
    public async Task Waiting_is_cancellable()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await Assert.CatchAsync<OperationCanceledException>(() => client.Executions.WaitForCompletionAsync("exec_x", cancellationToken: cts.Token));
    }
}
