using NUnit.Framework;

namespace Botcadence.ReferenceServer.Tests;

[TestFixture]
internal sealed class WebhookTests : ServerFixture
{
    [Test]
    public async Task The_seed_000_create_webhook_call_works_verbatim()
    {
        var api = NewTenant();
        var workflowId = await api.CreateActiveWorkflowAsync();

        // curl -X POST https://api.botcadence.com/v1/webhooks -H "Authorization: Bearer YOUR_API_KEY" -H "Content-Type: application/json" -d '{ … }'
        var response = await api.PostAsync("webhooks", $$"""
            {
            "workflow_id": "{{workflowId}}",
            "event": "user.created"
            }
            """);

        Assert.That(response.Code, Is.EqualTo(201), response.Raw);
        var hook = response.Body;
        Assert.That(response.Id, Does.Match("^hook_[0-9a-f]{16}$"));
        Assert.That(Check.Str(hook["kind"]), Is.EqualTo("trigger"));
        Assert.That(Check.Str(hook["url"]), Is.EqualTo(Server.RootAddress.AbsoluteUri + "webhooks/" + response.Id));
        Assert.That(Check.Str(hook["workflow_id"]), Is.EqualTo(workflowId));
        Assert.That(Check.Str(hook["event"]), Is.EqualTo("user.created"));
        Assert.That(Check.Str(hook["created_at"]), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"));
        Assert.That(response.Message.Headers.Location?.ToString(), Is.EqualTo("/v1/webhooks/" + response.Id));

        var inbound = await Anonymous().SendAsync(HttpMethod.Post, Check.Str(hook["url"]), """{"user":{"email":"a@b.c"}}""");
        Assert.That(inbound.Code, Is.EqualTo(202), inbound.Raw);
        Assert.That(Check.Str(inbound.Body["execution_id"]), Does.StartWith("exec_"));
        Assert.That(Check.Str(inbound.Body["status"]), Is.EqualTo("pending"));
    }

    [Test]
    public async Task A_subscription_secret_is_generated_and_never_listed()
    {
        var api = NewTenant();
        var created = await api.PostAsync("webhooks", """{"url":"https://example.com/h","events":["run.completed","run.overdue"],"description":"ERP"}""");
        Assert.That(created.Code, Is.EqualTo(201), created.Raw);
        Assert.That(Check.Str(created.Body["kind"]), Is.EqualTo("subscription"));
        Assert.That(Check.Str(created.Body["secret"]), Does.Match("^whsec_[A-Za-z0-9+/]{43}=$"));

        var got = await api.GetAsync("webhooks/" + created.Id);
        var list = await api.GetAsync("webhooks");
        Assert.That(got.Body.AsObject().ContainsKey("secret"), Is.False);
        Assert.That(list.Body["data"]![0]!.AsObject().ContainsKey("secret"), Is.False);
        Assert.That(list.Body["total"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(list.Body["per_page"]!.GetValue<int>(), Is.EqualTo(20));
    }

    [TestCase("""{"url":"https://example.com/h"}""", 400, "INVALID_REQUEST", "events")]
    [TestCase("""{"events":["*"]}""", 400, "INVALID_REQUEST", "url")]
    [TestCase("""{"url":"mailto:x@y.z","events":["*"]}""", 422, "VALIDATION_ERROR", "url")]
    [TestCase("""{"url":"https://example.com/h","events":"run.completed"}""", 400, "INVALID_REQUEST", "events")]
    [TestCase("""{"url":"https://example.com/h","events":["run.completed",7]}""", 400, "INVALID_REQUEST", "events[1]")]
    [TestCase("""{"url":"https://example.com/h","events":["run.finished"]}""", 422, "VALIDATION_ERROR", "events[0]")]
    [TestCase("""{"url":"https://example.com/h","events":["*"],"secret":"whsec_short"}""", 422, "VALIDATION_ERROR", "secret")]
    [TestCase("""{"url":"https://example.com/h","events":["*"],"colour":"red"}""", 422, "VALIDATION_ERROR", "colour")]
    [TestCase("""{"workflow_id":"wf_x","url":"https://example.com/h"}""", 422, "VALIDATION_ERROR", "workflow_id")]
    [TestCase("""{"workflow_id":42}""", 400, "INVALID_REQUEST", "workflow_id")]
    [TestCase("""[]""", 400, "INVALID_REQUEST", null)]
    public async Task Bad_creates_are_4xx_envelopes_naming_the_field(string body, int status, string code, string? field)
    {
        var response = await NewTenant().PostAsync("webhooks", body);
        Check.Error(response, status, code, field);
    }

    [Test]
    public async Task Unknown_or_other_organization_workflows_and_webhooks_are_404()
    {
        var owner = NewTenant();
        var stranger = NewTenant();
        var workflowId = await owner.CreateActiveWorkflowAsync();
        var hook = await owner.PostAsync("webhooks", $$"""{"workflow_id":"{{workflowId}}"}""");

        Check.Error(await stranger.PostAsync("webhooks", $$"""{"workflow_id":"{{workflowId}}"}"""), 404, "NOT_FOUND");
        Check.Error(await stranger.GetAsync("webhooks/" + hook.Id), 404, "NOT_FOUND");
        Check.Error(await stranger.DeleteAsync("webhooks/" + hook.Id), 404, "NOT_FOUND");
        Check.Error(await stranger.GetAsync("webhooks/" + hook.Id + "/deliveries"), 404, "NOT_FOUND");
        Check.Error(await owner.GetAsync("webhooks?kind=other"), 400, "INVALID_REQUEST", "kind");
        Check.Error(await owner.PostAsync("webhooks/" + hook.Id + "/rotate-secret"), 409, "CONFLICT");

        Assert.That((await owner.DeleteAsync("webhooks/" + hook.Id)).Code, Is.EqualTo(204));
        Check.Error(await owner.GetAsync("webhooks/" + hook.Id), 404, "NOT_FOUND");
    }

    [Test]
    public async Task The_inbound_trigger_needs_no_key_and_answers_with_envelopes()
    {
        var api = NewTenant();
        var workflowId = await api.CreateActiveWorkflowAsync();
        var url = Check.Str((await api.PostAsync("webhooks", $$"""{"workflow_id":"{{workflowId}}","event":"user.created"}""")).Body["url"]);
        var anonymous = Anonymous();

        Check.Error(await anonymous.SendAsync(HttpMethod.Post, url, "not json", "text/plain"), 415, "INVALID_REQUEST");
        Check.Error(await anonymous.SendAsync(HttpMethod.Post, url, "{\"a\":"), 400, "INVALID_REQUEST");
        Check.Error(await anonymous.SendAsync(HttpMethod.Post, Server.RootAddress.AbsoluteUri + "webhooks/hook_unknown", "{}"), 404, "NOT_FOUND");

        var accepted = await anonymous.SendAsync(HttpMethod.Post, url, """{"n":1}""");
        Assert.That(accepted.Code, Is.EqualTo(202), accepted.Raw);
        var execution = await api.PollExecutionAsync(Check.Str(accepted.Body["execution_id"]), e => Check.Str(e["status"]) == "completed");
        Assert.That(execution["input"]!["n"]!.GetValue<int>(), Is.EqualTo(1));

        Assert.That((await api.PostAsync($"workflows/{workflowId}/deactivate")).Code, Is.EqualTo(200));
        Check.Error(await anonymous.SendAsync(HttpMethod.Post, url, "{}"), 409, "CONFLICT");
    }

    [Test]
    public async Task Rotation_validates_the_grace_period()
    {
        var api = NewTenant();
        var hook = await api.PostAsync("webhooks", """{"url":"https://example.com/h","events":["*"]}""");
        Check.Error(await api.PostAsync($"webhooks/{hook.Id}/rotate-secret", """{"grace_period_seconds":-1}"""), 422, "VALIDATION_ERROR", "grace_period_seconds");
        Check.Error(await api.PostAsync($"webhooks/{hook.Id}/rotate-secret", """{"grace_period_seconds":"soon"}"""), 400, "INVALID_REQUEST", "grace_period_seconds");
        Check.Error(await api.PostAsync($"webhooks/{hook.Id}/test", """{"event":"nope"}"""), 422, "VALIDATION_ERROR", "event");

        var rotated = await api.PostAsync($"webhooks/{hook.Id}/rotate-secret", """{"grace_period_seconds":0}""");
        Assert.That(rotated.Code, Is.EqualTo(200), rotated.Raw);
        Assert.That(Check.Str(rotated.Body["secret"]), Is.Not.EqualTo(Check.Str(hook.Body["secret"])));
        Assert.That(rotated.Body["previous_secret_expires_at"], Is.Null);
    }
}
