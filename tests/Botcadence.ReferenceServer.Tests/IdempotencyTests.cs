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
        Check.Error(first, 422, "VALIDATION_ERROR", "name");
        var second = await api.PostAsync("workflows", """{"description":"x"}""", Key("bad"));

        // The stored body is replayed byte for byte (so it names the first request id); the replay gets its own X-Request-Id.
        Assert.That(second.Code, Is.EqualTo(422));
        Assert.That(second.Raw, Is.EqualTo(first.Raw));
        Assert.That(second.Header("Idempotent-Replayed"), Is.EqualTo("true"));
        Assert.That(second.Header("X-Request-Id"), Is.Not.EqualTo(first.Header("X-Request-Id")));
    }
}
