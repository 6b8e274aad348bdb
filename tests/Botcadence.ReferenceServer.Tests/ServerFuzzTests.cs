using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace Botcadence.ReferenceServer.Tests;

/// <summary>
/// Generated bodies and query strings, over real HTTP, against every operation of docs/openapi.yaml: lone surrogates,
/// invalid UTF-8, deep nesting, huge strings, wrong types, bad paging values. No 5xx, every 4xx with the error
/// envelope, and every list still answers 200 afterwards.
/// </summary>
[TestFixture]
[NonParallelizable]
internal sealed partial class ServerFuzzTests
{
    private const int Iterations = 10_000;
    private const char BadUtf8Marker = '\uE000'; // replaced by the raw bytes ED A0 80 when the body is encoded

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    private static readonly string[] FieldNames =
    [
        "name", "description", "status", "channel", "trigger", "type", "event", "keywords", "config", "actions", "id", "input",
        "values", "data", "fields", "label", "required", "options", "tasks", "due_in_hours", "template_id", "form_data",
        "assignee_id", "due_date", "value", "url", "events", "secret", "grace_period_seconds", "content", "metadata", "skills",
        "scopes", "expires_at", "resource_mode", "workflow_id", "email", "note", "sku", "price", "in_stock", "signed_up",
        "delay_ms", "fail", "message", "amount", "decision",
    ];

    private static readonly string[] DomainStrings =
    [
        "active", "draft", "inactive", "bogus", "api_key", "custom", "https://127.0.0.1:1/h", "http://127.0.0.1:1/hook", "*",
        "run.completed", "workflow.executed", "2026-01-01T00:00:00Z", "2099-01-01", "yesterday", "text", "select", "number",
        "checkbox", "email", "COMPLETED", "SKIPPED", "PENDING", "ALL", "SELECTED", "users:read", "workflows:write", "root",
        "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "a@b.co", "{{input.x}}", "{{ a.b.0 }}", "send_email", "wf_0000000000000000",
    ];

    private static readonly string[] QueryNames =
    [
        "page", "per_page", "limit", "cursor", "status", "search", "channel", "kind", "type", "template_id", "assignee_id",
        "granularity", "start_date", "end_date", "agent_id", "role", "provider", "workflow_id", "from", "to",
    ];

    private static readonly string[] QueryValues =
    [
        "1", "2", "0", "-1", "100", "101", "abc", "1%00", "%00", "1.5", "%201", "%2B3", "99999999999999999999", "2147483648",
        "%ED%A0%80", "%EF%BC%92", "%F0%9F%98%80", "", "YzE6MTA", "YzE6LTU", "bm9wZQ", "%3D%3D", "active", "draft", "day",
        "hour", "year", "subscription", "trigger", "2026-01-01", "2026-13-45", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
        "COMPLETED", "api_key", "member", "connected",
    ];

    private ReferenceServer _server = null!;
    private string _apiKey = null!;
    private string _session = null!;
    private List<Operation> _operations = null!;
    private Dictionary<string, string> _ids = null!;
    private readonly Dictionary<string, ConcurrentQueue<string>> _victims = [];

    private sealed record Operation(string Method, string Path)
    {
        public bool IsList => Method == "GET" && !Path.EndsWith('}');

        public override string ToString() => Method + " " + Path;
    }

    /// <summary>One generated request.</summary>
    private sealed record Sample(int Operation, int[] IdChoices, string Query, byte[]? Body, string? ContentType, string Shown)
    {
        public override string ToString() => Shown;
    }

    private readonly ServerErrorLog _serverErrors = new();

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _server = await ReferenceServer.StartAsync(new ReferenceServerOptions
        {
            StepDuration = TimeSpan.FromMilliseconds(1),
            WebhookRetryDelays = [],
            WebhookTimeout = TimeSpan.FromMilliseconds(500),
        });
        // The server's own record of an unhandled exception, so a 5xx names its cause in the failure message.
        _server.Services.GetRequiredService<ILoggerFactory>().AddProvider(_serverErrors);
        var org = _server.CreateOrganization("fuzz", rateLimitPerMinute: 10_000_000);
        _apiKey = _server.CreateApiKey(org.Id).Key;
        _session = _server.CreateSessionToken(org.Id);
        _operations = ReadOperations();
        _ids = await SeedAsync(org.Id);

        // DELETE draws from these, so the ids every other operation uses stay alive for the whole run.
        _victims["workflow_id"] = new();
        _victims["credential_id"] = new();
        _victims["webhook_id"] = new();
        _victims["key_id"] = new();
        for (var i = 0; i < 25; i++)
        {
            _victims["workflow_id"].Enqueue((await CallAsync(HttpMethod.Post, "workflows", """{"name":"victim"}""")).Id);
            _victims["credential_id"].Enqueue((await CallAsync(HttpMethod.Post, "credentials", """{"name":"victim","type":"custom","value":"v"}""")).Id);
            _victims["webhook_id"].Enqueue((await CallAsync(HttpMethod.Post, "webhooks", $$"""{"workflow_id":"{{_ids["workflow_id"]}}"}""")).Id);
            _victims["key_id"].Enqueue(_server.CreateApiKey(org.Id, ["users:read"], name: "victim").Id);
        }
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _server.DisposeAsync();

    /// <summary>Every (method, path) under <c>paths:</c> in docs/openapi.yaml.</summary>
    private static List<Operation> ReadOperations()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "docs", "openapi.yaml")))
        {
            directory = directory.Parent;
        }

        Assert.That(directory, Is.Not.Null, "docs/openapi.yaml not found above the test directory");
        var result = new List<Operation>();
        string? path = null;
        var inPaths = false;
        foreach (var line in File.ReadLines(Path.Combine(directory!.FullName, "docs", "openapi.yaml")))
        {
            if (line.StartsWith("paths:", StringComparison.Ordinal))
            {
                inPaths = true;
                continue;
            }

            if (inPaths && line.Length > 0 && !char.IsWhiteSpace(line[0]))
            {
                break;
            }

            if (!inPaths)
            {
                continue;
            }

            var pathMatch = PathLine().Match(line);
            if (pathMatch.Success)
            {
                path = pathMatch.Groups[1].Value;
                continue;
            }

            var methodMatch = MethodLine().Match(line);
            if (methodMatch.Success && path is not null)
            {
                result.Add(new Operation(methodMatch.Groups[1].Value.ToUpperInvariant(), path));
            }
        }

        Assert.That(result, Has.Count.GreaterThan(50), "operations read from the contract");
        return result;
    }

    [GeneratedRegex(@"^  (/[^:\s]*):\s*$")]
    private static partial Regex PathLine();

    [GeneratedRegex(@"^    (get|post|put|patch|delete):\s*$")]
    private static partial Regex MethodLine();

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex PathParameter();

    private async Task<ApiResponse> CallAsync(HttpMethod method, string pathAndQuery, string? json = null)
    {
        var api = new Api(Http, _server.BaseAddress, pathAndQuery.StartsWith("api-keys", StringComparison.Ordinal) ? _session : _apiKey);
        var response = await api.SendAsync(method, pathAndQuery, json);
        Assert.That(response.Code, Is.LessThan(300), $"{method} {pathAndQuery}: {response.Raw}");
        return response;
    }

    /// <summary>Real ids of every kind the contract's paths take.</summary>
    private async Task<Dictionary<string, string>> SeedAsync(string organizationId)
    {
        var workflow = (await CallAsync(HttpMethod.Post, "workflows", """{"name":"w","status":"active","actions":[{"type":"log","config":{"message":"hi {{x}}"}}]}""")).Id;
        var execution = Check.Str((await CallAsync(HttpMethod.Post, $"workflows/{workflow}/execute", """{"input":{"x":1}}""")).Body["id"]);
        var webhook = (await CallAsync(HttpMethod.Post, "webhooks", """{"url":"http://127.0.0.1:1/hook","events":["*"]}""")).Id;
        await CallAsync(HttpMethod.Post, $"webhooks/{webhook}/test");
        var delivery = Check.Str((await CallAsync(HttpMethod.Get, $"webhooks/{webhook}/deliveries")).Body["data"]![0]!["id"]);
        var template = (await CallAsync(HttpMethod.Post, "templates", """{"name":"t","tasks":[{"name":"a","fields":[{"name":"amount","type":"number"},{"name":"decision","type":"select","options":["yes","no"]}]},{"name":"b","required":false}]}""")).Id;
        await CallAsync(HttpMethod.Post, $"templates/{template}/publish");
        var draft = (await CallAsync(HttpMethod.Post, "templates", """{"name":"draft"}""")).Id;
        var run = await CallAsync(HttpMethod.Post, "runs", $$"""{"template_id":"{{template}}"}""");
        var form = (await CallAsync(HttpMethod.Post, "forms", """{"name":"f","fields":[{"name":"email","type":"email","required":true},{"name":"note","type":"text"}]}""")).Id;
        var credential = (await CallAsync(HttpMethod.Post, "credentials", """{"name":"c","type":"custom","value":"v"}""")).Id;
        var integration = _server.AddIntegration(organizationId, "slack", "Slack").Id;
        var dataSources = await CallAsync(HttpMethod.Get, "data-sources");
        var customers = Check.Str(dataSources.Body["data"]!.AsArray().Single(d => Check.Str(d!["name"]) == "Customers")!["id"]);
        var record = (await CallAsync(HttpMethod.Post, $"data-sources/{customers}/records", """{"values":{"name":"n","email":"e"}}""")).Id;
        var agent = _server.AddAgent(organizationId, "Helper").Id;
        var spareKey = _server.CreateApiKey(organizationId, ["users:read"], name: "spare").Id;
        return new Dictionary<string, string>
        {
            ["workflow_id"] = workflow,
            ["execution_id"] = execution,
            ["webhook_id"] = webhook,
            ["delivery_id"] = delivery,
            ["template_id"] = template,
            ["draft_template_id"] = draft,
            ["run_id"] = run.Id,
            ["task_id"] = Check.Str(run.Body["tasks"]![0]!["id"]),
            ["form_id"] = form,
            ["file_id"] = await UploadAsync(),
            ["credential_id"] = credential,
            ["integration_id"] = integration,
            ["data_source_id"] = customers,
            ["record_id"] = record,
            ["agent_id"] = agent,
            ["key_id"] = spareKey,
        };
    }

    private async Task<string> UploadAsync()
    {
        var api = new Api(Http, _server.BaseAddress, _apiKey);
        var response = await api.PostAsync("files", configure: r =>
        {
            var content = new MultipartFormDataContent();
            var part = new ByteArrayContent("hello"u8.ToArray());
            part.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            content.Add(part, "file", "a.txt");
            r.Content = content;
        });
        Assert.That(response.Code, Is.EqualTo(201), response.Raw);
        return response.Id;
    }

    // ---- generators -------------------------------------------------------------------------------------------

    /// <summary>A JSON string literal for any .NET string: everything outside printable ASCII (lone surrogates too) escaped.</summary>
    private static string Literal(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                sb.Append('\\').Append(c);
            }
            else if (c is < ' ' or > '~')
            {
                sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.Append('"').ToString();
    }

    private static readonly Gen<string> JsonStrings = Gen.Frequency(
        (6, Gen.OneOf(DomainStrings).Select(Literal)),
        (4, Gen.String[0, 24].Select(Literal)),
        (2, Gen.OneOf("\"\\ud800\"", "\"x\\udc00y\"", "\"\\ude00\\ud83d\"", "\"ok\\ud83d\"", "\"\\ud83d\\ude00\"", "\"\\u0000\"")),
        (2, Gen.OneOf("\"a" + BadUtf8Marker + "b\"", "\"" + BadUtf8Marker + "\"")),
        (1, Gen.Int[1_000, 300_000].Select(n => "\"" + new string('x', n) + "\"")),
        (1, Gen.OneOf("\"\"", "\"   \"")));

    private static readonly Gen<string> JsonScalars = Gen.Frequency(
        (6, JsonStrings),
        (2, Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.OneOf("1e400", "-0", "1.5", "99999999999999999999999", "-1", "0", "24", "1e-400")),
        (2, Gen.OneOf("true", "false", "null")));

    private static readonly Gen<string> JsonKeys = Gen.Frequency(
        (8, Gen.OneOf(FieldNames).Select(Literal)),
        (1, Gen.String[0, 10].Select(Literal)),
        (1, Gen.OneOf("\"\\ud800\"", "\"k" + BadUtf8Marker + "\"")));

    private static readonly Gen<string> JsonValues = Gen.Recursive<string>((depth, values) =>
        depth >= 4
            ? JsonScalars
            : Gen.Frequency(
                (6, JsonScalars),
                (2, Gen.Select(JsonKeys, values, (k, v) => (k, v)).Array[0, 6].Select(pairs => "{" + string.Join(",", pairs.Select(p => p.Item1 + ":" + p.Item2)) + "}")),
                (2, values.Array[0, 5].Select(items => "[" + string.Join(",", items) + "]"))));

    /// <summary>Nesting past the 64-level limit, inside a free-form field or at the top.</summary>
    private static readonly Gen<string> DeepBodies = Gen.Select(Gen.Int[30, 300], Gen.Bool, (depth, objects) =>
    {
        var open = objects ? string.Concat(Enumerable.Repeat("{\"a\":", depth)) : new string('[', depth);
        var close = objects ? new string('}', depth) : new string(']', depth);
        return """{"name":"deep","input":""" + open + "1" + close + ""","actions":[{"type":"t","config":""" + (objects ? open + "1" + close : "{}") + "}]}";
    });

    private static readonly Gen<string> ObjectBodies = Gen.Select(JsonKeys, JsonValues, (k, v) => (k, v)).Array[0, 8]
        .Select(pairs => "{" + string.Join(",", pairs.Select(p => p.Item1 + ":" + p.Item2)) + "}");

    private static readonly Gen<string> BrokenBodies = Gen.Frequency(
        (2, Gen.Select(ObjectBodies, Gen.Double[0, 1], (body, cut) => body[..(int)(body.Length * cut)])),
        (1, Gen.OneOf("[]", "42", "\"s\"", "null", "{", "{\"name\":}", "{\"a\":1,}", "{\"a\":1,\"a\":2}", "\uFEFF{}", "{} {}", "")),
        (1, Gen.String[0, 40]));

    /// <summary>Bodies of the right shape for some operation, with generated values in their free-form and text fields.</summary>
    private static readonly string[] Shapes =
    [
        """{"name":{S},"actions":[{"type":"t","config":{O}}]}""",
        """{"name":"n","description":{S},"trigger":{"type":"webhook","config":{O}},"actions":[{"type":{S},"config":{"delay_ms":{V}}}]}""",
        """{"name":"n","status":"active","actions":[{"type":"log","config":{"message":{S}}}]}""",
        """{"input":{O}}""",
        """{"values":{"name":{S},"email":{S},"lifetime_value":{V},"signed_up":{S}}}""",
        """{"data":{"email":"a@b.co","note":{S}}}""",
        """{"value":{O},"status":{S}}""",
        """{"value":{"amount":{V},"decision":{S}},"assignee_id":{S},"due_date":{S}}""",
        """{"content":{S},"channel":{S},"metadata":{O}}""",
        """{"name":{S},"type":"custom","value":{S}}""",
        """{"template_id":{S},"name":{S},"form_data":{O}}""",
        """{"name":{S},"tasks":[{"name":{S},"fields":[{"name":"f","type":"text","label":{S}}]}],"due_in_hours":{V}}""",
        """{"name":{S},"fields":[{"name":"a","type":"select","options":[{S}]}]}""",
        """{"url":"http://127.0.0.1:1/h","events":["*"],"description":{S}}""",
        """{"workflow_id":{S},"event":{S}}""",
        """{"skills":[{S},{S}]}""",
        """{"name":{S},"scopes":["users:read"],"expires_at":{S},"resource_mode":{S}}""",
        """{"event":{S}}""",
        """{"grace_period_seconds":{V}}""",
    ];

    private static readonly Gen<string> ShapedBodies = Gen.Select(
        Gen.OneOf(Shapes),
        JsonStrings.Array[8],
        JsonValues.Array[4],
        Gen.Select(JsonKeys, JsonValues, (k, v) => (k, v)).Array[0, 6].Array[3],
        (shape, strings, values, objects) =>
        {
            int si = 0, vi = 0, oi = 0;
            return HoleRegex().Replace(shape, m => m.Value switch
            {
                "{S}" => strings[si++ % strings.Length],
                "{V}" => values[vi++ % values.Length],
                _ => "{" + string.Join(",", objects[oi++ % objects.Length].Select(p => p.k + ":" + p.v)) + "}",
            });
        });

    [GeneratedRegex(@"\{[SVO]\}")]
    private static partial Regex HoleRegex();

    private static readonly Gen<(string? Text, string? ContentType)> Bodies = Gen.Frequency(
        (6, ShapedBodies.Select(b => ((string?)b, (string?)"application/json"))),
        (6, ObjectBodies.Select(b => ((string?)b, (string?)"application/json"))),
        (1, DeepBodies.Select(b => ((string?)b, (string?)"application/json"))),
        (2, BrokenBodies.Select(b => ((string?)b, (string?)"application/json"))),
        (1, Gen.Select(ObjectBodies, Gen.OneOf<string?>("text/plain", null, "application/merge-patch+json", "application/json; charset=utf-16"), (b, type) => ((string?)b, type))),
        (2, Gen.Const(((string?)null, (string?)null))));

    /// <summary>Multipart uploads, whole or cut off anywhere, with odd part headers.</summary>
    private static readonly Gen<(string? Text, string? ContentType)> Multiparts =
        Gen.Select(Gen.String[0, 50], Gen.OneOf("file", "run_id", "task_id", "other"), Gen.OneOf("text/plain", "", "text/pl\u00e4in", "bogus"), Gen.Double[0, 1.2], Gen.Bool,
            (content, name, type, cut, filename) =>
            {
                var text = "--b0\r\nContent-Disposition: form-data; name=\"" + name + "\"" + (filename ? "; filename=\"f.txt\"" : string.Empty) + "\r\n"
                    + (type.Length > 0 ? "Content-Type: " + type + "\r\n" : string.Empty) + "\r\n" + content + "\r\n--b0--\r\n";
                return ((string?)(cut >= 1 ? text : text[..(int)(text.Length * cut)]), (string?)"multipart/form-data; boundary=b0");
            });

    private static readonly Gen<string> Queries = Gen.Select(
            Gen.OneOf(QueryNames),
            Gen.Frequency(
                (6, Gen.OneOf(QueryValues)),
                (1, Gen.String[0, 12].Select(s => Uri.EscapeDataString(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(s)))))),
            (name, value) => (name, value))
        .Array[0, 4]
        .Select(pairs => pairs.Length == 0 ? string.Empty : "?" + string.Join("&", pairs.Select(p => p.Item1 + "=" + p.Item2)));

    private Gen<Sample> Samples() =>
        Gen.Int[0, _operations.Count - 1].SelectMany(index =>
        {
            var operation = _operations[index];
            var body = operation.Path == "/files" && operation.Method == "POST"
                ? Gen.Frequency((3, Multiparts), (1, Bodies))
                : Bodies;
            return Gen.Select(Gen.Int[0, 19].Array[4], Queries, body, (choices, query, b) => Build(index, choices, query, b.Text, b.ContentType));
        });

    private Sample Build(int index, int[] choices, string query, string? text, string? contentType)
    {
        byte[]? bytes = null;
        if (text is not null)
        {
            var parts = text.Split(BadUtf8Marker);
            var buffer = new List<byte>();
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    buffer.AddRange([0xED, 0xA0, 0x80]);
                }

                buffer.AddRange(Encoding.UTF8.GetBytes(parts[i]));
            }

            bytes = [.. buffer];
        }

        var shown = text is null ? "(no body)" : text.Length > 300 ? text[..300] + $"… ({text.Length} chars)" : text;
        return new Sample(index, choices, query, bytes, contentType, $"{_operations[index]}{query} [{string.Join(",", choices)}] {contentType}: {shown}");
    }

    /// <summary>A real id mostly (DELETE: one of the victims), else an unknown or malformed one.</summary>
    private string PathFor(Operation operation, int[] choices)
    {
        var n = 0;
        var path = PathParameter().Replace(operation.Path, m =>
        {
            var choice = choices[n++ % choices.Length];
            var name = m.Groups[1].Value;
            var real = name == "template_id" && choice == 1 ? _ids["draft_template_id"] : _ids[name];
            if (operation.Method == "DELETE" && choice < 17)
            {
                return choice < 8 && _victims.TryGetValue(name, out var queue) && queue.TryDequeue(out var victim) ? victim : "gone_" + name;
            }

            return choice < 17 ? real : choice switch
            {
                17 => "x_" + choice.ToString(CultureInfo.InvariantCulture),
                18 => "%E2%82%AC%20%C3%A9",
                _ => Uri.EscapeDataString(real + "'\""),
            };
        });
        return path.TrimStart('/');
    }

    // ---- the test ---------------------------------------------------------------------------------------------

    [Test]
    [CancelAfter(240_000)]
    public async Task Generated_requests_to_every_operation_never_get_a_5xx_and_every_4xx_has_the_envelope()
    {
        var histogram = new ConcurrentDictionary<int, int>();
        var perOperation = new ConcurrentDictionary<string, int>();
        var sent = 0;

        await Samples().SampleAsync(async sample =>
        {
            var operation = _operations[sample.Operation];
            var pathAndQuery = PathFor(operation, sample.IdChoices) + sample.Query;
            using var request = new HttpRequestMessage(new HttpMethod(operation.Method), _server.BaseAddress + pathAndQuery);
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + (operation.Path.StartsWith("/api-keys", StringComparison.Ordinal) ? _session : _apiKey));
            if (sample.Body is not null)
            {
                request.Content = new ByteArrayContent(sample.Body);
                if (sample.ContentType is not null)
                {
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", sample.ContentType);
                }
            }

            using var response = await Http.SendAsync(request);
            var status = (int)response.StatusCode;
            var raw = await response.Content.ReadAsStringAsync();
            Interlocked.Increment(ref sent);
            histogram.AddOrUpdate(status, 1, (_, c) => c + 1);
            perOperation.AddOrUpdate(operation.ToString(), 1, (_, c) => c + 1);

            if (status >= 500)
            {
                throw new AssertionException($"{status} for {sample}: {raw}\nServer errors:\n{_serverErrors}");
            }

            if (status >= 400)
            {
                AssertEnvelope(response, raw, sample);
            }
        }, iter: Iterations, threads: 4, print: s => s.ToString());

        var lines = histogram.OrderBy(p => p.Key).Select(p => $"  {p.Key}: {p.Value}");
        await TestContext.Out.WriteLineAsync($"Server fuzz: {sent} requests over {perOperation.Count} operations. Status histogram:\n{string.Join("\n", lines)}");

        Assert.That(sent, Is.GreaterThanOrEqualTo(Iterations));
        Assert.That(perOperation.Keys, Is.EquivalentTo(_operations.Select(o => o.ToString()).Distinct()), "every operation of the contract was exercised");
        Assert.That(histogram.Keys.Where(k => k >= 500), Is.Empty);

        // Nothing the fuzz stored can break a list: every list (and every other read) still answers 200.
        foreach (var operation in _operations.Where(o => o.Method == "GET"))
        {
            var path = PathFor(operation, [0, 0, 0, 0]);
            var response = await new Api(Http, _server.BaseAddress, operation.Path.StartsWith("/api-keys", StringComparison.Ordinal) ? _session : _apiKey).GetAsync(path);
            if (response.Code == 404 && operation.Path.Contains('{', StringComparison.Ordinal))
            {
                // The fuzz deleted the parent (a DELETE drew the real id); the list is gone with it.
                Check.Error(response, 404, "NOT_FOUND");
                continue;
            }

            Assert.That(response.Code, Is.EqualTo(200), $"{operation} after the fuzz: {response.Raw}");
            if (operation.IsList && path.Length > 0 && response.Json?["data"] is { } data)
            {
                Assert.That(data, Is.InstanceOf<JsonArray>());
            }
        }
    }

    private static void AssertEnvelope(HttpResponseMessage response, string raw, Sample sample)
    {
        var context = $"{(int)response.StatusCode} for {sample}: {raw}";
        if (response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            throw new AssertionException("not JSON: " + context);
        }

        JsonNode? error;
        try
        {
            error = JsonNode.Parse(raw)?["error"];
        }
        catch (System.Text.Json.JsonException)
        {
            throw new AssertionException("unparsable envelope: " + context);
        }

        var requestId = response.Headers.TryGetValues("X-Request-Id", out var values) ? values.Single() : null;
        if (error?["code"]?.GetValue<string>() is not { Length: > 0 }
            || error["message"]?.GetValue<string>() is not { Length: > 0 }
            || error["request_id"]?.GetValue<string>() is not { } id
            || id != requestId)
        {
            throw new AssertionException("bad envelope: " + context);
        }
    }
}

/// <summary>Keeps the server's Error-level log entries (with their exceptions) for failure messages.</summary>
internal sealed class ServerErrorLog : ILoggerProvider, ILogger
{
    private readonly ConcurrentQueue<string> _entries = new();

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel) && _entries.Count < 20)
        {
            _entries.Enqueue($"{formatter(state, exception)} {exception}");
        }
    }

    public void Dispose()
    {
    }

    public override string ToString() => string.Join("\n", _entries);
}
