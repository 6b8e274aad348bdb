using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace Botcadence.ReferenceServer.Tests;

[TestFixture]
internal sealed class TemplateRunTests : ServerFixture
{
    private const string Onboarding = """
        {"name":"Vendor Onboarding","due_in_hours":72,"tasks":[{"id":"collect","name":"Collect documents","due_in_hours":24},
         {"name":"Legal review","fields":[{"name":"decision","type":"select","options":["approve","reject"],"required":true},{"name":"amount","type":"number"}]},
         {"name":"Welcome pack","required":false}]}
        """;

    private static async Task<string> PublishedAsync(Api api)
    {
        var id = (await api.PostAsync("templates", Onboarding)).Id;
        var published = await api.PostAsync($"templates/{id}/publish");
        Assert.That(published.Code, Is.EqualTo(200), published.Raw);
        return id;
    }

    [Test]
    public async Task A_draft_is_editable_until_published()
    {
        var api = NewTenant();
        var created = await api.PostAsync("templates", Onboarding);
        Assert.That(created.Code, Is.EqualTo(201), created.Raw);
        Assert.That(Check.Str(created.Body["status"]), Is.EqualTo("DRAFT"));
        Assert.That(Check.Str(created.Body["tasks"]![1]!["id"]), Does.Match("^task_def_[0-9a-f]{16}$"));
        Assert.That(created.Body["tasks"]![2]!["required"]!.GetValue<bool>(), Is.False);

        var patched = await api.PatchAsync("templates/" + created.Id, """{"name":"Renamed","description":"d"}""");
        Assert.That(patched.Code, Is.EqualTo(200), patched.Raw);
        Assert.That(Check.Str(patched.Body["name"]), Is.EqualTo("Renamed"));
        Assert.That(patched.Body["tasks"]!.AsArray().Count, Is.EqualTo(3));

        var launchDraft = await api.PostAsync("runs", $$"""{"template_id":"{{created.Id}}"}""");
        Check.Error(launchDraft, 409, "CONFLICT");

        var published = await api.PostAsync($"templates/{created.Id}/publish");
        Assert.That(Check.Str(published.Body["status"]), Is.EqualTo("PUBLISHED"));
        Assert.That(published.Body["published_at"], Is.Not.Null);
        Check.Error(await api.PatchAsync("templates/" + created.Id, """{"name":"x"}"""), 409, "CONFLICT");
        Check.Error(await api.PostAsync($"templates/{created.Id}/publish"), 409, "CONFLICT");
    }

    [TestCase("""{}""", "name", 400)]
    [TestCase("""{"name":""}""", "name", 422)]
    [TestCase("""{"name":"x","tasks":{}}""", "tasks", 400)]
    [TestCase("""{"name":"x","tasks":[{}]}""", "tasks[0].name", 400)]
    [TestCase("""{"name":"x","tasks":[{"name":"a","required":"no"}]}""", "tasks[0].required", 400)]
    [TestCase("""{"name":"x","tasks":[{"name":"a","due_in_hours":-1}]}""", "tasks[0].due_in_hours", 422)]
    [TestCase("""{"name":"x","tasks":[{"name":"a","due_in_hours":1.5}]}""", "tasks[0].due_in_hours", 422)]
    [TestCase("""{"name":"x","tasks":[{"id":"a b","name":"a"}]}""", "tasks[0].id", 422)]
    [TestCase("""{"name":"x","tasks":[{"id":"a","name":"a"},{"id":"a","name":"b"}]}""", "tasks[1].id", 422)]
    [TestCase("""{"name":"x","tasks":[{"name":"a","fields":[{"name":"f","type":"date"}]}]}""", "tasks[0].fields[0].type", 422)]
    [TestCase("""{"name":"x","due_in_hours":"1"}""", "due_in_hours", 400)]
    public async Task Bad_templates_are_rejected_naming_the_field(string body, string field, int status) =>
        Check.Field(await NewTenant().PostAsync("templates", body), status, field);

    [Test]
    public async Task Publishing_a_template_without_tasks_is_422()
    {
        var api = NewTenant();
        var id = (await api.PostAsync("templates", """{"name":"empty"}""")).Id;
        Check.Error(await api.PostAsync($"templates/{id}/publish"), 422, "VALIDATION_ERROR", "tasks");
        Check.Error(await api.GetAsync("templates?status=draft"), 400, "INVALID_REQUEST", "status");
    }

    [TestCase("""{}""", 400, "template_id")]
    [TestCase("""{"template_id":7}""", 400, "template_id")]
    [TestCase("""{"template_id":"TEMPLATE","due_date":"tomorrow"}""", 422, "due_date")]
    [TestCase("""{"template_id":"TEMPLATE","form_data":[]}""", 400, "form_data")]
    [TestCase("""{"template_id":"TEMPLATE","form_data":{"decision":"maybe"}}""", 422, "form_data.decision")]
    [TestCase("""{"template_id":"TEMPLATE","form_data":{"nope":"x"}}""", 422, "form_data.nope")]
    public async Task Bad_launches_are_rejected_naming_the_field(string body, int status, string field)
    {
        var api = NewTenant();
        var template = await PublishedAsync(api);
        Check.Field(await api.PostAsync("runs", body.Replace("TEMPLATE", template, StringComparison.Ordinal)), status, field);
    }

    [Test]
    public async Task Task_updates_validate_and_completion_freezes_the_run()
    {
        var api = NewTenant();
        var template = await PublishedAsync(api);
        var run = await api.PostAsync("runs", $$"""{"template_id":"{{template}}"}""");
        Assert.That(run.Code, Is.EqualTo(201), run.Raw);
        Assert.That(run.Message.Headers.Location?.ToString(), Is.EqualTo("/v1/runs/" + run.Id));
        var tasks = run.Body["tasks"]!.AsArray().Select(t => Check.Str(t!["id"])).ToList();

        Check.Error(await api.PatchAsync($"runs/{run.Id}/tasks/{tasks[0]}", """{"status":"DONE"}"""), 422, "VALIDATION_ERROR", "status");
        Check.Error(await api.PatchAsync($"runs/{run.Id}/tasks/{tasks[0]}", """{"status":"SKIPPED"}"""), 422, "VALIDATION_ERROR", "status");
        Check.Error(await api.PatchAsync($"runs/{run.Id}/tasks/{tasks[0]}", """{"due_date":"soon"}"""), 422, "VALIDATION_ERROR", "due_date");
        Check.Error(await api.PatchAsync($"runs/{run.Id}/tasks/{tasks[1]}", """{"value":"text"}"""), 400, "INVALID_REQUEST", "value");
        Check.Error(await api.PatchAsync($"runs/{run.Id}/tasks/{tasks[1]}", """{"value":{"amount":"ten"}}"""), 400, "INVALID_REQUEST", "value.amount");
        Check.Error(await api.PatchAsync($"runs/{run.Id}/tasks/{tasks[1]}", """{"status":"COMPLETED"}"""), 400, "INVALID_REQUEST", "value.decision");
        Check.Error(await api.PatchAsync($"runs/{run.Id}/tasks/task_nope", """{"status":"COMPLETED"}"""), 404, "NOT_FOUND");
        Check.Error(await api.PatchAsync($"runs/run_nope/tasks/{tasks[0]}", """{"status":"COMPLETED"}"""), 404, "NOT_FOUND");

        var partial = await api.PatchAsync($"runs/{run.Id}/tasks/{tasks[1]}", """{"value":{"amount":10}}""");
        Assert.That(partial.Code, Is.EqualTo(200), partial.Raw);
        Assert.That(Check.Str(partial.Body["status"]), Is.EqualTo("PENDING"));

        Assert.That((await api.PatchAsync($"runs/{run.Id}/tasks/{tasks[2]}", """{"status":"SKIPPED"}""")).Code, Is.EqualTo(200));
        var first = await api.PatchAsync($"runs/{run.Id}/tasks/{tasks[0]}", """{"status":"COMPLETED","value":"Approved by legal review on 2026-04-10"}""");
        Assert.That(Check.Str(first.Body["run_id"]), Is.EqualTo(run.Id));
        Assert.That(Check.Str(first.Body["completed_by"]), Does.StartWith("key_"));
        Assert.That(Check.Str((await api.GetAsync("runs/" + run.Id)).Body["status"]), Is.EqualTo("IN_PROGRESS"));

        var last = await api.PatchAsync($"runs/{run.Id}/tasks/{tasks[1]}", """{"status":"COMPLETED","value":{"decision":"approve","amount":10}}""");
        Assert.That(last.Code, Is.EqualTo(200), last.Raw);
        var completed = (await api.GetAsync("runs/" + run.Id)).Body;
        Assert.That(Check.Str(completed["status"]), Is.EqualTo("COMPLETED"));
        Assert.That(Check.Str(completed["completed_at"]), Is.EqualTo(Check.Str(last.Body["completed_at"])));
        Check.Error(await api.PatchAsync($"runs/{run.Id}/tasks/{tasks[2]}", """{"assignee_id":"usr_1"}"""), 409, "CONFLICT");
    }

    [Test]
    public async Task Run_lists_reject_bad_filters_and_hide_other_organizations()
    {
        var api = NewTenant();
        var template = await PublishedAsync(api);
        var run = (await api.PostAsync("runs", $$"""{"template_id":"{{template}}"}""")).Id;
        Check.Error(await api.GetAsync("runs?status=DONE"), 400, "INVALID_REQUEST", "status");
        Check.Error(await api.GetAsync("runs?limit=0"), 400, "INVALID_REQUEST", "limit");
        Check.Error(await api.GetAsync("runs?cursor=%%%"), 400, "INVALID_REQUEST", "cursor");

        var stranger = NewTenant();
        Check.Error(await stranger.GetAsync("runs/" + run), 404, "NOT_FOUND");
        Check.Error(await stranger.PostAsync("runs", $$"""{"template_id":"{{template}}"}"""), 404, "NOT_FOUND");
        Check.Error(await stranger.GetAsync("templates/" + template), 404, "NOT_FOUND");
        Assert.That((await stranger.GetAsync("runs")).Body["data"]!.AsArray(), Is.Empty);
        var denied = Check.Error(await NewTenant(["runs:read"]).PostAsync("runs", $$"""{"template_id":"{{template}}"}"""), 403, "MISSING_SCOPE");
        Assert.That(Check.Str(denied["required_scope"]), Is.EqualTo("runs:execute"));
    }
}

/// <summary>Due dates on a fake clock.</summary>
[TestFixture]
internal sealed class RunOverdueTests
{
    private static readonly HttpClient Http = new();

    [Test]
    public async Task A_run_reads_OVERDUE_after_its_due_date_and_task_due_dates_follow_the_server_clock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 4, 10, 14, 22, 0, TimeSpan.Zero));
        await using var server = await ReferenceServer.StartAsync(new ReferenceServerOptions { TimeProvider = time });
        var api = new Api(Http, server.BaseAddress, server.ApiKey);
        var template = (await api.PostAsync("templates", """{"name":"t","due_in_hours":2,"tasks":[{"name":"a","due_in_hours":1}]}""")).Id;
        await api.PostAsync($"templates/{template}/publish");
        var run = await api.PostAsync("runs", $$"""{"template_id":"{{template}}"}""");
        Assert.That(Check.Str(run.Body["due_date"]), Is.EqualTo("2026-04-10T16:22:00.000Z"));
        Assert.That(Check.Str(run.Body["tasks"]![0]!["due_date"]), Is.EqualTo("2026-04-10T15:22:00.000Z"));

        time.Advance(TimeSpan.FromHours(2));
        Assert.That(Check.Str((await api.GetAsync("runs/" + run.Id)).Body["status"]), Is.EqualTo("IN_PROGRESS"), "due at exactly now is not yet overdue");
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(Check.Str((await api.GetAsync("runs/" + run.Id)).Body["status"]), Is.EqualTo("OVERDUE"));
        Assert.That(Check.Ids((await api.GetAsync("runs?status=OVERDUE")).Body), Is.EqualTo(new[] { run.Id }));
    }
}
