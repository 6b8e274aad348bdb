using System.Text.Json.Nodes;
using Botcadence.ReferenceServer;
using Microsoft.Extensions.Time.Testing;

namespace Botcadence.Sdk.Tests;

[TestFixture]
public sealed class RunsTests
{
    internal static async Task<Template> PublishedAsync(IBotCadenceClient client, string name = "Vendor Onboarding")
    {
        var template = await client.Templates.CreateAsync(TemplatesTests.Onboarding(name));
        return await client.Templates.PublishAsync(template.Id);
    }

    [Test]
    public async Task Launching_a_draft_is_409_and_a_published_template_launches_with_its_tasks()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var draft = await client.Templates.CreateAsync(TemplatesTests.Onboarding());
        var conflict = await Assert.ThrowsAsync<BotCadenceConflictException>(() => client.Runs.LaunchAsync(new RunLaunchOptions { TemplateId = draft.Id }));
        Assert.That(conflict!.Code, Is.EqualTo(ErrorCode.Conflict));
        await Assert.ThrowsAsync<BotCadenceNotFoundException>(() => client.Runs.LaunchAsync(new RunLaunchOptions { TemplateId = "tmpl_missing" }));

        var template = await client.Templates.PublishAsync(draft.Id);
        var due = new DateTimeOffset(2031, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var run = await client.Runs.LaunchAsync(new RunLaunchOptions
        {
            TemplateId = template.Id,
            Name = "Vendor Onboarding — ACME Corp",
            AssigneeId = "usr_ghi789",
            DueDate = due,
            FormData = new JsonObject { ["decision"] = "approve" }.ToElement(),
        });

        Assert.That(run.Id, Does.StartWith("run_"));
        Assert.That(run.Status, Is.EqualTo(RunStatus.InProgress));
        Assert.That(run.Name, Is.EqualTo("Vendor Onboarding — ACME Corp"));
        Assert.That(run.TemplateId, Is.EqualTo(template.Id));
        Assert.That(run.AssigneeId, Is.EqualTo("usr_ghi789"));
        Assert.That(run.DueDate, Is.EqualTo(due));
        Assert.That(run.CompletedAt, Is.Null);
        Assert.That(run.Tasks, Has.Count.EqualTo(3));
        Assert.That(run.Tasks.Select(t => t.TemplateTaskId), Is.EqualTo(template.Tasks.Select(t => t.Id)));
        Assert.That(run.Tasks.Select(t => t.Required), Is.EqualTo(new[] { true, true, false }));
        Assert.That(run.Tasks.All(t => t.Status == RunTaskStatus.Pending && t.Id.StartsWith("task_", StringComparison.Ordinal) && t.RunId == run.Id), Is.True);
        Assert.That(run.Tasks[0].DueDate, Is.EqualTo(run.CreatedAt.AddHours(24)));
        Assert.That(run.Tasks[1].DueDate, Is.Null);
        Assert.That(run.Tasks[1].Fields.Select(f => f.Name), Is.EqualTo(new[] { "decision", "notes" }));
        Assert.That(run.Tasks[1].Value!.Value.GetProperty("decision").GetString(), Is.EqualTo("approve"), "form_data pre-populates the task's fields");

        var fetched = await client.Runs.GetAsync(run.Id);
        Assert.That(fetched.Tasks.Select(t => t.Id), Is.EqualTo(run.Tasks.Select(t => t.Id)));

        var defaulted = await client.Runs.LaunchAsync(new RunLaunchOptions { TemplateId = template.Id });
        Assert.That(defaulted.Name, Is.EqualTo(template.Name));
        Assert.That(defaulted.DueDate, Is.EqualTo(defaulted.CreatedAt.AddHours(72)), "the template's due_in_hours");
    }

    [Test]
    public async Task Completing_the_required_tasks_completes_the_run_and_then_it_is_frozen()
    {
        var (client, _, key) = ServerFixture.NewTenant();
        using var clientScope = client;
        var template = await PublishedAsync(client);
        var run = await client.Runs.LaunchAsync(new RunLaunchOptions { TemplateId = template.Id });
        var (collect, review, welcome) = (run.Tasks[0].Id, run.Tasks[1].Id, run.Tasks[2].Id);

        var skipRequired = await Assert.ThrowsAsync<BotCadenceValidationException>(() => client.Runs.SkipTaskAsync(run.Id, collect));
        Assert.That(skipRequired!.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.UnprocessableEntity));
        Assert.That(skipRequired.Field, Is.EqualTo("status"));

        var skipped = await client.Runs.SkipTaskAsync(run.Id, welcome);
        Assert.That(skipped.Status, Is.EqualTo(RunTaskStatus.Skipped));

        var reassigned = await client.Runs.UpdateTaskAsync(run.Id, collect, new RunTaskUpdateOptions { AssigneeId = "usr_2", DueDate = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero) });
        Assert.That(reassigned.AssigneeId, Is.EqualTo("usr_2"));
        Assert.That(reassigned.DueDate, Is.EqualTo(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.That(reassigned.Status, Is.EqualTo(RunTaskStatus.Pending));

        var first = await client.Runs.CompleteTaskAsync(run.Id, collect, "Approved by legal review on 2026-04-10");
        Assert.That(first.Status, Is.EqualTo(RunTaskStatus.Completed));
        Assert.That(first.RunId, Is.EqualTo(run.Id));
        Assert.That(first.Value!.Value.GetString(), Is.EqualTo("Approved by legal review on 2026-04-10"));
        Assert.That(first.CompletedAt, Is.Not.Null);
        Assert.That(first.CompletedBy, Is.EqualTo(key.Id));
        Assert.That((await client.Runs.GetAsync(run.Id)).Status, Is.EqualTo(RunStatus.InProgress));

        var badValue = await Assert.ThrowsAsync<BotCadenceValidationException>(() => client.Runs.CompleteTaskAsync(run.Id, review, new JsonObject { ["decision"] = "maybe" }.ToElement()));
        Assert.That(badValue!.Field, Is.EqualTo("value.decision"));
        var missing = await Assert.ThrowsAsync<BotCadenceValidationException>(() => client.Runs.CompleteTaskAsync(run.Id, review, new JsonObject { ["notes"] = "n" }.ToElement()));
        Assert.That(missing!.Field, Is.EqualTo("value.decision"));

        var last = await client.Runs.CompleteTaskAsync(run.Id, review, new JsonObject { ["decision"] = "approve", ["notes"] = "fine" }.ToElement());
        Assert.That(last.Value!.Value.GetProperty("decision").GetString(), Is.EqualTo("approve"));

        var completed = await client.Runs.GetAsync(run.Id);
        Assert.That(completed.Status, Is.EqualTo(RunStatus.Completed));
        Assert.That(completed.CompletedAt, Is.EqualTo(last.CompletedAt));

        var frozen = await Assert.ThrowsAsync<BotCadenceConflictException>(() => client.Runs.UpdateTaskAsync(run.Id, welcome, new RunTaskUpdateOptions { AssigneeId = "usr_3" }));
        Assert.That(frozen!.Code, Is.EqualTo(ErrorCode.Conflict));
        await Assert.ThrowsAsync<BotCadenceNotFoundException>(() => client.Runs.CompleteTaskAsync(run.Id, "task_missing"));
    }

    [Test]
    public async Task Runs_page_by_cursor_across_three_pages_and_filter()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var a = await PublishedAsync(client, "A");
        var b = await PublishedAsync(client, "B");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await client.Runs.LaunchAsync(new RunLaunchOptions { TemplateId = i < 3 ? a.Id : b.Id, AssigneeId = i % 2 == 0 ? "usr_even" : "usr_odd" })).Id);
        }

        var done = await client.Runs.LaunchAsync(new RunLaunchOptions { TemplateId = b.Id, AssigneeId = "usr_odd" });
        await client.Runs.CompleteTaskAsync(done.Id, done.Tasks[0].Id);
        await client.Runs.CompleteTaskAsync(done.Id, done.Tasks[1].Id, new JsonObject { ["decision"] = "reject" }.ToElement());
        ids.Add(done.Id);

        var pages = await client.Runs.ListAsync().AsPages(pageSizeHint: 2).ToListAsync();
        Assert.That(pages.Select(p => p.Values.Count), Is.EqualTo(new[] { 2, 2, 2 }));
        Assert.That(pages.SelectMany(p => p.Values).Select(r => r.Id), Is.EqualTo(Enumerable.Reverse(ids)));
        Assert.That(pages[^1].ContinuationToken, Is.Null);

        string? token;
        await using (var enumerator = client.Runs.ListAsync(new RunListOptions { PageSize = 2 }).AsPages().GetAsyncEnumerator())
        {
            await enumerator.MoveNextAsync();
            token = enumerator.Current.ContinuationToken;
        }

        var rest = await client.Runs.ListAsync(new RunListOptions { PageSize = 2 }).AsPages(token).ToListAsync();
        Assert.That(rest.SelectMany(p => p.Values).Select(r => r.Id), Is.EqualTo(Enumerable.Reverse(ids).Skip(2)));

        Assert.That((await client.Runs.ListAsync(new RunListOptions { TemplateId = a.Id }).ToListAsync()).Select(r => r.Id), Is.EqualTo(ids.Take(3).Reverse()));
        Assert.That((await client.Runs.ListAsync(new RunListOptions { AssigneeId = "usr_even" }).ToListAsync()).Select(r => r.Id), Is.EqualTo(new[] { ids[4], ids[2], ids[0] }));
        Assert.That((await client.Runs.ListAsync(new RunListOptions { Status = RunStatus.Completed }).ToListAsync()).Select(r => r.Id), Is.EqualTo(new[] { done.Id }));
        Assert.That((await client.Runs.ListAsync(new RunListOptions { Status = RunStatus.InProgress }).ToListAsync()), Has.Count.EqualTo(5));
        Assert.That((await client.Runs.ListAsync(new RunListOptions { Status = RunStatus.Cancelled }).ToListAsync()), Is.Empty);
        Assert.That((await client.Runs.ListAsync(new RunListOptions { Status = RunStatus.Overdue }).ToListAsync()), Is.Empty);
        Assert.That((await client.Runs.ListAsync(new RunListOptions { Status = RunStatus.InProgress, TemplateId = b.Id, AssigneeId = "usr_odd" }).ToListAsync()).Select(r => r.Id), Is.EqualTo(new[] { ids[3] }));
    }

    [Test]
    public async Task A_run_past_its_due_date_reads_OVERDUE_on_a_fake_clock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 4, 10, 14, 22, 0, TimeSpan.Zero));
        await using var server = await ReferenceServer.ReferenceServer.StartAsync(new ReferenceServerOptions { TimeProvider = time });
        using var client = new BotCadenceClient(new BotCadenceClientOptions { ApiKey = server.ApiKey, BaseAddress = server.BaseAddress });
        var template = await PublishedAsync(client);
        var run = await client.Runs.LaunchAsync(new RunLaunchOptions { TemplateId = template.Id, DueDate = time.GetUtcNow().AddHours(1) });
        Assert.That(run.Status, Is.EqualTo(RunStatus.InProgress));
        Assert.That(run.Tasks[0].DueDate, Is.EqualTo(time.GetUtcNow().AddHours(24)), "per-task due dates come from the server clock");

        time.Advance(TimeSpan.FromMinutes(59));
        Assert.That((await client.Runs.GetAsync(run.Id)).Status, Is.EqualTo(RunStatus.InProgress));

        time.Advance(TimeSpan.FromMinutes(2));
        Assert.That((await client.Runs.GetAsync(run.Id)).Status, Is.EqualTo(RunStatus.Overdue));
        Assert.That((await client.Runs.ListAsync(new RunListOptions { Status = RunStatus.Overdue }).ToListAsync()).Select(r => r.Id), Is.EqualTo(new[] { run.Id }));
        Assert.That(await client.Runs.ListAsync(new RunListOptions { Status = RunStatus.InProgress }).ToListAsync(), Is.Empty);

        // An overdue run can still be worked on, and completing it ends the overdue state.
        await client.Runs.CompleteTaskAsync(run.Id, run.Tasks[0].Id);
        await client.Runs.CompleteTaskAsync(run.Id, run.Tasks[1].Id, new JsonObject { ["decision"] = "approve" }.ToElement());
        var completed = await client.Runs.GetAsync(run.Id);
        Assert.That(completed.Status, Is.EqualTo(RunStatus.Completed));
        Assert.That(completed.CompletedAt, Is.EqualTo(time.GetUtcNow()));
    }
}

/// <summary>Runs operations for the matrix.</summary>
public sealed class RunsMatrix : IOperationMatrix
{
    public async Task<IReadOnlyList<OperationCase>> ArrangeAsync(IBotCadenceClient owner)
    {
        var template = await RunsTests.PublishedAsync(owner, "runs matrix");
        var run = await owner.Runs.LaunchAsync(new RunLaunchOptions { TemplateId = template.Id });
        var (runId, taskId, optional) = (run.Id, run.Tasks[0].Id, run.Tasks[2].Id);
        return
        [
            new("Runs.List", "runs:read", false, true, c => OperationMatrixTests.FirstPageAsync(c.Runs.ListAsync())),
            new("Runs.Launch", "runs:execute", true, false, c => c.Runs.LaunchAsync(new RunLaunchOptions { TemplateId = template.Id })),
            new("Runs.Get", "runs:read", true, true, c => c.Runs.GetAsync(runId)),
            new("Runs.UpdateTask", "runs:write", true, false, c => c.Runs.UpdateTaskAsync(runId, taskId, new RunTaskUpdateOptions { AssigneeId = "usr_1" })),
            new("Runs.CompleteTask", "runs:write", true, false, c => c.Runs.CompleteTaskAsync(runId, taskId)),
            new("Runs.SkipTask", "runs:write", true, false, c => c.Runs.SkipTaskAsync(runId, optional)),
        ];
    }
}
