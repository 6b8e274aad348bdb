using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using NUnit.Framework;

namespace Botcadence.ReferenceServer.Tests;

/// <summary>One HTTP response, with its body parsed as JSON when possible.</summary>
internal sealed record ApiResponse(HttpStatusCode Status, HttpResponseMessage Message, string Raw, JsonNode? Json)
{
    public int Code => (int)Status;

    public string? Header(string name) =>
        Message.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : Message.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(",", contentValues)
        : null;

    public JsonNode Body => Json ?? throw new AssertionException($"Response body is not JSON: {Raw}");

    public string Id => Body["id"]!.GetValue<string>();
}

/// <summary>A thin client for one API key.</summary>
internal sealed class Api(HttpClient http, Uri baseAddress, string? key)
{
    public string? Key { get; } = key;

    public Api WithKey(string? otherKey) => new(http, baseAddress, otherKey);

    public async Task<ApiResponse> SendAsync(
        HttpMethod method,
        string path,
        string? body = null,
        string? contentType = "application/json",
        Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(baseAddress, path));
        if (Key is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Key);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        configure?.Invoke(request);
        var response = await http.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        if (raw.Length > 0)
        {
            try
            {
                json = JsonNode.Parse(raw);
            }
            catch (System.Text.Json.JsonException)
            {
                json = null;
            }
        }

        return new ApiResponse(response.StatusCode, response, raw, json);
    }

    public Task<ApiResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<ApiResponse> PostAsync(string path, string? body = null, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(HttpMethod.Post, path, body, configure: configure);

    public Task<ApiResponse> PatchAsync(string path, string body) => SendAsync(HttpMethod.Patch, path, body);

    public Task<ApiResponse> PutAsync(string path, string body) => SendAsync(HttpMethod.Put, path, body);

    public Task<ApiResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    /// <summary>Creates a workflow and asserts 201.</summary>
    public async Task<JsonNode> CreateWorkflowAsync(string body)
    {
        var response = await PostAsync("workflows", body);
        Assert.That(response.Code, Is.EqualTo(201), response.Raw);
        return response.Body;
    }

    /// <summary>Creates an active workflow with the given actions JSON and returns its id.</summary>
    public async Task<string> CreateActiveWorkflowAsync(string actionsJson = "[]", string name = "Active")
    {
        var wf = await CreateWorkflowAsync($$"""{"name":"{{name}}","status":"active","actions":{{actionsJson}}}""");
        return wf["id"]!.GetValue<string>();
    }

    public async Task<JsonNode> ExecuteAsync(string workflowId, string? body = null)
    {
        var response = await PostAsync($"workflows/{workflowId}/execute", body);
        Assert.That(response.Code, Is.EqualTo(202), response.Raw);
        return response.Body;
    }

    /// <summary>Polls an execution until <paramref name="until"/> holds (bounded).</summary>
    public async Task<JsonNode> PollExecutionAsync(string executionId, Func<JsonNode, bool> until, int timeoutMs = 10_000)
    {
        using var cts = new CancellationTokenSource(timeoutMs);
        while (true)
        {
            var response = await GetAsync("executions/" + executionId);
            Assert.That(response.Code, Is.EqualTo(200), response.Raw);
            if (until(response.Body))
            {
                return response.Body;
            }

            if (cts.IsCancellationRequested)
            {
                Assert.Fail($"Execution {executionId} did not reach the expected state in {timeoutMs} ms: {response.Raw}");
            }

            await Task.Delay(5, CancellationToken.None);
        }
    }
}

internal static class Check
{
    /// <summary>Asserts a well-formed error envelope with the given status/code (and field).</summary>
    public static JsonNode Error(ApiResponse response, int status, string code, string? field = null)
    {
        Assert.That(response.Code, Is.EqualTo(status), response.Raw);
        Assert.That(response.Header("Content-Type"), Does.StartWith("application/json"), response.Raw);
        var error = response.Body["error"];
        Assert.That(error, Is.Not.Null, response.Raw);
        Assert.That(error!["code"]?.GetValue<string>(), Is.EqualTo(code), response.Raw);
        Assert.That(error["message"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty, response.Raw);
        var requestId = error["request_id"]?.GetValue<string>();
        Assert.That(requestId, Is.Not.Null.And.Not.Empty);
        Assert.That(response.Header("X-Request-Id"), Is.EqualTo(requestId));
        Assert.That(response.Header("X-RateLimit-Limit"), Is.Not.Null, "rate-limit headers on error responses");
        Assert.That(response.Header("X-RateLimit-Remaining"), Is.Not.Null);
        Assert.That(response.Header("X-RateLimit-Reset"), Is.Not.Null);
        if (field is not null)
        {
            Assert.That(error["field"]?.GetValue<string>(), Is.EqualTo(field), response.Raw);
        }

        return error;
    }

    /// <summary>A rejected body field: 400 INVALID_REQUEST (missing or wrong JSON type) or 422 VALIDATION_ERROR (semantically invalid).</summary>
    public static JsonNode Field(ApiResponse response, int status, string field) =>
        Error(response, status, status == 400 ? "INVALID_REQUEST" : "VALIDATION_ERROR", field);

    public static string Str(JsonNode? node) => node?.GetValue<string>() ?? throw new AssertionException("expected a string, got null");

    public static List<string> Ids(JsonNode page) => page["data"]!.AsArray().Select(i => Str(i!["id"])).ToList();
}

/// <summary>One real-time server per fixture; each test makes its own organization.</summary>
internal abstract class ServerFixture
{
    protected static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    protected ReferenceServer Server { get; private set; } = null!;

    /// <summary>The default organization's full-scope client.</summary>
    protected Api DefaultApi { get; private set; } = null!;

    protected virtual ReferenceServerOptions Options() => new() { StepDuration = TimeSpan.FromMilliseconds(5) };

    [OneTimeSetUp]
    public async Task StartServerAsync()
    {
        Server = await ReferenceServer.StartAsync(Options());
        DefaultApi = new Api(Http, Server.BaseAddress, Server.ApiKey);
    }

    [OneTimeTearDown]
    public async Task StopServerAsync() => await Server.DisposeAsync();

    /// <summary>A fresh organization with a full-scope key (or the given scopes).</summary>
    protected Api NewTenant(IEnumerable<string>? scopes = null, string plan = "enterprise")
    {
        var org = Server.CreateOrganization("Tenant " + Guid.NewGuid().ToString("N")[..6], plan);
        var key = Server.CreateApiKey(org.Id, scopes);
        return new Api(Http, Server.BaseAddress, key.Key);
    }

    protected Api Anonymous() => new(Http, Server.BaseAddress, null);
}
