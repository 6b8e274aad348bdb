using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Botcadence.Sdk.Tests;

[JsonSerializable(typeof(SignupInput))]
internal sealed partial class TestJsonContext : JsonSerializerContext;

internal sealed record SignupInput(string Email, string Plan);

/// <summary>Every Workflows operation through the SDK against the in-process reference server.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class WorkflowsTests
{
    private static WorkflowCreateOptions Welcome(string name = "Welcome Email") => new()
    {
        Name = name,
        Description = "Greets new users",
        Channel = "email",
        Trigger = new WorkflowTriggerOptions { Type = "webhook", Event = "user.created" },
        Actions =
        [
            new WorkflowActionOptions { Type = "send_email", Config = new JsonObject { ["to"] = "{{user.email}}", ["subject"] = "Welcome!" }.ToElement() },
            new WorkflowActionOptions { Type = "log" },
        ],
    };

    [Test]
    public async Task Create_then_get_round_trips_every_field()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;

        var created = await client.Workflows.CreateAsync(Welcome());
        var fetched = await client.Workflows.GetAsync(created.Id);

        Assert.That(created.Status, Is.EqualTo(WorkflowStatus.Draft));
        Assert.That(fetched.Name, Is.EqualTo("Welcome Email"));
        Assert.That(fetched.Description, Is.EqualTo("Greets new users"));
        Assert.That(fetched.Channel, Is.EqualTo("email"));
        Assert.That(fetched.Trigger!.Event, Is.EqualTo("user.created"));
        Assert.That(fetched.Actions.Select(a => a.Type), Is.EqualTo(new[] { "send_email", "log" }));
        Assert.That(fetched.Actions.All(a => !string.IsNullOrEmpty(a.Id)), Is.True, "the server assigns action ids");
        Assert.That(fetched.Actions[0].Config!.Value.GetProperty("to").GetString(), Is.EqualTo("{{user.email}}"));
        Assert.That(fetched.CreatedAt, Is.EqualTo(created.CreatedAt));
        Assert.That(fetched.CreatedAt.Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(fetched.ExecutionCount, Is.Zero);
        Assert.That(fetched.SuccessRate, Is.Null);
    }

    [Test]
    public async Task Update_changes_only_the_given_fields()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var created = await client.Workflows.CreateAsync(Welcome());

        var updated = await client.Workflows.UpdateAsync(created.Id, new WorkflowUpdateOptions { Name = "Renamed" });

        Assert.That(updated.Name, Is.EqualTo("Renamed"));
        Assert.That(updated.Description, Is.EqualTo("Greets new users"));
        Assert.That(updated.Actions, Has.Count.EqualTo(2));
        Assert.That(updated.UpdatedAt, Is.GreaterThanOrEqualTo(created.UpdatedAt!.Value));
    }

    [Test]
    public async Task Replace_resets_omitted_fields_and_keeps_status()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var created = await client.Workflows.CreateAsync(Welcome());
        await client.Workflows.ActivateAsync(created.Id);

        var replaced = await client.Workflows.ReplaceAsync(created.Id, new WorkflowCreateOptions { Name = "Only a name" });

        Assert.That(replaced.Name, Is.EqualTo("Only a name"));
        Assert.That(replaced.Description, Is.Null);
        Assert.That(replaced.Channel, Is.Null);
        Assert.That(replaced.Trigger, Is.Null);
        Assert.That(replaced.Actions, Is.Empty);
        Assert.That(replaced.Status, Is.EqualTo(WorkflowStatus.Active));
    }

    [Test]
    public async Task Delete_removes_the_workflow()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var created = await client.Workflows.CreateAsync(Welcome());

        await client.Workflows.DeleteAsync(created.Id);

        await Assert.ThrowsAsync<BotCadenceNotFoundException>(() => client.Workflows.GetAsync(created.Id));
        await Assert.ThrowsAsync<BotCadenceNotFoundException>(() => client.Workflows.DeleteAsync(created.Id));
    }

    [Test]
    public async Task Activate_and_deactivate_move_status_and_stamp_times()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var created = await client.Workflows.CreateAsync(Welcome());

        var active = await client.Workflows.ActivateAsync(created.Id);
        var inactive = await client.Workflows.DeactivateAsync(created.Id);

        Assert.That(active.Status, Is.EqualTo(WorkflowStatus.Active));
        Assert.That(active.ActivatedAt, Is.Not.Null);
        Assert.That(inactive.Status, Is.EqualTo(WorkflowStatus.Inactive));
        Assert.That(inactive.DeactivatedAt, Is.GreaterThanOrEqualTo(active.ActivatedAt!.Value));
    }

    [Test]
    public async Task Execute_with_an_anonymous_input_runs_every_step()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var workflow = await client.Workflows.CreateAsync(Welcome());
        await client.Workflows.ActivateAsync(workflow.Id);

        var started = await client.Workflows.ExecuteAsync(workflow.Id, new { user = new { email = "a@b.c" } });
        var done = await client.Executions.WaitForCompletionAsync(started.Id, new ExecutionWaitOptions { InitialPollInterval = TimeSpan.FromMilliseconds(10) });

        Assert.That(started.Status, Is.AnyOf(ExecutionStatus.Pending, ExecutionStatus.Running));
        Assert.That(started.WorkflowId, Is.EqualTo(workflow.Id));
        Assert.That(done.Status, Is.EqualTo(ExecutionStatus.Completed));
        Assert.That(done.Steps, Has.Count.EqualTo(2));
        Assert.That(done.Steps.All(s => s.Status == StepStatus.Completed && s.StartedAt is not null && s.CompletedAt >= s.StartedAt), Is.True);
        Assert.That(done.Steps[0].Output!.Value.GetProperty("to").GetString(), Is.EqualTo("a@b.c"), "placeholders are rendered from the input");
        Assert.That(done.Input!.Value.GetProperty("user").GetProperty("email").GetString(), Is.EqualTo("a@b.c"));
        Assert.That(done.CompletedAt, Is.GreaterThanOrEqualTo(done.StartedAt!.Value));
        Assert.That(done.DurationMs, Is.Not.Null);
        Assert.That(done.Logs, Is.Not.Empty);
    }

    [Test]
    public async Task Execute_with_typed_and_json_inputs_and_without_input()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var workflow = await client.Workflows.CreateAsync(Welcome());
        await client.Workflows.ActivateAsync(workflow.Id);

        var typed = await client.Workflows.ExecuteAsync(workflow.Id, new SignupInput("t@b.c", "pro"), TestJsonContext.Default.SignupInput);
        var element = await client.Workflows.ExecuteAsync(workflow.Id, JsonDocument.Parse("""{"k":1}""").RootElement);
        var none = await client.Workflows.ExecuteAsync(workflow.Id);

        Assert.That(typed.Input!.Value.GetProperty("Email").GetString(), Is.EqualTo("t@b.c"));
        Assert.That(element.Input!.Value.GetProperty("k").GetInt32(), Is.EqualTo(1));
        Assert.That(none.Id, Is.Not.EqualTo(typed.Id));
        Assert.Throws<ArgumentException>(() => client.Workflows.ExecuteAsync(workflow.Id, JsonDocument.Parse("[1]").RootElement));
    }

    [Test]
    public async Task A_failing_step_fails_the_execution_and_skips_the_rest()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var workflow = await client.Workflows.CreateAsync(new WorkflowCreateOptions
        {
            Name = "Breaks", Status = WorkflowStatus.Active,
            Actions = [new WorkflowActionOptions { Type = "log" }, new WorkflowActionOptions { Type = "fail" }, new WorkflowActionOptions { Type = "log" }],
        });

        var started = await client.Workflows.ExecuteAsync(workflow.Id);
        var done = await client.Executions.WaitForCompletionAsync(started.Id, new ExecutionWaitOptions { InitialPollInterval = TimeSpan.FromMilliseconds(10) });

        Assert.That(done.Status, Is.EqualTo(ExecutionStatus.Failed));
        Assert.That(done.Steps.Select(s => s.Status), Is.EqualTo(new[] { StepStatus.Completed, StepStatus.Failed, StepStatus.Skipped }));
        Assert.That(done.Error!.StepId, Is.EqualTo(done.Steps[1].Id));
    }

    [Test]
    public async Task Metrics_count_real_executions()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var ok = await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "ok", Status = WorkflowStatus.Active, Actions = [new WorkflowActionOptions { Type = "log" }] });
        var wait = new ExecutionWaitOptions { InitialPollInterval = TimeSpan.FromMilliseconds(10) };
        for (var i = 0; i < 3; i++)
        {
            await client.Executions.WaitForCompletionAsync((await client.Workflows.ExecuteAsync(ok.Id)).Id, wait);
        }

        await client.Workflows.UpdateAsync(ok.Id, new WorkflowUpdateOptions { Actions = [new WorkflowActionOptions { Type = "fail" }] });
        await client.Executions.WaitForCompletionAsync((await client.Workflows.ExecuteAsync(ok.Id)).Id, wait);

        var now = DateTimeOffset.UtcNow;
        var metrics = await client.Workflows.GetMetricsAsync(ok.Id, new WorkflowMetricsOptions
        {
            StartDate = now.AddHours(-2), EndDate = now.AddHours(1), Granularity = MetricsGranularity.Hour,
        });
        var workflow = await client.Workflows.GetAsync(ok.Id);

        Assert.That(metrics.WorkflowId, Is.EqualTo(ok.Id));
        Assert.That(metrics.Granularity, Is.EqualTo(MetricsGranularity.Hour));
        Assert.That(metrics.Metrics.TotalExecutions, Is.EqualTo(4));
        Assert.That(metrics.Metrics.SuccessfulExecutions, Is.EqualTo(3));
        Assert.That(metrics.Metrics.FailedExecutions, Is.EqualTo(1));
        Assert.That(metrics.Metrics.SuccessRate, Is.EqualTo(0.75).Within(0.0001));
        Assert.That(metrics.Timeseries.Sum(b => b.Executions), Is.EqualTo(4));
        Assert.That(metrics.Timeseries, Has.Count.InRange(3, 4));
        Assert.That(workflow.ExecutionCount, Is.EqualTo(4));
        Assert.That(workflow.SuccessRate, Is.EqualTo(0.75).Within(0.0001));
    }

    [Test]
    public async Task Lists_across_pages_with_every_filter()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        for (var i = 0; i < 7; i++)
        {
            await client.Workflows.CreateAsync(new WorkflowCreateOptions
            {
                Name = $"Support bot {i}", Channel = i % 2 == 0 ? "whatsapp" : "email",
                Status = i < 5 ? WorkflowStatus.Active : WorkflowStatus.Draft,
            });
        }

        await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "Billing", Description = "invoices", Status = WorkflowStatus.Active });

        var pages = await client.Workflows.ListAsync().AsPages(pageSizeHint: 3).ToListAsync();
        var all = pages.SelectMany(p => p.Values).ToList();
        var active = await client.Workflows.ListAsync(new WorkflowListOptions { Status = WorkflowStatus.Active, PageSize = 2 }).ToListAsync();
        var search = await client.Workflows.ListAsync(new WorkflowListOptions { Search = "INVOICE" }).ToListAsync();
        var whatsapp = await client.Workflows.ListAsync(new WorkflowListOptions { Channel = "whatsapp", Status = WorkflowStatus.Active }).ToListAsync();

        Assert.That(pages, Has.Count.EqualTo(3));
        Assert.That(pages.Select(p => p.Values.Count), Is.EqualTo(new[] { 3, 3, 2 }));
        Assert.That(pages[0].TotalCount, Is.EqualTo(8));
        Assert.That(pages[^1].ContinuationToken, Is.Null);
        Assert.That(all.Select(w => w.Id).Distinct().Count(), Is.EqualTo(8));
        Assert.That(all[0].Name, Is.EqualTo("Billing"), "newest first");
        Assert.That(active, Has.Count.EqualTo(6));
        Assert.That(search.Single().Name, Is.EqualTo("Billing"));
        Assert.That(whatsapp.Select(w => w.Name), Is.EquivalentTo(new[] { "Support bot 0", "Support bot 2", "Support bot 4" }));
    }

    [Test]
    public async Task A_continuation_token_resumes_in_another_client()
    {
        var (client, _, key) = ServerFixture.NewTenant();
        using var clientScope = client;
        for (var i = 0; i < 5; i++)
        {
            await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = $"wf {i}" });
        }

        string? token;
        await using (var pages = client.Workflows.ListAsync().AsPages(pageSizeHint: 2).GetAsyncEnumerator())
        {
            await pages.MoveNextAsync();
            token = pages.Current.ContinuationToken;
        }

        using var other = ServerFixture.ClientFor(key.Key);
        var rest = await other.Workflows.ListAsync().AsPages(token).ToListAsync();

        Assert.That(token, Is.Not.Null);
        Assert.That(rest.SelectMany(p => p.Values).Select(w => w.Name), Is.EqualTo(new[] { "wf 2", "wf 1", "wf 0" }));
        await Assert.ThrowsAsync<ArgumentException>(async () => await other.Workflows.ListAsync().AsPages("not-a-token").GetAsyncEnumerator().MoveNextAsync());
    }
}
