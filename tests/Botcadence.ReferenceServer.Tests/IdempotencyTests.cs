using NUnit.Framework;

namespace Botcadence.ReferenceServer.Tests;

[TestFixture]
internal sealed class IdempotencyTests : ServerFixture
{
    private static Action<HttpRequestMessage> Key(string key) => r => r.Headers.Add("Idempotency-Key", key);

    [Test]
    public async Task Same_key_and_body_replays_the_first_response()
    {
        var api = NewTenant();
        var first = await api.PostAsync("workflows", """{"name":"Once"}""", Key("create-1"));
        Assert.That(first.Code, Is.EqualTo(201));
        Assert.That(first.Header("Idempotent-Replayed"), Is.Null);

        var second = await api.PostAsync("workflows", """{"name":"Once"}""", Key("create-1"));
        Assert.That(second.Code, Is.EqualTo(201));
        Assert.That(second.Header("Idempotent-Replayed"), Is.EqualTo("true"));
        Assert.That(second.Id, Is.EqualTo(first.Id));
        Assert.That(second.Raw, Is.EqualTo(first.Raw));
        Assert.That(second.Message.Headers.Location?.ToString(), Is.EqualTo("/v1/workflows/" + first.Id));
        Assert.That(second.Header("X-Request-Id"), Is.Not.EqualTo(first.Header("X-Request-Id")));

        var list = await api.GetAsync("workflows");
        Assert.That(list.Body["total"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task Same_key_with_a_different_body_is_409()
    {
        var api = NewTenant();
        Assert.That((await api.PostAsync("workflows", """{"name":"A"}""", Key("k"))).Code, Is.EqualTo(201));
        Check.Error(await api.PostAsync("workflows", """{"name":"B"}""", Key("k")), 409, "CONFLICT");
        Check.Error(await api.PostAsync("workflows", """{"name":"A" }""", Key("k")), 409, "CONFLICT");
    }

    [Test]
    public async Task Keys_are_per_organization_and_without_key_each_post_creates()
    {
        var a = NewTenant();
        var b = NewTenant();
        var fromA = await a.PostAsync("workflows", """{"name":"A"}""", Key("shared"));
        var fromB = await b.PostAsync("workflows", """{"name":"A"}""", Key("shared"));
        Assert.That(fromB.Header("Idempotent-Replayed"), Is.Null);
        Assert.That(fromB.Id, Is.Not.EqualTo(fromA.Id));

        var one = await a.PostAsync("workflows", """{"name":"A"}""");
        var two = await a.PostAsync("workflows", """{"name":"A"}""");
        Assert.That(two.Id, Is.Not.EqualTo(one.Id));
    }

    [Test]
    public async Task Execute_is_replayed_without_a_second_execution()
    {
        var api = NewTenant();
        var wf = await api.CreateActiveWorkflowAsync();
        var first = await api.PostAsync($"workflows/{wf}/execute", """{"input":{"n":1}}""", Key("exec-1"));
        var second = await api.PostAsync($"workflows/{wf}/execute", """{"input":{"n":1}}""", Key("exec-1"));
        Assert.That(first.Code, Is.EqualTo(202));
        Assert.That(second.Code, Is.EqualTo(202));
        Assert.That(second.Id, Is.EqualTo(first.Id));
        Assert.That(second.Header("Idempotent-Replayed"), Is.EqualTo("true"));
        var list = await api.GetAsync($"workflows/{wf}/executions");
        Assert.That(list.Body["total"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task Concurrent_repeats_create_exactly_one_resource()
    {
        var api = NewTenant();
        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => api.PostAsync("workflows", """{"name":"race"}""", Key("race"))));
        foreach (var response in responses.Where(r => r.Code != 201))
        {
            Check.Error(response, 409, "CONFLICT"); // still in flight
        }

        var created = responses.Where(r => r.Code == 201).ToList();
        Assert.That(created, Is.Not.Empty);
        Assert.That(created.Select(r => r.Id).Distinct().Count(), Is.EqualTo(1));
        Assert.That(created.Count(r => r.Header("Idempotent-Replayed") is null), Is.EqualTo(1));
        Assert.That((await api.GetAsync("workflows")).Body["total"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task Error_responses_are_replayed_too()
    {
        var api = NewTenant();
        var first = await api.PostAsync("workflows", """{"description":"x"}""", Key("bad"));
        Check.Error(first, 400, "INVALID_REQUEST", "name");
        var second = await api.PostAsync("workflows", """{"description":"x"}""", Key("bad"));

        // The stored body is replayed byte for byte (so it names the first request id); the replay gets its own X-Request-Id.
        Assert.That(second.Code, Is.EqualTo(400));
        Assert.That(second.Raw, Is.EqualTo(first.Raw));
        Assert.That(second.Header("Idempotent-Replayed"), Is.EqualTo("true"));
        Assert.That(second.Header("X-Request-Id"), Is.Not.EqualTo(first.Header("X-Request-Id")));
    }

    private static Task<ApiResponse> Send(Api api, HttpMethod method, string path, string? body, string key) =>
        api.SendAsync(method, path, body, configure: r => r.Headers.Add("Idempotency-Key", key));

    [Test]
    public async Task A_repeated_delete_with_the_same_key_replays_the_204_instead_of_404()
    {
        var api = NewTenant();
        var wf = (await api.CreateWorkflowAsync("""{"name":"doomed"}"""))["id"]!.GetValue<string>();

        var first = await Send(api, HttpMethod.Delete, "workflows/" + wf, null, "del-1");
        Assert.That(first.Code, Is.EqualTo(204), first.Raw);
        Assert.That(first.Header("Idempotent-Replayed"), Is.Null);

        // The response was "lost"; the client retries with the same key: success, not 404.
        var retry = await Send(api, HttpMethod.Delete, "workflows/" + wf, null, "del-1");
        Assert.That(retry.Code, Is.EqualTo(204), retry.Raw);
        Assert.That(retry.Raw, Is.Empty);
        Assert.That(retry.Header("Idempotent-Replayed"), Is.EqualTo("true"));

        // Without the key (or with a new one) the delete really runs again and finds nothing.
        Check.Error(await api.DeleteAsync("workflows/" + wf), 404, "NOT_FOUND");
        Check.Error(await Send(api, HttpMethod.Delete, "workflows/" + wf, null, "del-2"), 404, "NOT_FOUND");

        // Credentials and webhooks: the same for every DELETE.
        var cred = await api.PostAsync("credentials", """{"name":"c","type":"api_key","value":"v"}""");
        Assert.That((await Send(api, HttpMethod.Delete, "credentials/" + cred.Id, null, "del-c")).Code, Is.EqualTo(204));
        var again = await Send(api, HttpMethod.Delete, "credentials/" + cred.Id, null, "del-c");
        Assert.That(again.Code, Is.EqualTo(204), again.Raw);
        Assert.That(again.Header("Idempotent-Replayed"), Is.EqualTo("true"));
    }

    [Test]
    public async Task A_repeated_patch_or_put_replays_the_first_body_and_changes_nothing_more()
    {
        var api = NewTenant();
        var wf = (await api.CreateWorkflowAsync("""{"name":"v1"}"""))["id"]!.GetValue<string>();

        var patch = await Send(api, HttpMethod.Patch, "workflows/" + wf, """{"name":"v2"}""", "patch-1");
        Assert.That(patch.Code, Is.EqualTo(200), patch.Raw);
        Assert.That(patch.Header("Idempotent-Replayed"), Is.Null);

        // Someone else changes the workflow in between; the replay still answers the first response, and does not re-apply.
        Assert.That((await api.PatchAsync("workflows/" + wf, """{"description":"other"}""")).Code, Is.EqualTo(200));
        var patchAgain = await Send(api, HttpMethod.Patch, "workflows/" + wf, """{"name":"v2"}""", "patch-1");
        Assert.That(patchAgain.Code, Is.EqualTo(200));
        Assert.That(patchAgain.Raw, Is.EqualTo(patch.Raw));
        Assert.That(patchAgain.Header("Idempotent-Replayed"), Is.EqualTo("true"));
        var current = await api.GetAsync("workflows/" + wf);
        Assert.That(current.Body["description"]!.GetValue<string>(), Is.EqualTo("other"));

        var put = await Send(api, HttpMethod.Put, "workflows/" + wf, """{"name":"v3"}""", "put-1");
        Assert.That(put.Code, Is.EqualTo(200), put.Raw);
        Assert.That((await api.PatchAsync("workflows/" + wf, """{"name":"v4"}""")).Code, Is.EqualTo(200));
        var putAgain = await Send(api, HttpMethod.Put, "workflows/" + wf, """{"name":"v3"}""", "put-1");
        Assert.That(putAgain.Code, Is.EqualTo(200));
        Assert.That(putAgain.Raw, Is.EqualTo(put.Raw));
        Assert.That(putAgain.Header("Idempotent-Replayed"), Is.EqualTo("true"));
        Assert.That((await api.GetAsync("workflows/" + wf)).Body["name"]!.GetValue<string>(), Is.EqualTo("v4"), "the replayed PUT did not run again");
    }

    [Test]
    public async Task The_same_key_with_a_different_method_path_or_body_is_409()
    {
        var api = NewTenant();
        var a = (await api.CreateWorkflowAsync("""{"name":"a"}"""))["id"]!.GetValue<string>();
        var b = (await api.CreateWorkflowAsync("""{"name":"b"}"""))["id"]!.GetValue<string>();

        Assert.That((await Send(api, HttpMethod.Patch, "workflows/" + a, """{"name":"a2"}""", "k")).Code, Is.EqualTo(200));
        Check.Error(await Send(api, HttpMethod.Put, "workflows/" + a, """{"name":"a2"}""", "k"), 409, "CONFLICT");
        Check.Error(await Send(api, HttpMethod.Patch, "workflows/" + b, """{"name":"a2"}""", "k"), 409, "CONFLICT");
        Check.Error(await Send(api, HttpMethod.Patch, "workflows/" + a, """{"name":"a3"}""", "k"), 409, "CONFLICT");
        Check.Error(await Send(api, HttpMethod.Delete, "workflows/" + a, null, "k"), 409, "CONFLICT");
        Check.Error(await Send(api, HttpMethod.Post, "workflows", """{"name":"a2"}""", "k"), 409, "CONFLICT");

        // None of the conflicting requests ran.
        Assert.That((await api.GetAsync("workflows/" + a)).Body["name"]!.GetValue<string>(), Is.EqualTo("a2"));
        Assert.That((await api.GetAsync("workflows/" + b)).Body["name"]!.GetValue<string>(), Is.EqualTo("b"));
        Assert.That((await api.GetAsync("workflows")).Body["total"]!.GetValue<int>(), Is.EqualTo(2));
    }
}
