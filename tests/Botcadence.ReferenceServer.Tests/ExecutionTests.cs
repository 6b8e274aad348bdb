using System.Text.Json.Nodes;
using NUnit.Framework;

namespace Botcadence.ReferenceServer.Tests;

[TestFixture]
internal sealed class ExecutionTests : ServerFixture
{
    private static bool Finished(JsonNode e) => Check.Str(e["status"]) is "completed" or "failed" or "cancelled";

    [Test]
    public async Task Execution_runs_to_completed_with_per_step_timestamps_and_rendered_output()
    {
        var api = NewTenant();
        var wf = await api.CreateActiveWorkflowAsync("""
            [{"type":"send_email","config":{"to":"{{user.email}}","subject":"Hi {{user.name}}!"}},
             {"id":"notify","type":"slack","config":{"text":"sent to {{user.email}}, missing '{{nope.x}}'","delay_ms":10}}]
            """);
        var accepted = await api.PostAsync($"workflows/{wf}/execute", """{"input":{"user":{"email":"a@b.c","name":"Ann"}}}""");
        Assert.That(accepted.Code, Is.EqualTo(202), accepted.Raw);
        var id = accepted.Id;
        Assert.That(id, Does.Match("^exec_[0-9a-f]{16}$"));
        Assert.That(accepted.Message.Headers.Location?.ToString(), Is.EqualTo("/v1/executions/" + id));
        Assert.That(Check.Str(accepted.Body["status"]), Is.AnyOf("pending", "running"));
        Assert.That(Check.Str(accepted.Body["workflow_id"]), Is.EqualTo(wf));
        Assert.That(accepted.Body["completed_at"], Is.Null);
        Assert.That(accepted.Body["output"], Is.Null);

        var done = await api.PollExecutionAsync(id, Finished);
        Assert.That(Check.Str(done["status"]), Is.EqualTo("completed"), done.ToJsonString());
        Assert.That(done["error"], Is.Null);
        Assert.That(done["started_at"], Is.Not.Null);
        Assert.That(done["completed_at"], Is.Not.Null);
        Assert.That(done["duration_ms"]!.GetValue<long>(), Is.GreaterThanOrEqualTo(10));

        var steps = done["steps"]!.AsArray();
        Assert.That(steps, Has.Count.EqualTo(2));
        foreach (var step in steps)
        {
            Assert.That(Check.Str(step!["status"]), Is.EqualTo("completed"));
            Assert.That(step["started_at"], Is.Not.Null);
            Assert.That(step["completed_at"], Is.Not.Null);
            Assert.That(step["duration_ms"], Is.Not.Null);
            Assert.That(string.CompareOrdinal(Check.Str(step["completed_at"]), Check.Str(step["started_at"])), Is.GreaterThanOrEqualTo(0));
            Assert.That(Check.Str(step["input"]!["user"]!["email"]), Is.EqualTo("a@b.c"));
            Assert.That(step["error"], Is.Null);
        }

        Assert.That(string.CompareOrdinal(Check.Str(steps[1]!["started_at"]), Check.Str(steps[0]!["completed_at"])), Is.GreaterThanOrEqualTo(0));
        Assert.That(steps[1]!["duration_ms"]!.GetValue<long>(), Is.GreaterThanOrEqualTo(10));
        Assert.That(Check.Str(steps[0]!["output"]!["to"]), Is.EqualTo("a@b.c"));
        Assert.That(Check.Str(steps[0]!["output"]!["subject"]), Is.EqualTo("Hi Ann!"));
        Assert.That(Check.Str(steps[0]!["output"]!["type"]), Is.EqualTo("send_email"));
        Assert.That(Check.Str(steps[1]!["id"]), Is.EqualTo("notify"));
        Assert.That(Check.Str(done["output"]!["text"]), Is.EqualTo("sent to a@b.c, missing ''"));
        Assert.That(Check.Str(done["output"]!["type"]), Is.EqualTo("slack"));

        var logs = done["logs"]!.AsArray();
        Assert.That(logs.Count(l => l!["step_id"]?.GetValue<string>() == "act_1"), Is.EqualTo(2));
        Assert.That(logs.Count(l => l!["step_id"]?.GetValue<string>() == "notify"), Is.EqualTo(2));
        Assert.That(logs.All(l => Check.Str(l!["level"]) is "info" or "warning" or "error"), Is.True);

        var nested = await api.GetAsync($"workflows/{wf}/executions/{id}");
        Assert.That(JsonNode.DeepEquals(nested.Body, done), Is.True);

        var workflow = await api.GetAsync("workflows/" + wf);
        Assert.That(workflow.Body["execution_count"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(workflow.Body["success_rate"]!.GetValue<double>(), Is.EqualTo(1.0));
    }

    [Test]
    public async Task Fail_action_fails_the_execution_and_skips_later_steps()
    {
        var api = NewTenant();
        var wf = await api.CreateActiveWorkflowAsync("""
            [{"type":"send_email"},{"type":"fail","config":{"message":"boom"}},{"type":"send_sms"}]
            """);
        var id = Check.Str((await api.ExecuteAsync(wf))["id"]);
        var done = await api.PollExecutionAsync(id, Finished);

        Assert.That(Check.Str(done["status"]), Is.EqualTo("failed"));
        Assert.That(Check.Str(done["error"]!["code"]), Is.EqualTo("STEP_FAILED"));
        Assert.That(Check.Str(done["error"]!["message"]), Is.EqualTo("boom"));
        Assert.That(Check.Str(done["error"]!["step_id"]), Is.EqualTo("act_2"));
        Assert.That(done["output"], Is.Null);
        Assert.That(done["completed_at"], Is.Not.Null);
        var steps = done["steps"]!.AsArray();
        Assert.That(steps.Select(s => Check.Str(s!["status"])), Is.EqualTo(new[] { "completed", "failed", "skipped" }));
        Assert.That(Check.Str(steps[1]!["error"]), Is.EqualTo("boom"));
        Assert.That(steps[2]!["started_at"], Is.Null);
        Assert.That(done["logs"]!.AsArray().Any(l => Check.Str(l!["level"]) == "error"), Is.True);

        // config "fail": true fails too; no actions completes with {} output.
        var flagged = await api.CreateActiveWorkflowAsync("""[{"type":"http","config":{"fail":true}}]""", "flagged");
        var failed = await api.PollExecutionAsync(Check.Str((await api.ExecuteAsync(flagged))["id"]), Finished);
        Assert.That(Check.Str(failed["status"]), Is.EqualTo("failed"));
        var empty = await api.CreateActiveWorkflowAsync("[]", "empty");
        var completed = await api.PollExecutionAsync(Check.Str((await api.ExecuteAsync(empty, "")).AsObject()["id"]), Finished);
        Assert.That(Check.Str(completed["status"]), Is.EqualTo("completed"));
        Assert.That(completed["output"]!.AsObject(), Is.Empty);
        Assert.That(completed["input"]!.AsObject(), Is.Empty);
    }

    [Test]
    public async Task Workflow_execution_list_filters_and_pages()
    {
        var api = NewTenant();
        var ok = await api.CreateActiveWorkflowAsync("[]");
        var other = await api.CreateActiveWorkflowAsync("""[{"type":"fail"}]""", "other");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(Check.Str((await api.ExecuteAsync(ok, "{\"input\":{\"i\":" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}}"))["id"]));
        }

        var failedId = Check.Str((await api.ExecuteAsync(other))["id"]);
        foreach (var id in ids.Append(failedId))
        {
            await api.PollExecutionAsync(id, Finished);
        }

        ids.Reverse();
        var all = await api.GetAsync($"workflows/{ok}/executions?per_page=2");
        Assert.That(all.Body["total"]!.GetValue<int>(), Is.EqualTo(5));
        Assert.That(Check.Ids(all.Body), Is.EqualTo(ids.Take(2)));
        var page3 = await api.GetAsync($"workflows/{ok}/executions?per_page=2&page=3");
        Assert.That(Check.Ids(page3.Body), Is.EqualTo(ids.Skip(4)));

        Assert.That((await api.GetAsync($"workflows/{ok}/executions?status=completed")).Body["total"]!.GetValue<int>(), Is.EqualTo(5));
        Assert.That((await api.GetAsync($"workflows/{ok}/executions?status=failed")).Body["total"]!.GetValue<int>(), Is.Zero);
        Assert.That(Check.Ids((await api.GetAsync($"workflows/{other}/executions?status=failed")).Body), Is.EqualTo(new[] { failedId }));

        var everything = (await api.GetAsync($"workflows/{ok}/executions?per_page=100")).Body["data"]!.AsArray();
        var createdAt = everything.ToDictionary(e => Check.Str(e!["id"]), e => Check.Str(e!["created_at"]));
        var created = createdAt[ids[2]];
        var from = await api.GetAsync($"workflows/{ok}/executions?from={Uri.EscapeDataString(created)}&per_page=100");
        var expectedFrom = ids.Where(i => string.CompareOrdinal(createdAt[i], created) >= 0).ToList();
        Assert.That(Check.Ids(from.Body), Is.EqualTo(expectedFrom));
        Assert.That(expectedFrom, Does.Contain(ids[2]).And.Contain(ids[0]));
        var to = await api.GetAsync($"workflows/{ok}/executions?to={Uri.EscapeDataString(created)}&per_page=100");
        var expectedTo = ids.Where(i => string.CompareOrdinal(createdAt[i], created) < 0).ToList();
        Assert.That(Check.Ids(to.Body), Is.EqualTo(expectedTo));
        Assert.That(expectedTo, Does.Not.Contain(ids[2]));
        var future = await api.GetAsync($"workflows/{ok}/executions?from=2999-01-01");
        Assert.That(future.Body["total"]!.GetValue<int>(), Is.Zero);
        var past = await api.GetAsync($"workflows/{ok}/executions?to=2000-01-01T00:00:00Z");
        Assert.That(past.Body["total"]!.GetValue<int>(), Is.Zero);

        // Nested get refuses an execution of another workflow.
        Check.Error(await api.GetAsync($"workflows/{ok}/executions/{failedId}"), 404, "NOT_FOUND");

        // Global list filters by workflow and status.
        var global = await api.GetAsync($"executions?workflow_id={other}");
        Assert.That(Check.Ids(global.Body), Is.EqualTo(new[] { failedId }));
        var globalFailed = await api.GetAsync("executions?status=failed&limit=100");
        Assert.That(Check.Ids(globalFailed.Body), Is.EqualTo(new[] { failedId }));
    }

    [Test]
    public async Task Cursor_pagination_is_stable_while_executions_are_added()
    {
        var api = NewTenant();
        var wf = await api.CreateActiveWorkflowAsync("[]");
        var original = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            original.Add(Check.Str((await api.ExecuteAsync(wf))["id"]));
        }

        original.Reverse();
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var response = await api.GetAsync("executions?limit=3" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));
            Assert.That(response.Code, Is.EqualTo(200), response.Raw);
            seen.AddRange(Check.Ids(response.Body));
            var hasMore = response.Body["has_more"]!.GetValue<bool>();
            cursor = response.Body["next_cursor"]?.GetValue<string>();
            Assert.That(cursor is not null, Is.EqualTo(hasMore));
            pages++;

            // New executions arrive between pages; they must not shift or duplicate the walk.
            await api.ExecuteAsync(wf);
        }
        while (cursor is not null && pages < 10);

        Assert.That(pages, Is.EqualTo(3));
        Assert.That(seen, Is.EqualTo(original));

        var fresh = await api.GetAsync("executions?limit=100");
        Assert.That(fresh.Body["data"]!.AsArray(), Has.Count.EqualTo(10));
        Assert.That(fresh.Body["has_more"]!.GetValue<bool>(), Is.False);
        Assert.That(fresh.Body.AsObject().ContainsKey("next_cursor") && fresh.Body["next_cursor"] is null, Is.True);
    }

    [Test]
    public async Task Deleted_workflows_executions_remain_readable()
    {
        var api = NewTenant();
        var wf = await api.CreateActiveWorkflowAsync("[]");
        var id = Check.Str((await api.ExecuteAsync(wf))["id"]);
        await api.PollExecutionAsync(id, Finished);
        Assert.That((await api.DeleteAsync("workflows/" + wf)).Code, Is.EqualTo(204));

        var exec = await api.GetAsync("executions/" + id);
        Assert.That(exec.Code, Is.EqualTo(200));
        Assert.That(Check.Str(exec.Body["workflow_id"]), Is.EqualTo(wf));
        Check.Error(await api.GetAsync($"workflows/{wf}/executions"), 404, "NOT_FOUND");
    }
}
