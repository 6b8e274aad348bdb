using System.Text.Json.Nodes;
using NUnit.Framework;

namespace Botcadence.ReferenceServer.Tests;

[TestFixture]
internal sealed class WorkflowTests : ServerFixture
{
    private const string Seed000Body = """
        {"name":"New Workflow","trigger":{"type":"webhook","event":"user.created"},
         "actions":[{"type":"send_email","config":{"to":"{{user.email}}","subject":"Welcome!","body":"Thanks for joining!"}}]}
        """;

    [Test]
    public async Task Create_returns_201_location_and_the_full_object()
    {
        var api = NewTenant();
        var response = await api.PostAsync("workflows", Seed000Body);
        Assert.That(response.Code, Is.EqualTo(201), response.Raw);
        var wf = response.Body;
        Assert.That(response.Message.Headers.Location?.ToString(), Is.EqualTo("/v1/workflows/" + response.Id));
        Assert.That(response.Id, Does.Match("^wf_[0-9a-f]{16}$"));
        Assert.That(Check.Str(wf["name"]), Is.EqualTo("New Workflow"));
        Assert.That(Check.Str(wf["status"]), Is.EqualTo("draft"));
        Assert.That(wf["description"], Is.Null);
        Assert.That(wf.AsObject().ContainsKey("description"), Is.True, "nulls are written");
        Assert.That(wf.AsObject().ContainsKey("channel"), Is.True);
        Assert.That(Check.Str(wf["trigger"]!["type"]), Is.EqualTo("webhook"));
        Assert.That(Check.Str(wf["trigger"]!["event"]), Is.EqualTo("user.created"));
        Assert.That(Check.Str(wf["actions"]![0]!["id"]), Is.EqualTo("act_1"));
        Assert.That(Check.Str(wf["actions"]![0]!["config"]!["to"]), Is.EqualTo("{{user.email}}"));
        Assert.That(Check.Str(wf["created_at"]), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"));
        Assert.That(wf["updated_at"]!.GetValue<string>(), Is.EqualTo(wf["created_at"]!.GetValue<string>()));
        Assert.That(wf["activated_at"], Is.Null);
        Assert.That(wf["execution_count"]!.GetValue<int>(), Is.Zero);
        Assert.That(wf.AsObject().ContainsKey("success_rate") && wf["success_rate"] is null, Is.True);

        var fetched = await api.GetAsync("workflows/" + response.Id);
        Assert.That(fetched.Code, Is.EqualTo(200));
        Assert.That(JsonNode.DeepEquals(fetched.Body, wf), Is.True);
    }

    [Test]
    public async Task Create_active_sets_activated_at_and_action_ids_are_kept_or_assigned()
    {
        var api = NewTenant();
        var wf = await api.CreateWorkflowAsync("""{"name":"x","status":"active","actions":[{"type":"a"},{"id":"custom","type":"b"},{"type":"c"}]}""");
        Assert.That(Check.Str(wf["status"]), Is.EqualTo("active"));
        Assert.That(wf["activated_at"], Is.Not.Null);
        var ids = wf["actions"]!.AsArray().Select(a => Check.Str(a!["id"])).ToList();
        Assert.That(ids, Is.EqualTo(new[] { "act_1", "custom", "act_3" }));
        Assert.That(wf["actions"]![0]!["config"]!.AsObject(), Is.Empty);
    }

    [Test]
    public async Task Patch_replaces_present_fields_and_null_clears()
    {
        var api = NewTenant();
        var wf = await api.CreateWorkflowAsync("""{"name":"x","description":"d","channel":"email","trigger":{"type":"webhook"},"actions":[{"type":"a"}]}""");
        var id = Check.Str(wf["id"]);
        var time = Check.Str(wf["updated_at"]);

        var patched = await api.PatchAsync("workflows/" + id, """{"description":null,"channel":null,"trigger":null}""");
        Assert.That(patched.Code, Is.EqualTo(200), patched.Raw);
        Assert.That(patched.Body["description"], Is.Null);
        Assert.That(patched.Body["channel"], Is.Null);
        Assert.That(patched.Body["trigger"], Is.Null);
        Assert.That(Check.Str(patched.Body["name"]), Is.EqualTo("x"));
        Assert.That(patched.Body["actions"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(string.CompareOrdinal(Check.Str(patched.Body["updated_at"]), time), Is.GreaterThanOrEqualTo(0));

        var renamed = await api.PatchAsync("workflows/" + id, """{"name":"renamed","status":"active"}""");
        Assert.That(Check.Str(renamed.Body["name"]), Is.EqualTo("renamed"));
        Assert.That(Check.Str(renamed.Body["status"]), Is.EqualTo("active"));
        Assert.That(renamed.Body["activated_at"], Is.Not.Null);
    }

    [Test]
    public async Task Put_resets_omitted_fields_but_keeps_status()
    {
        var api = NewTenant();
        var wf = await api.CreateWorkflowAsync("""{"name":"x","description":"d","channel":"email","status":"active","trigger":{"type":"webhook"},"actions":[{"type":"a"}]}""");
        var id = Check.Str(wf["id"]);

        var put = await api.PutAsync("workflows/" + id, """{"name":"only name"}""");
        Assert.That(put.Code, Is.EqualTo(200), put.Raw);
        Assert.That(Check.Str(put.Body["name"]), Is.EqualTo("only name"));
        Assert.That(put.Body["description"], Is.Null);
        Assert.That(put.Body["channel"], Is.Null);
        Assert.That(put.Body["trigger"], Is.Null);
        Assert.That(put.Body["actions"]!.AsArray(), Is.Empty);
        Assert.That(Check.Str(put.Body["status"]), Is.EqualTo("active"));
        Assert.That(Check.Str(put.Body["created_at"]), Is.EqualTo(Check.Str(wf["created_at"])));

        var withStatus = await api.PutAsync("workflows/" + id, """{"name":"n","status":"inactive"}""");
        Assert.That(Check.Str(withStatus.Body["status"]), Is.EqualTo("inactive"));
        Assert.That(withStatus.Body["deactivated_at"], Is.Not.Null);
    }

    [Test]
    public async Task Delete_is_204_then_404()
    {
        var api = NewTenant();
        var id = Check.Str((await api.CreateWorkflowAsync("""{"name":"x"}"""))["id"]);
        var deleted = await api.DeleteAsync("workflows/" + id);
        Assert.That(deleted.Code, Is.EqualTo(204));
        Assert.That(deleted.Raw, Is.Empty);
        Assert.That(deleted.Header("X-Request-Id"), Is.Not.Null);
        Check.Error(await api.GetAsync("workflows/" + id), 404, "NOT_FOUND");
        Check.Error(await api.DeleteAsync("workflows/" + id), 404, "NOT_FOUND");
    }

    [Test]
    public async Task Activate_is_idempotent_and_deactivate_stamps()
    {
        var api = NewTenant();
        var id = Check.Str((await api.CreateWorkflowAsync("""{"name":"x"}"""))["id"]);
        var first = await api.PostAsync($"workflows/{id}/activate");
        Assert.That(first.Code, Is.EqualTo(200), first.Raw);
        Assert.That(Check.Str(first.Body["status"]), Is.EqualTo("active"));
        var activatedAt = Check.Str(first.Body["activated_at"]);

        var second = await api.PostAsync($"workflows/{id}/activate");
        Assert.That(second.Code, Is.EqualTo(200));
        Assert.That(Check.Str(second.Body["activated_at"]), Is.EqualTo(activatedAt));

        var off = await api.PostAsync($"workflows/{id}/deactivate");
        Assert.That(Check.Str(off.Body["status"]), Is.EqualTo("inactive"));
        Assert.That(off.Body["deactivated_at"], Is.Not.Null);
    }

    [Test]
    public async Task Page_pagination_walks_three_pages_with_total()
    {
        var api = NewTenant();
        var created = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            created.Add(Check.Str((await api.CreateWorkflowAsync($$"""{"name":"wf {{i}}"}"""))["id"]));
        }

        created.Reverse(); // newest first
        var seen = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var response = await api.GetAsync($"workflows?page={page}&per_page=3");
            Assert.That(response.Body["total"]!.GetValue<int>(), Is.EqualTo(7));
            Assert.That(response.Body["page"]!.GetValue<int>(), Is.EqualTo(page));
            Assert.That(response.Body["per_page"]!.GetValue<int>(), Is.EqualTo(3));
            seen.AddRange(Check.Ids(response.Body));
        }

        Assert.That(seen, Is.EqualTo(created));
        var past = await api.GetAsync("workflows?page=4&per_page=3");
        Assert.That(past.Body["data"]!.AsArray(), Is.Empty);
        Assert.That(past.Body["total"]!.GetValue<int>(), Is.EqualTo(7));

        var alias = await api.GetAsync("workflows?limit=2");
        Assert.That(alias.Body["per_page"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(Check.Ids(alias.Body), Is.EqualTo(created.Take(2)));

        var defaults = await api.GetAsync("workflows");
        Assert.That(defaults.Body["page"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(defaults.Body["per_page"]!.GetValue<int>(), Is.EqualTo(20));
    }

    [Test]
    public async Task Filters_status_search_and_channel()
    {
        var api = NewTenant();
        var welcome = Check.Str((await api.CreateWorkflowAsync("""{"name":"Welcome Email","channel":"email","status":"active"}"""))["id"]);
        var digest = Check.Str((await api.CreateWorkflowAsync("""{"name":"Digest","description":"weekly WELCOME recap","channel":"email"}"""))["id"]);
        var sms = Check.Str((await api.CreateWorkflowAsync("""{"name":"SMS ping","channel":"sms","status":"inactive"}"""))["id"]);

        Assert.That(Check.Ids((await api.GetAsync("workflows?status=active")).Body), Is.EqualTo(new[] { welcome }));
        Assert.That(Check.Ids((await api.GetAsync("workflows?status=draft")).Body), Is.EqualTo(new[] { digest }));
        Assert.That(Check.Ids((await api.GetAsync("workflows?status=inactive")).Body), Is.EqualTo(new[] { sms }));
        Assert.That(Check.Ids((await api.GetAsync("workflows?search=welcome")).Body), Is.EqualTo(new[] { digest, welcome }));
        Assert.That(Check.Ids((await api.GetAsync("workflows?search=PING")).Body), Is.EqualTo(new[] { sms }));
        Assert.That(Check.Ids((await api.GetAsync("workflows?channel=email")).Body), Is.EqualTo(new[] { digest, welcome }));
        Assert.That(Check.Ids((await api.GetAsync("workflows?channel=Email")).Body), Is.Empty);
        var combined = await api.GetAsync("workflows?channel=email&status=active&search=mail");
        Assert.That(Check.Ids(combined.Body), Is.EqualTo(new[] { welcome }));
        Assert.That(combined.Body["total"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task Execute_on_inactive_or_draft_is_409()
    {
        var api = NewTenant();
        var draft = Check.Str((await api.CreateWorkflowAsync("""{"name":"draft"}"""))["id"]);
        var error = Check.Error(await api.PostAsync($"workflows/{draft}/execute", """{"input":{}}"""), 409, "CONFLICT");
        Assert.That(error["message"]!.GetValue<string>(), Does.Contain(draft).And.Contain("not active"));

        await api.PostAsync($"workflows/{draft}/activate");
        await api.PostAsync($"workflows/{draft}/deactivate");
        Check.Error(await api.PostAsync($"workflows/{draft}/execute"), 409, "CONFLICT");
    }
}
