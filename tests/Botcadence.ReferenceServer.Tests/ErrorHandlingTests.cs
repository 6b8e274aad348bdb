using NUnit.Framework;

namespace Botcadence.ReferenceServer.Tests;

[TestFixture]
internal sealed class ErrorHandlingTests : ServerFixture
{
    [TestCase("{\"name\":", TestName = "Truncated JSON")]
    [TestCase("{name: 'x'}", TestName = "Unquoted JSON")]
    [TestCase("{\"name\":\"a\",}", TestName = "Trailing comma")]
    [TestCase("{\"name\":\"a\",\"name\":\"b\"}", TestName = "Duplicate property")]
    [TestCase("[{\"name\":\"a\"}]", TestName = "Array body")]
    [TestCase("\"just a string\"", TestName = "String body")]
    [TestCase("42", TestName = "Number body")]
    [TestCase("null", TestName = "Null body")]
    public async Task Malformed_or_non_object_body_is_400(string body)
    {
        var api = NewTenant();
        var response = await api.PostAsync("workflows", body);
        Check.Error(response, 400, "INVALID_REQUEST");
    }

    [Test]
    public async Task Empty_body_on_create_is_400()
    {
        var response = await NewTenant().SendAsync(HttpMethod.Post, "workflows", body: null);
        Check.Error(response, 400, "INVALID_REQUEST");
    }

    [TestCase("{\"description\":\"no name\"}", "name", 400)]
    [TestCase("{\"name\":null}", "name", 400)]
    [TestCase("{\"name\":5}", "name", 400)]
    [TestCase("{\"name\":\"\"}", "name", 422)]
    [TestCase("{\"name\":\"   \"}", "name", 422)]
    [TestCase("{\"name\":true}", "name", 400)]
    [TestCase("{\"name\":\"a\",\"description\":5}", "description", 400)]
    [TestCase("{\"name\":\"a\",\"channel\":[]}", "channel", 400)]
    [TestCase("{\"name\":\"a\",\"status\":\"bogus\"}", "status", 422)]
    [TestCase("{\"name\":\"a\",\"status\":1}", "status", 400)]
    [TestCase("{\"name\":\"a\",\"trigger\":\"webhook\"}", "trigger", 400)]
    [TestCase("{\"name\":\"a\",\"trigger\":{}}", "trigger.type", 400)]
    [TestCase("{\"name\":\"a\",\"trigger\":{\"type\":1}}", "trigger.type", 400)]
    [TestCase("{\"name\":\"a\",\"trigger\":{\"type\":\"webhook\",\"event\":1}}", "trigger.event", 400)]
    [TestCase("{\"name\":\"a\",\"trigger\":{\"type\":\"webhook\",\"keywords\":\"x\"}}", "trigger.keywords", 400)]
    [TestCase("{\"name\":\"a\",\"trigger\":{\"type\":\"webhook\",\"keywords\":[\"a\",2]}}", "trigger.keywords[1]", 400)]
    [TestCase("{\"name\":\"a\",\"trigger\":{\"type\":\"webhook\",\"config\":[]}}", "trigger.config", 400)]
    [TestCase("{\"name\":\"a\",\"actions\":{}}", "actions", 400)]
    [TestCase("{\"name\":\"a\",\"actions\":[1]}", "actions[0]", 400)]
    [TestCase("{\"name\":\"a\",\"actions\":[{\"type\":\"x\"},{\"config\":{}}]}", "actions[1].type", 400)]
    [TestCase("{\"name\":\"a\",\"actions\":[{\"type\":7}]}", "actions[0].type", 400)]
    [TestCase("{\"name\":\"a\",\"actions\":[{\"type\":\"x\",\"config\":\"y\"}]}", "actions[0].config", 400)]
    [TestCase("{\"name\":\"a\",\"actions\":[{\"type\":\"x\",\"id\":3}]}", "actions[0].id", 400)]
    [TestCase("{\"name\":\"a\",\"actions\":[{\"type\":\"x\",\"id\":\"s\"},{\"type\":\"y\",\"id\":\"s\"}]}", "actions[1].id", 422)]
    public async Task Invalid_field_is_rejected_naming_the_field(string body, string field, int status)
    {
        var api = NewTenant();
        var created = await api.PostAsync("workflows", body);
        Check.Field(created, status, field);

        // PUT has the same rules.
        var wf = await api.CreateWorkflowAsync("""{"name":"target"}""");
        var replaced = await api.PutAsync("workflows/" + Check.Str(wf["id"]), body);
        Check.Field(replaced, status, field);
    }

    [Test]
    public async Task Name_longer_than_200_is_422()
    {
        var response = await NewTenant().PostAsync("workflows", $$"""{"name":"{{new string('x', 201)}}"}""");
        Check.Error(response, 422, "VALIDATION_ERROR", "name");
    }

    [TestCase("{\"name\":null}", "name")]
    [TestCase("{\"status\":null}", "status")]
    [TestCase("{\"actions\":null}", "actions")]
    [TestCase("{\"trigger\":{\"event\":\"x\"}}", "trigger.type")]
    public async Task Null_or_missing_required_in_a_patch_is_400(string body, string field)
    {
        var api = NewTenant();
        var wf = await api.CreateWorkflowAsync("""{"name":"target"}""");
        Check.Error(await api.PatchAsync("workflows/" + Check.Str(wf["id"]), body), 400, "INVALID_REQUEST", field);
    }

    [TestCase("{\"input\":5}")]
    [TestCase("{\"input\":\"x\"}")]
    [TestCase("{\"input\":[1]}")]
    public async Task Execute_with_non_object_input_is_400(string body)
    {
        var api = NewTenant();
        var id = await api.CreateActiveWorkflowAsync();
        Check.Error(await api.PostAsync($"workflows/{id}/execute", body), 400, "INVALID_REQUEST", "input");
    }

    [Test]
    public async Task Unknown_route_is_404_envelope()
    {
        Check.Error(await DefaultApi.GetAsync("nope"), 404, "NOT_FOUND");
        Check.Error(await DefaultApi.GetAsync("workflows/wf_1/unknown/deeper"), 404, "NOT_FOUND");
    }

    [Test]
    public async Task Wrong_method_is_405_with_allow()
    {
        var response = await DefaultApi.PostAsync("workflows/wf_x", "{}");
        Check.Error(response, 405, "INVALID_REQUEST");
        var allow = response.Message.Content.Headers.Allow.Concat(response.Message.Headers.TryGetValues("Allow", out var a) ? a : []).ToList();
        Assert.That(allow, Does.Contain("GET").And.Contain("PATCH").And.Contain("PUT").And.Contain("DELETE"));

        var onExecutions = await DefaultApi.DeleteAsync("executions");
        Check.Error(onExecutions, 405, "INVALID_REQUEST");
    }

    [TestCase("workflows?per_page=0", "per_page")]
    [TestCase("workflows?per_page=abc", "per_page")]
    [TestCase("workflows?per_page=1000", "per_page")]
    [TestCase("workflows?per_page=-1", "per_page")]
    [TestCase("workflows?per_page=1.5", "per_page")]
    [TestCase("workflows?limit=0", "limit")]
    [TestCase("workflows?limit=101", "limit")]
    [TestCase("workflows?page=0", "page")]
    [TestCase("workflows?page=x", "page")]
    [TestCase("workflows?page=99999999999", "page")]
    [TestCase("workflows?status=bogus", "status")]
    [TestCase("workflows?status=active&status=draft", "status")]
    [TestCase("executions?limit=0", "limit")]
    [TestCase("executions?limit=abc", "limit")]
    [TestCase("executions?limit=101", "limit")]
    [TestCase("executions?status=success", "status")]
    [TestCase("executions?cursor=garbage", "cursor")]
    [TestCase("executions?cursor=%21%21%21", "cursor")]
    [TestCase("executions?cursor=YzE6eHl6", "cursor")]
    public async Task Bad_query_value_is_400_naming_it(string pathAndQuery, string field)
    {
        Check.Error(await DefaultApi.GetAsync(pathAndQuery), 400, "INVALID_REQUEST", field);
    }

    [TestCase("from=notadate", "from")]
    [TestCase("to=2026-13-01", "to")]
    [TestCase("from=12345", "from")]
    [TestCase("per_page=0", "per_page")]
    [TestCase("status=done", "status")]
    public async Task Bad_execution_list_query_is_400(string query, string field)
    {
        var api = NewTenant();
        var id = await api.CreateActiveWorkflowAsync();
        Check.Error(await api.GetAsync($"workflows/{id}/executions?{query}"), 400, "INVALID_REQUEST", field);
    }

    [TestCase("start_date=yesterday", "start_date")]
    [TestCase("end_date=2026-02-30", "end_date")]
    [TestCase("start_date=2026-03-05&end_date=2026-03-01", "start_date")]
    [TestCase("granularity=year", "granularity")]
    [TestCase("start_date=2020-01-01&end_date=2026-01-01&granularity=hour", "granularity")]
    public async Task Bad_metrics_query_is_400(string query, string field)
    {
        var api = NewTenant();
        var id = await api.CreateActiveWorkflowAsync();
        Check.Error(await api.GetAsync($"workflows/{id}/metrics?{query}"), 400, "INVALID_REQUEST", field);
    }

    [Test]
    public async Task Oversized_body_is_413()
    {
        var big = "{\"name\":\"" + new string('x', 1024 * 1024 + 10) + "\"}";
        var response = await NewTenant().PostAsync("workflows", big);
        Check.Error(response, 413, "INVALID_REQUEST");
    }

    [TestCase("text/plain")]
    [TestCase("application/x-www-form-urlencoded")]
    [TestCase(null)]
    public async Task Non_json_content_type_is_415(string? contentType)
    {
        var api = NewTenant();
        var response = await api.SendAsync(HttpMethod.Post, "workflows", """{"name":"x"}""", contentType);
        Check.Error(response, 415, "INVALID_REQUEST");

        var wf = await api.CreateWorkflowAsync("""{"name":"target"}""");
        var patch = await api.SendAsync(HttpMethod.Patch, "workflows/" + Check.Str(wf["id"]), """{"name":"y"}""", contentType);
        Check.Error(patch, 415, "INVALID_REQUEST");
    }

    [Test]
    public async Task Json_content_type_variants_are_accepted()
    {
        var api = NewTenant();
        var response = await api.SendAsync(HttpMethod.Post, "workflows", """{"name":"x"}""", "application/json; charset=utf-8");
        Assert.That(response.Code, Is.EqualTo(201), response.Raw);
        response = await api.SendAsync(HttpMethod.Post, "workflows", """{"name":"y"}""", "application/merge-patch+json");
        Assert.That(response.Code, Is.EqualTo(201), response.Raw);
    }

    [Test]
    public async Task Idempotency_key_too_long_is_400()
    {
        var response = await NewTenant().PostAsync("workflows", """{"name":"x"}""", r => r.Headers.Add("Idempotency-Key", new string('k', 256)));
        Check.Error(response, 400, "INVALID_REQUEST");
    }

    [Test]
    public async Task Unknown_ids_are_404_envelopes()
    {
        var api = NewTenant();
        Check.Error(await api.GetAsync("workflows/wf_0000000000000000"), 404, "NOT_FOUND");
        Check.Error(await api.GetAsync("executions/exec_0000000000000000"), 404, "NOT_FOUND");
        Check.Error(await api.GetAsync("workflows/wf_0000000000000000/executions"), 404, "NOT_FOUND");
        Check.Error(await api.GetAsync("workflows/wf_0000000000000000/metrics"), 404, "NOT_FOUND");
        Check.Error(await api.PostAsync("workflows/wf_0000000000000000/execute"), 404, "NOT_FOUND");
    }

    [Test]
    public async Task Request_id_is_generated_or_echoed()
    {
        var generated = await DefaultApi.GetAsync("workflows");
        Assert.That(generated.Header("X-Request-Id"), Does.Match("^req_[0-9a-f]{24}$"));

        var echoed = await DefaultApi.SendAsync(HttpMethod.Get, "nope", configure: r => r.Headers.Add("X-Request-Id", "my-trace-123"));
        Assert.That(echoed.Header("X-Request-Id"), Is.EqualTo("my-trace-123"));
        Assert.That(Check.Error(echoed, 404, "NOT_FOUND")["request_id"]!.GetValue<string>(), Is.EqualTo("my-trace-123"));
    }
}
