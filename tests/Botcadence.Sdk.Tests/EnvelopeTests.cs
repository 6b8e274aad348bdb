using System.Globalization;
using System.Net;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Botcadence.Sdk.Tests;

/// <summary>The SDK reads every envelope the seeds show: errors, single resources and lists.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class EnvelopeTests : IDisposable
{
    private readonly WireMockServer _mock = WireMockServer.Start();
    private readonly CapturingLoggerProvider _logs = new();

    public void Dispose() => _mock.Stop();

    private BotCadenceClient Client() => new(
        new BotCadenceClientOptions { ApiKey = "sk_test_env", BaseAddress = new Uri(_mock.Url + "/v1"), MaxRetries = 0 },
        transport: null, _logs.CreateFactory());

    private void Respond(string path, int status, string body, params (string Name, string Value)[] headers)
    {
        var response = Response.Create().WithStatusCode(status).WithBody(body);
        foreach (var (name, value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        _mock.Given(Request.Create().WithPath(path)).RespondWith(response);
    }

    public static IEnumerable<TestCaseData> ErrorCases()
    {
        yield return new TestCaseData(400, """{"error":{"code":"invalid_request","message":"The 'name' field is required","details":{"field":"name","issue":"required"}}}""",
            typeof(BotCadenceValidationException), "INVALID_REQUEST", "The 'name' field is required", "name", null).SetName("seed 000: lower-case code, field in details");
        yield return new TestCaseData(400, """{"success":false,"error":{"code":"VALIDATION_ERROR","message":"Invalid workflow ID","details":{"id":"bad"}}}""",
            typeof(BotCadenceValidationException), "VALIDATION_ERROR", "Invalid workflow ID", null, null).SetName("seed 001: success false envelope");
        yield return new TestCaseData(403, """{"code":"MISSING_SCOPE","message":"This action requires the 'runs:write' scope.","required_scope":"runs:write"}""",
            typeof(BotCadencePermissionException), "MISSING_SCOPE", "This action requires the 'runs:write' scope.", null, "runs:write").SetName("seed 002: flat envelope with required scope");
        yield return new TestCaseData(422, """{"error":{"code":"INVALID_WORKFLOW_CONFIG","message":"Workflow configuration is invalid","details":"Node 'welcome' is missing required field 'content'","field":"configuration.nodes[0].content"}}""",
            typeof(BotCadenceValidationException), "INVALID_WORKFLOW_CONFIG", "Workflow configuration is invalid", "configuration.nodes[0].content", null).SetName("seed 004: string details and field");
        yield return new TestCaseData(401, """{"error":{"code":"KEY_EXPIRED","message":"API key has passed its expiry date","request_id":"req_body"}}""",
            typeof(BotCadenceAuthenticationException), "KEY_EXPIRED", "API key has passed its expiry date", null, null).SetName("401 key expired");
        yield return new TestCaseData(404, """{"error":{"code":"NOT_FOUND","message":"Workflow wf_x was not found."}}""",
            typeof(BotCadenceNotFoundException), "NOT_FOUND", "Workflow wf_x was not found.", null, null).SetName("404");
        yield return new TestCaseData(409, """{"error":{"code":"CONFLICT","message":"Run already completed"}}""",
            typeof(BotCadenceConflictException), "CONFLICT", "Run already completed", null, null).SetName("409");
        yield return new TestCaseData(429, """{"code":"RATE_LIMITED","message":"Rate limit exceeded. Retry after 8 seconds."}""",
            typeof(BotCadenceRateLimitException), "RATE_LIMITED", "Rate limit exceeded. Retry after 8 seconds.", null, null).SetName("429 flat");
        yield return new TestCaseData(500, """{"error":"boom"}""",
            typeof(BotCadenceServerException), "INTERNAL_ERROR", "boom", null, null).SetName("500 with a string error");
        yield return new TestCaseData(413, """{"error":{"code":"INVALID_REQUEST","message":"Body too large"}}""",
            typeof(BotCadenceApiException), "INVALID_REQUEST", "Body too large", null, null).SetName("413 maps to the base class");
    }

    [TestCaseSource(nameof(ErrorCases))]
    public async Task Reads_every_error_envelope(int status, string body, Type expected, string code, string message, string? field, string? scope)
    {
        Respond("/v1/workflows/wf_1", status, body, ("X-Request-Id", "req_header"), ("Retry-After", "8"));
        using var client = Client();

        var ex = await Assert.CatchAsync<BotCadenceApiException>(() => client.Workflows.GetAsync("wf_1"));

        Assert.That(ex, Is.TypeOf(expected));
        Assert.That((int)ex!.StatusCode, Is.EqualTo(status));
        Assert.That(ex.Code.Value, Is.EqualTo(code));
        Assert.That(ex.ErrorMessage, Is.EqualTo(message));
        Assert.That(ex.Field, Is.EqualTo(field));
        Assert.That(ex.RequestId, Is.EqualTo("req_header"), "the header wins over the body");
        Assert.That(ex.RawBody, Is.EqualTo(body));
        Assert.That(ex.Message, Does.Contain(message).And.Contain(code).And.Contain("req_header"));
        if (ex is BotCadencePermissionException permission)
        {
            Assert.That(permission.RequiredScope, Is.EqualTo(scope));
        }

        if (ex is BotCadenceRateLimitException limited)
        {
            Assert.That(limited.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(8)));
        }
    }

    [Test]
    public async Task Error_details_are_kept_as_json()
    {
        Respond("/v1/workflows/wf_1", 400, """{"error":{"code":"invalid_request","message":"m","details":{"field":"name","issue":"required"}}}""");
        using var client = Client();

        var ex = await Assert.ThrowsAsync<BotCadenceValidationException>(() => client.Workflows.GetAsync("wf_1"));

        Assert.That(ex!.Details!.Value.GetProperty("issue").GetString(), Is.EqualTo("required"));
    }

    [Test]
    public async Task Reads_a_resource_in_a_data_wrapper()
    {
        Respond("/v1/workflows/workflow-123", 200, """{"data":{"id":"workflow-123","name":"Customer Support Bot","status":"active","channel":"whatsapp","execution_count":1250,"success_rate":0.95,"created_at":"2024-01-15T10:30:00Z"}}""");
        using var client = Client();

        var workflow = await client.Workflows.GetAsync("workflow-123");

        Assert.That(workflow.Id, Is.EqualTo("workflow-123"));
        Assert.That(workflow.Channel, Is.EqualTo("whatsapp"));
        Assert.That(workflow.ExecutionCount, Is.EqualTo(1250));
        Assert.That(workflow.SuccessRate, Is.EqualTo(0.95));
    }

    [Test]
    public async Task Keeps_unknown_enum_values()
    {
        Respond("/v1/workflows/wf_1", 200, """{"id":"wf_1","name":"x","status":"published","created_at":"2024-01-15T10:30:00Z"}""");
        using var client = Client();

        var workflow = await client.Workflows.GetAsync("wf_1");

        Assert.That(workflow.Status, Is.EqualTo(new WorkflowStatus("published")));
        Assert.That(workflow.Status, Is.Not.EqualTo(WorkflowStatus.Active));
    }

    [Test]
    public async Task Delete_accepts_204_and_a_200_message()
    {
        _mock.Given(Request.Create().WithPath("/v1/workflows/wf_1").UsingDelete()).RespondWith(Response.Create().WithStatusCode(204));
        _mock.Given(Request.Create().WithPath("/v1/workflows/workflow-456").UsingDelete())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"message":"Workflow deleted successfully"}"""));
        using var client = Client();

        await client.Workflows.DeleteAsync("wf_1");
        await client.Workflows.DeleteAsync("workflow-456");

        Assert.That(_mock.LogEntries.Count, Is.EqualTo(2));
    }

    [Test]
    public async Task Reads_the_seed_001_meta_page_envelope()
    {
        _mock.Given(Request.Create().WithPath("/v1/workflows").WithParam("page", "1"))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"success":true,"data":[{"id":"wf_1","name":"a","status":"published","created_at":"2024-01-15T10:00:00Z"}],"meta":{"page":1,"limit":1,"total":2}}"""));
        _mock.Given(Request.Create().WithPath("/v1/workflows").WithParam("page", "2"))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"success":true,"data":[{"id":"wf_2","name":"b","status":"published","created_at":"2024-01-15T10:00:00Z"}],"meta":{"page":2,"limit":1,"total":2}}"""));
        using var client = Client();

        var ids = (await client.Workflows.ListAsync(new WorkflowListOptions { PageSize = 1 }).ToListAsync()).Select(w => w.Id);

        Assert.That(ids, Is.EqualTo(new[] { "wf_1", "wf_2" }));
    }

    [Test]
    public async Task Reads_the_seed_004_pagination_envelope()
    {
        _mock.Given(Request.Create().WithPath("/v1/workflows/workflow-123/executions").WithParam("page", "1"))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"data":[{"id":"execution-789","workflow_id":"workflow-123","status":"success","started_at":"2024-01-25T10:30:00Z","duration_ms":15000}],"pagination":{"page":1,"limit":1,"total":2,"pages":2}}"""));
        _mock.Given(Request.Create().WithPath("/v1/workflows/workflow-123/executions").WithParam("page", "2"))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"data":[{"id":"execution-790","workflow_id":"workflow-123","status":"failed"}],"pagination":{"page":2,"limit":1,"total":2,"pages":2}}"""));
        using var client = Client();

        var pages = await client.Executions.ListForWorkflowAsync("workflow-123").AsPages(pageSizeHint: 1).ToListAsync();

        Assert.That(pages.Select(p => p.Values.Single().Id), Is.EqualTo(new[] { "execution-789", "execution-790" }));
        Assert.That(pages[0].TotalCount, Is.EqualTo(2));
        Assert.That(pages[1].ContinuationToken, Is.Null);
        Assert.That(pages[0].Values[0].Status, Is.EqualTo(new ExecutionStatus("success")));
    }

    [Test]
    public async Task Reads_a_cursor_inside_meta()
    {
        _mock.Given(Request.Create().WithPath("/v1/executions").WithParam("cursor", "abc123"))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"data":[{"id":"exec_2","workflow_id":"wf_1","status":"completed"}],"meta":{"next_cursor":null,"has_more":false}}"""));
        _mock.Given(Request.Create().WithPath("/v1/executions").UsingGet()).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"data":[{"id":"exec_1","workflow_id":"wf_1","status":"completed"}],"meta":{"next_cursor":"abc123","has_more":true}}"""));
        using var client = Client();

        var ids = (await client.Executions.ListAsync().ToListAsync()).Select(e => e.Id);

        Assert.That(ids, Is.EqualTo(new[] { "exec_1", "exec_2" }));
    }

    [Test]
    public async Task Query_instants_are_utc_iso_8601_whatever_the_culture()
    {
        Respond("/v1/workflows/wf_1/executions", 200, """{"data":[],"total":0,"page":1,"per_page":20}""");
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("th-TH");
        try
        {
            using var client = Client();
            var from = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2));
            await client.Executions.ListForWorkflowAsync("wf_1", new WorkflowExecutionListOptions { From = from, To = from.AddDays(1) }).ToListAsync();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        var query = _mock.LogEntries.Single().RequestMessage!.Query!;
        Assert.That(query["from"].Single(), Is.EqualTo("2026-01-02T01:04:05.0000000Z"));
        Assert.That(query["to"].Single(), Is.EqualTo("2026-01-03T01:04:05.0000000Z"));
    }

    [Test]
    public async Task Deprecation_is_surfaced_and_logged_once()
    {
        Respond("/v1/workflows/wf_1", 200, """{"id":"wf_1","name":"x","status":"active","created_at":"2024-01-15T10:30:00Z"}""",
            ("Deprecation", "true"), ("Sunset", "Wed, 01 Jul 2026 00:00:00 GMT"));
        using var client = Client();

        await client.Workflows.GetAsync("wf_1");
        var second = await client.Workflows.GetAsync("wf_1");

        Assert.That(second.Response!.Sunset, Is.EqualTo("Wed, 01 Jul 2026 00:00:00 GMT"));
        Assert.That(second.Response.Deprecation, Is.EqualTo("true"));
        Assert.That(_logs.Entries.Count(e => e.EventId == 1001), Is.EqualTo(1));
    }

    [Test]
    public async Task Logs_only_allow_listed_header_values()
    {
        Respond("/v1/workflows/wf_1", 200, """{"id":"wf_1","name":"x","status":"active","created_at":"2024-01-15T10:30:00Z"}""",
            ("X-Request-Id", "req_visible"), ("X-Internal-Secret", "hunter2"));
        using var client = Client();

        await client.Workflows.GetAsync("wf_1");

        var text = string.Join("\n", _logs.Entries.Select(e => e.Message));
        Assert.That(text, Does.Contain("req_visible"));
        Assert.That(text, Does.Contain("X-Internal-Secret: REDACTED"));
        Assert.That(text, Does.Contain("Authorization: REDACTED"));
        Assert.That(text, Does.Not.Contain("hunter2").And.Not.Contain("sk_test_env"));
    }

    [Test]
    public void Query_values_are_redacted_in_logs_except_paging()
    {
        var redacted = LoggingHandler.RedactUri(new Uri("https://api.botcadence.com/v1/workflows?page=2&search=secret%20plan&per_page=50"));

        Assert.That(redacted, Is.EqualTo("/v1/workflows?page=2&search=REDACTED&per_page=50"));
    }

    [Test]
    public async Task Rate_limit_state_is_readable_after_every_call()
    {
        Respond("/v1/workflows/wf_1", 200, """{"id":"wf_1","name":"x","status":"active","created_at":"2024-01-15T10:30:00Z"}""",
            ("X-RateLimit-Limit", "300"), ("X-RateLimit-Remaining", "299"), ("X-RateLimit-Reset", "1640000000"), ("X-Request-Id", "req_1"));
        using var client = Client();

        var workflow = await client.Workflows.GetAsync("wf_1");

        Assert.That(workflow.Response!.RateLimit, Is.EqualTo(new RateLimitInfo(300, 299, DateTimeOffset.FromUnixTimeSeconds(1640000000))));
        Assert.That(workflow.Response.RequestId, Is.EqualTo("req_1"));
        Assert.That(workflow.Response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(workflow.Response.Headers["X-RateLimit-Limit"], Is.EqualTo(new[] { "300" }));
        Assert.That(workflow.Response.GetHeader("x-request-id"), Is.EqualTo("req_1"));
        Assert.That(workflow.Response.Attempts, Is.EqualTo(1));
        Assert.That(workflow.Response.IdempotencyKey, Is.Null, "a read sends no idempotency key");
        Assert.That(workflow.Response.IdempotencyReplayed, Is.False);
    }

    [Test]
    public async Task Response_headers_include_the_content_headers_and_the_length_that_was_read()
    {
        const string body = """{"id":"wf_1","name":"x","status":"active","created_at":"2024-01-15T10:30:00Z"}""";
        Respond("/v1/workflows/wf_1", 200, body, ("Content-Type", "application/json; charset=utf-8"), ("Content-Language", "en"));
        using var client = Client();

        var workflow = await client.Workflows.GetAsync("wf_1");

        var headers = workflow.Response!.Headers;
        Assert.That(headers["Content-Type"], Is.EqualTo(new[] { "application/json; charset=utf-8" }));
        Assert.That(headers["content-language"], Is.EqualTo(new[] { "en" }));
        Assert.That(headers["Content-Length"], Is.EqualTo(new[] { System.Text.Encoding.UTF8.GetByteCount(body).ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        Assert.That(headers.Keys.Count(k => string.Equals(k, "Content-Length", StringComparison.OrdinalIgnoreCase)), Is.EqualTo(1));
    }

    [Test]
    public async Task Sends_bearer_key_and_a_user_agent_with_the_application_id()
    {
        Respond("/v1/workflows/wf_1", 200, """{"id":"wf_1","name":"x","status":"active","created_at":"2024-01-15T10:30:00Z"}""");
        using var client = new BotCadenceClient(new BotCadenceClientOptions { ApiKey = "sk_test_env", BaseAddress = new Uri(_mock.Url + "/v1/"), ApplicationId = "Acme.Billing" });

        await client.Workflows.GetAsync("wf_1");

        var headers = _mock.LogEntries.Single().RequestMessage!.Headers!;
        Assert.That(headers["Authorization"].Single(), Is.EqualTo("Bearer sk_test_env"));
        Assert.That(headers["User-Agent"].Single(), Does.StartWith("Acme.Billing botcadence-dotnet/"));
    }

    [Test]
    public async Task Ids_are_never_parsed_and_are_escaped_in_paths()
    {
        _mock.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(200)
            .WithBody("""{"id":"a/b c","name":"x","status":"active","created_at":"2024-01-15T10:30:00Z"}"""));
        using var client = Client();

        var workflow = await client.Workflows.GetAsync("a/b c?x=1");

        Assert.That(workflow.Id, Is.EqualTo("a/b c"));
        var request = _mock.LogEntries.Single().RequestMessage!;
        Assert.That(request.Url, Does.Contain("/v1/workflows/a%2Fb").And.Contain("%3Fx"), "'/' and '?' in an id are escaped, not parsed");
        Assert.That(request.Query, Is.Null.Or.Empty);
    }
}
