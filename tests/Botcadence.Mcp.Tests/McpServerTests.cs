using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Botcadence.Sdk;
using ModelContextProtocol;

namespace Botcadence.Mcp.Tests;

/// <summary>botcadence-mcp as a real process over stdio, against the in-process reference server, through the MCP C# client.</summary>
public sealed class McpServerTests
{
    private static readonly string[] ReadTools =
        ["list_workflows", "get_workflow", "get_execution", "list_runs", "list_forms", "list_webhooks", "list_webhook_deliveries"];

    private static readonly string[] WriteTools = ["execute_workflow", "launch_run", "complete_task", "skip_task", "submit_form"];

    [Test]
    public async Task ListTools_ReturnsEveryTool_WithItsInputSchema_AndReadOnlyOrDestructiveAnnotations()
    {
        var (admin, _, key) = ServerFixture.NewTenant();
        using var owned = admin;
        await using var mcp = await McpServerProcess.StartAsync(key.Key);

        Assert.That(mcp.Client.ServerInfo?.Name, Is.EqualTo("botcadence-mcp"));
        var tools = (await mcp.Client.ListToolsAsync()).ToDictionary(t => t.Name, t => t.ProtocolTool);
        Assert.That(tools.Keys, Is.EquivalentTo(ReadTools.Concat(WriteTools)));

        foreach (var name in ReadTools)
        {
            var annotations = tools[name].Annotations;
            Assert.That(annotations, Is.Not.Null, name);
            Assert.That(annotations!.ReadOnlyHint, Is.True, name);
            Assert.That(annotations.OpenWorldHint, Is.False, name);
        }

        foreach (var name in WriteTools)
        {
            Assert.That(tools[name].Annotations?.ReadOnlyHint, Is.False, name);
        }

        // Running a workflow acts on the outside world; task updates overwrite state; launching and submitting only add.
        Assert.That(tools["execute_workflow"].Annotations!.DestructiveHint, Is.True);
        Assert.That(tools["execute_workflow"].Annotations!.OpenWorldHint, Is.True);
        Assert.That(tools["complete_task"].Annotations!.DestructiveHint, Is.True);
        Assert.That(tools["skip_task"].Annotations!.DestructiveHint, Is.True);
        Assert.That(tools["launch_run"].Annotations!.DestructiveHint, Is.False);
        Assert.That(tools["submit_form"].Annotations!.DestructiveHint, Is.False);

        foreach (var (name, tool) in tools)
        {
            var schema = tool.InputSchema;
            Assert.That(schema.GetProperty("type").GetString(), Is.EqualTo("object"), name);
            var properties = schema.GetProperty("properties");
            // The key and base URL come from the environment only: no tool takes them as an argument.
            foreach (var property in properties.EnumerateObject())
            {
                Assert.That(property.Name, Does.Not.Contain("key").IgnoreCase.And.Not.Contain("url").IgnoreCase.And.Not.Contain("token").IgnoreCase, name);
                Assert.That(property.Value.TryGetProperty("description", out _), Is.True, $"{name}.{property.Name} has no description");
            }

            Assert.That(tool.OutputSchema, Is.Not.Null, $"{name} has no output schema");
            Assert.That(tool.Description, Is.Not.Empty, name);
        }

        Assert.That(Required(tools["get_workflow"].InputSchema), Is.EquivalentTo(new[] { "workflowId" }));
        Assert.That(Required(tools["execute_workflow"].InputSchema), Is.EquivalentTo(new[] { "workflowId" }));
        Assert.That(Required(tools["complete_task"].InputSchema), Is.EquivalentTo(new[] { "runId", "taskId" }));
        Assert.That(Required(tools["submit_form"].InputSchema), Is.EquivalentTo(new[] { "formId", "data" }));
        Assert.That(Required(tools["list_workflows"].InputSchema), Is.Empty);
        Assert.That(tools["execute_workflow"].InputSchema.GetProperty("properties").GetProperty("waitSeconds").GetProperty("type").ToString(), Does.Contain("integer"));
        Assert.That(tools["list_workflows"].InputSchema.GetProperty("properties").GetProperty("limit").GetProperty("type").ToString(), Does.Contain("integer"));
    }

    [Test]
    public async Task ExecuteWorkflow_RunsItToTheEnd_ReportingProgressPerStep_AndTheExecutionReadsBackWithItsSteps()
    {
        var (admin, _, key) = ServerFixture.NewTenant();
        using var owned = admin;
        var workflow = await admin.Workflows.CreateAsync(new WorkflowCreateOptions
        {
            Name = "MCP end to end",
            Trigger = new WorkflowTriggerOptions { Type = "manual" },
            Actions =
            [
                new WorkflowActionOptions { Type = "log", Config = JsonSerializer.SerializeToElement(new JsonObject { ["message"] = "one {{user.name}}" }) },
                new WorkflowActionOptions { Type = "log", Config = JsonSerializer.SerializeToElement(new JsonObject { ["message"] = "two" }) },
                new WorkflowActionOptions { Type = "log", Config = JsonSerializer.SerializeToElement(new JsonObject { ["message"] = "three" }) },
            ],
        });
        await admin.Workflows.ActivateAsync(workflow.Id);
        await using var mcp = await McpServerProcess.StartAsync(key.Key);

        var listed = (await mcp.CallAsync("list_workflows", new Dictionary<string, object?> { ["status"] = "active" })).Json();
        Assert.That(listed.GetProperty("items").EnumerateArray().Select(w => w.GetProperty("id").GetString()), Is.EqualTo(new[] { workflow.Id }));

        var progress = new ConcurrentQueue<ProgressNotificationValue>();
        var result = await mcp.CallAsync(
            "execute_workflow",
            new Dictionary<string, object?> { ["workflowId"] = workflow.Id, ["input"] = new { user = new { name = "Ada" } }, ["waitSeconds"] = 60 },
            new SynchronousProgress(progress.Enqueue));

        var execution = result.Json();
        Assert.That(execution.GetProperty("status").GetString(), Is.EqualTo("completed"));
        Assert.That(execution.GetProperty("finished").GetBoolean(), Is.True);
        Assert.That(execution.GetProperty("waitTimedOut").GetBoolean(), Is.False);
        Assert.That(execution.GetProperty("workflowId").GetString(), Is.EqualTo(workflow.Id));
        Assert.That(execution.GetProperty("input").GetProperty("user").GetProperty("name").GetString(), Is.EqualTo("Ada"));
        var steps = execution.GetProperty("steps").EnumerateArray().ToList();
        Assert.That(steps, Has.Count.EqualTo(3));
        Assert.That(steps.Select(s => s.GetProperty("status").GetString()), Is.All.EqualTo("completed"));

        // Progress notifications arrive on the same stream before the result; allow the client a moment to dispatch them.
        for (var i = 0; i < 50 && !progress.Any(p => p.Progress == 3); i++)
        {
            await Task.Delay(100);
        }

        var reports = progress.ToList();
        Assert.That(reports, Is.Not.Empty, "no progress notification received");
        Assert.That(reports.Select(p => p.Progress), Is.Ordered.Ascending.And.Unique, "progress must increase");
        Assert.That(reports[^1].Progress, Is.EqualTo(3));
        Assert.That(reports[^1].Total, Is.EqualTo(3));
        Assert.That(reports[^1].Message, Does.Contain(execution.GetProperty("id").GetString()));

        var readBack = (await mcp.CallAsync("get_execution", new Dictionary<string, object?> { ["executionId"] = execution.GetProperty("id").GetString() })).Json();
        Assert.That(readBack.GetProperty("status").GetString(), Is.EqualTo("completed"));
        Assert.That(readBack.GetProperty("steps").GetArrayLength(), Is.EqualTo(3));

        var detail = (await mcp.CallAsync("get_workflow", new Dictionary<string, object?> { ["workflowId"] = workflow.Id })).Json();
        Assert.That(detail.GetProperty("actions").GetArrayLength(), Is.EqualTo(3));
        Assert.That(detail.GetProperty("executionCount").GetInt64(), Is.EqualTo(1));
        AssertKeyNeverInLog(mcp, key.Key);
    }

    [Test]
    public async Task ExecuteWorkflow_StopsWaitingAtTheBound_AndSaysTheExecutionIsStillRunning()
    {
        var (admin, _, key) = ServerFixture.NewTenant();
        using var owned = admin;
        var workflow = await admin.Workflows.CreateAsync(new WorkflowCreateOptions
        {
            Name = "slow",
            Trigger = new WorkflowTriggerOptions { Type = "manual" },
            Actions = [new WorkflowActionOptions { Type = "log", Config = JsonSerializer.SerializeToElement(new JsonObject { ["message"] = "slow", ["delay_ms"] = 30_000 }) }],
        });
        await admin.Workflows.ActivateAsync(workflow.Id);
        await using var mcp = await McpServerProcess.StartAsync(key.Key);

        var started = DateTime.UtcNow;
        var execution = (await mcp.CallAsync("execute_workflow", new Dictionary<string, object?> { ["workflowId"] = workflow.Id, ["waitSeconds"] = 1 })).Json();

        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(20)));
        Assert.That(execution.GetProperty("waitTimedOut").GetBoolean(), Is.True);
        Assert.That(execution.GetProperty("finished").GetBoolean(), Is.False);
        Assert.That(execution.GetProperty("status").GetString(), Is.AnyOf("pending", "running"));
    }

    [Test]
    public async Task KeyWithoutTheScope_GetsAToolError_WithMissingScopeAndTheRequestId_NoStackTraceNoKey()
    {
        var (admin, _, key) = ServerFixture.NewTenant(scopes: ["workflows:read"]);
        using var owned = admin;
        var workflow = await admin.Workflows.CreateAsync(new WorkflowCreateOptions
        {
            Name = "scoped",
            Trigger = new WorkflowTriggerOptions { Type = "manual" },
            Actions = [new WorkflowActionOptions { Type = "log", Config = JsonSerializer.SerializeToElement(new JsonObject { ["message"] = "x" }) }],
        });
        await admin.Workflows.ActivateAsync(workflow.Id);
        await using var mcp = await McpServerProcess.StartAsync(key.Key);

        // Allowed: the key has workflows:read.
        Assert.That((await mcp.CallAsync("list_workflows")).Json().GetProperty("items").GetArrayLength(), Is.EqualTo(1));

        var runs = await mcp.CallAsync("list_runs");
        runs.AssertCleanError(key.Key);
        Assert.That(runs.Text(), Does.Contain("MISSING_SCOPE").And.Contain("HTTP 403").And.Contain("runs:read"));
        Assert.That(runs.Text(), Does.Match(@"request_id: req_[0-9a-f]{24}"));

        var execute = await mcp.CallAsync("execute_workflow", new Dictionary<string, object?> { ["workflowId"] = workflow.Id });
        execute.AssertCleanError(key.Key);
        Assert.That(execute.Text(), Does.Contain("MISSING_SCOPE").And.Contain("workflows:execute").And.Match(@"request_id: req_[0-9a-f]{24}"));
        Assert.That(await admin.Executions.ListAsync().ToListAsync(), Is.Empty, "nothing was executed");

        var missing = await mcp.CallAsync("get_workflow", new Dictionary<string, object?> { ["workflowId"] = "wf_does_not_exist" });
        missing.AssertCleanError(key.Key);
        Assert.That(missing.Text(), Does.Contain("NOT_FOUND").And.Contain("HTTP 404").And.Match(@"request_id: req_[0-9a-f]{24}"));
        AssertKeyNeverInLog(mcp, key.Key);
    }

    [Test]
    public async Task AtTheDefaultLogLevel_AFailedToolCallIsOneWarningLineOnStderr_WithoutStackTrace()
    {
        var (admin, _, key) = ServerFixture.NewTenant(scopes: ["workflows:read"]);
        using var owned = admin;
        await using var mcp = await McpServerProcess.StartAsync(key.Key, logLevel: null);

        (await mcp.CallAsync("list_runs")).AssertCleanError(key.Key);
        await mcp.DisposeAsync(); // flushes the server's stderr

        var log = mcp.StandardError.ToList();
        Assert.That(log.Where(l => l.Contains("Tool list_runs failed", StringComparison.Ordinal) && l.Contains("MISSING_SCOPE", StringComparison.Ordinal)).ToList(), Has.Count.EqualTo(1), string.Join("\n", log));
        Assert.That(log.Where(l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal)), Is.Empty, string.Join("\n", log));
        Assert.That(log.Where(l => l.Contains(key.Key, StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task TheKeyIsScrubbedFromResults_EvenWhenTheApiEchoesIt()
    {
        var (admin, _, key) = ServerFixture.NewTenant();
        using var owned = admin;
        await using var mcp = await McpServerProcess.StartAsync(key.Key);

        // The API's 404 message names the id it was given: here, the key itself.
        var result = await mcp.CallAsync("get_workflow", new Dictionary<string, object?> { ["workflowId"] = key.Key });

        result.AssertCleanError(key.Key);
        Assert.That(result.Text(), Does.Contain("NOT_FOUND").And.Contain("[redacted]"));
    }

    [Test]
    public async Task InvalidKey_GetsUnauthorized_AndTheKeyIsNeverEchoed()
    {
        const string wrongKey = "sk_test_this_key_does_not_exist_0123456789";
        await using var mcp = await McpServerProcess.StartAsync(wrongKey);

        var result = await mcp.CallAsync("list_workflows");

        result.AssertCleanError(wrongKey);
        Assert.That(result.Text(), Does.Contain("UNAUTHORIZED").And.Contain("HTTP 401").And.Match(@"request_id: req_[0-9a-f]{24}"));
        AssertKeyNeverInLog(mcp, wrongKey);
    }

    [Test]
    public async Task ReadOnlyMode_HidesTheWriteTools_AndRefusesACallToOne_WithoutChangingAnything()
    {
        var (admin, _, key) = ServerFixture.NewTenant();
        using var owned = admin;
        var template = await admin.Templates.CreateAsync(new TemplateCreateOptions
        {
            Name = "Onboarding",
            Tasks = [new TemplateTaskOptions { Name = "Sign contract" }],
        });
        await admin.Templates.PublishAsync(template.Id);
        await using var mcp = await McpServerProcess.StartAsync(key.Key, readOnly: true);

        var tools = await mcp.Client.ListToolsAsync();
        Assert.That(tools.Select(t => t.Name), Is.EquivalentTo(ReadTools));
        Assert.That(tools.Select(t => t.ProtocolTool.Annotations?.ReadOnlyHint), Is.All.True);
        Assert.That(mcp.Client.ServerInstructions, Does.Contain("read-only"));

        var launch = await mcp.CallAsync("launch_run", new Dictionary<string, object?> { ["templateId"] = template.Id });

        launch.AssertCleanError(key.Key);
        Assert.That(launch.Text(), Does.Contain("--read-only").And.Contain("launch_run"));
        Assert.That(await admin.Runs.ListAsync().ToListAsync(), Is.Empty, "read-only mode launched a run");

        // Reads still work.
        Assert.That((await mcp.CallAsync("list_runs")).Json().GetProperty("items").GetArrayLength(), Is.EqualTo(0));
    }

    [Test]
    public async Task MalformedInput_GetsAToolErrorNamingTheProblem_AndTheServerKeepsServing()
    {
        var (admin, _, key) = ServerFixture.NewTenant();
        using var owned = admin;
        await using var mcp = await McpServerProcess.StartAsync(key.Key);

        var missing = await mcp.CallAsync("get_workflow");
        missing.AssertCleanError(key.Key);
        Assert.That(missing.Text(), Does.Contain("missing required argument 'workflowId'").And.Contain("workflowId (string, required)"));

        var wrongType = await mcp.CallAsync("get_workflow", new Dictionary<string, object?> { ["workflowId"] = 42 });
        wrongType.AssertCleanError(key.Key);
        Assert.That(wrongType.Text(), Does.Contain("argument 'workflowId' must be string, got a number"));

        var wrongLimit = await mcp.CallAsync("list_workflows", new Dictionary<string, object?> { ["limit"] = "ten" });
        wrongLimit.AssertCleanError(key.Key);
        Assert.That(wrongLimit.Text(), Does.Contain("argument 'limit' must be integer"));

        var outOfRange = await mcp.CallAsync("list_workflows", new Dictionary<string, object?> { ["limit"] = 1000 });
        outOfRange.AssertCleanError(key.Key);
        Assert.That(outOfRange.Text(), Does.Contain("'limit' must be between 1 and 100"));

        var unknown = await mcp.CallAsync("list_workflows", new Dictionary<string, object?> { ["apiKey"] = "sk_live_smuggled" });
        unknown.AssertCleanError(key.Key);
        Assert.That(unknown.Text(), Does.Contain("unknown argument 'apiKey'"));

        var notAnObject = await mcp.CallAsync("submit_form", new Dictionary<string, object?> { ["formId"] = "form_x", ["data"] = "name=Ada" });
        notAnObject.AssertCleanError(key.Key);
        Assert.That(notAnObject.Text(), Does.Contain("argument 'data' must be object"));

        var badCursor = await mcp.CallAsync("list_workflows", new Dictionary<string, object?> { ["cursor"] = "not-a-cursor" });
        badCursor.AssertCleanError(key.Key);

        // Still serving after all of that.
        Assert.That((await mcp.CallAsync("list_workflows")).Json().GetProperty("items").GetArrayLength(), Is.EqualTo(0));
    }

    [Test]
    public async Task Runs_LaunchListCompleteAndSkipTasks()
    {
        var (admin, _, key) = ServerFixture.NewTenant();
        using var owned = admin;
        var template = await admin.Templates.CreateAsync(new TemplateCreateOptions
        {
            Name = "Onboarding",
            Tasks =
            [
                new TemplateTaskOptions { Name = "Sign contract", Required = true },
                new TemplateTaskOptions { Name = "Order laptop", Required = false },
            ],
        });
        await admin.Templates.PublishAsync(template.Id);
        await using var mcp = await McpServerProcess.StartAsync(key.Key);

        var run = (await mcp.CallAsync("launch_run", new Dictionary<string, object?> { ["templateId"] = template.Id, ["name"] = "Ada's onboarding" })).Json();
        var runId = run.GetProperty("id").GetString();
        Assert.That(run.GetProperty("status").GetString(), Is.EqualTo("IN_PROGRESS"));
        var tasks = run.GetProperty("tasks").EnumerateArray().ToList();
        Assert.That(tasks, Has.Count.EqualTo(2));

        var listed = (await mcp.CallAsync("list_runs", new Dictionary<string, object?> { ["status"] = "IN_PROGRESS" })).Json();
        Assert.That(listed.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()), Is.EqualTo(new[] { runId }));

        var skipped = (await mcp.CallAsync("skip_task", new Dictionary<string, object?> { ["runId"] = runId, ["taskId"] = tasks[1].GetProperty("id").GetString() })).Json();
        Assert.That(skipped.GetProperty("status").GetString(), Is.EqualTo("SKIPPED"));

        var completed = (await mcp.CallAsync("complete_task", new Dictionary<string, object?>
        {
            ["runId"] = runId, ["taskId"] = tasks[0].GetProperty("id").GetString(), ["value"] = new { signed = true },
        })).Json();
        Assert.That(completed.GetProperty("status").GetString(), Is.EqualTo("COMPLETED"));

        var after = await admin.Runs.GetAsync(runId!);
        Assert.That(after.Tasks.Select(t => t.Status.Value), Is.EqualTo(new[] { "COMPLETED", "SKIPPED" }));
        Assert.That(after.Status, Is.EqualTo(RunStatus.Completed));
    }

    [Test]
    public async Task Forms_ListAndSubmit()
    {
        var (admin, _, key) = ServerFixture.NewTenant();
        using var owned = admin;
        var form = await admin.Forms.CreateAsync(new FormCreateOptions
        {
            Name = "Contact",
            Fields = [new FormFieldOptions { Name = "email", Type = FormFieldType.Email, Required = true }, new FormFieldOptions { Name = "note", Type = FormFieldType.Text }],
        });
        await using var mcp = await McpServerProcess.StartAsync(key.Key);

        var forms = (await mcp.CallAsync("list_forms")).Json().GetProperty("items").EnumerateArray().ToList();
        Assert.That(forms.Select(f => f.GetProperty("id").GetString()), Is.EqualTo(new[] { form.Id }));
        Assert.That(forms[0].GetProperty("fields").EnumerateArray().Select(f => (f.GetProperty("name").GetString(), f.GetProperty("required").GetBoolean())),
            Is.EqualTo(new[] { ("email", true), ("note", false) }));

        var submission = (await mcp.CallAsync("submit_form", new Dictionary<string, object?>
        {
            ["formId"] = form.Id, ["data"] = new { email = "ada@example.com", note = "hi" },
        })).Json();
        Assert.That(submission.GetProperty("formId").GetString(), Is.EqualTo(form.Id));
        Assert.That(submission.GetProperty("data").GetProperty("email").GetString(), Is.EqualTo("ada@example.com"));

        var invalid = await mcp.CallAsync("submit_form", new Dictionary<string, object?> { ["formId"] = form.Id, ["data"] = new { email = "not-an-address" } });
        invalid.AssertCleanError(key.Key);
        Assert.That(invalid.Text(), Does.Contain("VALIDATION_ERROR").And.Contain("HTTP 422").And.Contain("data.email"));
        var missing = await mcp.CallAsync("submit_form", new Dictionary<string, object?> { ["formId"] = form.Id, ["data"] = new { note = "no email" } });
        missing.AssertCleanError(key.Key);
        Assert.That(missing.Text(), Does.Contain("INVALID_REQUEST").And.Contain("HTTP 400").And.Contain("data.email"));
        Assert.That((await admin.Forms.GetAsync(form.Id)).SubmissionCount, Is.EqualTo(1));
    }

    [Test]
    public async Task Webhooks_ListWithoutSecrets_AndTheirRecentDeliveries()
    {
        var (admin, _, key) = ServerFixture.NewTenant();
        using var owned = admin;
        var webhook = await admin.Webhooks.CreateSubscriptionAsync(new WebhookSubscriptionCreateOptions
        {
            Url = $"http://127.0.0.1:{ClosedPort()}/hooks",
            Events = [WebhookEventType.ExecutionCompleted],
            Description = "to a closed port",
        });
        Assert.That(webhook.Secret, Is.Not.Null.And.Not.Empty);
        await admin.Webhooks.SendTestAsync(webhook.Id); // refused at once: a failed delivery
        await using var mcp = await McpServerProcess.StartAsync(key.Key);

        var list = await mcp.CallAsync("list_webhooks");
        var hooks = list.Json().GetProperty("items").EnumerateArray().ToList();
        Assert.That(hooks.Select(h => h.GetProperty("id").GetString()), Is.EqualTo(new[] { webhook.Id }));
        Assert.That(hooks[0].GetProperty("kind").GetString(), Is.EqualTo("subscription"));
        Assert.That(hooks[0].TryGetProperty("secret", out _), Is.False);
        Assert.That(list.Text(), Does.Not.Contain(webhook.Secret!), "the signing secret leaked");

        var deliveries = (await mcp.CallAsync("list_webhook_deliveries", new Dictionary<string, object?> { ["webhookId"] = webhook.Id })).Json()
            .GetProperty("items").EnumerateArray().ToList();
        Assert.That(deliveries, Has.Count.GreaterThanOrEqualTo(1));
        Assert.That(deliveries[0].GetProperty("success").GetBoolean(), Is.False);
        Assert.That(deliveries[0].GetProperty("attempt").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task Paging_NextCursorReadsTheFollowingPage()
    {
        var (admin, _, key) = ServerFixture.NewTenant();
        using var owned = admin;
        for (var i = 0; i < 3; i++)
        {
            await admin.Workflows.CreateAsync(new WorkflowCreateOptions { Name = $"wf {i}", Trigger = new WorkflowTriggerOptions { Type = "manual" }, Actions = [new WorkflowActionOptions { Type = "log" }] });
        }

        await using var mcp = await McpServerProcess.StartAsync(key.Key);

        var first = (await mcp.CallAsync("list_workflows", new Dictionary<string, object?> { ["limit"] = 2 })).Json();
        Assert.That(first.GetProperty("items").GetArrayLength(), Is.EqualTo(2));
        Assert.That(first.GetProperty("total").GetInt64(), Is.EqualTo(3));
        var cursor = first.GetProperty("nextCursor").GetString();
        Assert.That(cursor, Is.Not.Null);

        var second = (await mcp.CallAsync("list_workflows", new Dictionary<string, object?> { ["limit"] = 2, ["cursor"] = cursor })).Json();
        Assert.That(second.GetProperty("items").GetArrayLength(), Is.EqualTo(1));
        Assert.That(second.GetProperty("nextCursor").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    private static List<string?> Required(JsonElement schema) =>
        schema.TryGetProperty("required", out var required) ? required.EnumerateArray().Select(r => r.GetString()).ToList() : [];

    private static void AssertKeyNeverInLog(McpServerProcess mcp, string apiKey)
    {
        var log = mcp.StandardError.ToList();
        Assert.That(log, Is.Not.Empty, "the server logged nothing at Trace level: the log assertion would prove nothing");
        Assert.That(log.Where(l => l.Contains(apiKey, StringComparison.Ordinal)), Is.Empty, "the API key appeared on stderr");
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Records each report on the calling thread (Progress&lt;T&gt; would post to a pool thread, after the call returns).</summary>
    private sealed class SynchronousProgress(Action<ProgressNotificationValue> report) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value) => report(value);
    }
}

public static class AsyncEnumerableExtensions
{
    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
