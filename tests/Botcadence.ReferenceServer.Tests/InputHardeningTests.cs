using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using NUnit.Framework;

namespace Botcadence.ReferenceServer.Tests;

/// <summary>Bad Unicode, strict paging integers, truncated multipart: always a 4xx envelope, never a 500, nothing stored.</summary>
[TestFixture]
internal sealed class InputHardeningTests : ServerFixture
{
    private static readonly byte[] InvalidUtf8 = [0xED, 0xA0, 0x80]; // a UTF-8-encoded surrogate: not valid UTF-8

    /// <summary>The JSON text with every <c>@@</c> replaced by the raw bytes ED A0 80.</summary>
    private static Action<HttpRequestMessage> RawJson(string json) => request =>
    {
        var parts = json.Split("@@");
        var bytes = new List<byte>();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                bytes.AddRange(InvalidUtf8);
            }

            bytes.AddRange(Encoding.UTF8.GetBytes(parts[i]));
        }

        request.Content = new ByteArrayContent([.. bytes]);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
    };

    private async Task<Dictionary<string, string>> TargetsAsync(Api api)
    {
        var workflow = await api.CreateActiveWorkflowAsync();
        var dataSources = await api.GetAsync("data-sources");
        var customers = dataSources.Body["data"]!.AsArray().Single(d => Check.Str(d!["name"]) == "Customers")!["id"]!.GetValue<string>();
        var form = (await api.PostAsync("forms", """{"name":"f","fields":[{"name":"note","type":"text"}]}""")).Id;
        var template = (await api.PostAsync("templates", """{"name":"t","tasks":[{"name":"a","required":false}]}""")).Id;
        Assert.That((await api.PostAsync($"templates/{template}/publish")).Code, Is.EqualTo(200));
        var run = await api.PostAsync("runs", $$"""{"template_id":"{{template}}"}""");
        var task = Check.Str(run.Body["tasks"]![0]!["id"]);
        var agent = Server.AddAgent(OrganizationOf(api), "Helper").Id;
        return new Dictionary<string, string>
        {
            ["workflow"] = workflow,
            ["customers"] = customers,
            ["form"] = form,
            ["run"] = run.Id,
            ["task"] = task,
            ["agent"] = agent,
        };
    }

    private readonly Dictionary<string, string> _organizations = [];

    private Api NewTrackedTenant()
    {
        var org = Server.CreateOrganization("Unicode " + Guid.NewGuid().ToString("N")[..6]);
        var api = new Api(Http, Server.BaseAddress, Server.CreateApiKey(org.Id).Key);
        _organizations[api.Key!] = org.Id;
        return api;
    }

    private string OrganizationOf(Api api) => _organizations[api.Key!];

    /// <summary>(method, path, body with {X} where the bad string goes, expected field).</summary>
    private static IEnumerable<(HttpMethod Method, string Path, string Body, string Field)> Cases(Dictionary<string, string> t) =>
    [
        (HttpMethod.Post, "workflows", """{"name":{X}}""", "name"),
        (HttpMethod.Post, "workflows", """{"name":"ok","actions":[{"type":"x","config":{"deep":[1,{"v":{X}}]}}]}""", "actions[0].config.deep[1].v"),
        (HttpMethod.Put, "workflows/" + t["workflow"], """{"name":"ok","trigger":{"type":"webhook","config":{"k":{X}}}}""", "trigger.config.k"),
        (HttpMethod.Patch, "workflows/" + t["workflow"], """{"description":{X}}""", "description"),
        (HttpMethod.Post, $"workflows/{t["workflow"]}/execute", """{"input":{"a":{"b":["fine",{X}]}}}""", "input.a.b[1]"),
        (HttpMethod.Post, $"data-sources/{t["customers"]}/records", """{"values":{"name":{X},"email":"e"}}""", "values.name"),
        (HttpMethod.Post, $"forms/{t["form"]}/submissions", """{"data":{"note":{X}}}""", "data.note"),
        (HttpMethod.Patch, $"runs/{t["run"]}/tasks/{t["task"]}", """{"value":{"free":{X}}}""", "value.free"),
        (HttpMethod.Post, $"agents/{t["agent"]}/message", """{"content":"hi","metadata":{"m":{X}}}""", "metadata.m"),
        (HttpMethod.Post, "credentials", """{"name":"c","type":"custom","value":{X}}""", "value"),
    ];

    private static async Task AssertNothingStoredAsync(Api api, Dictionary<string, string> t)
    {
        var lists = new[]
        {
            "workflows", "executions", $"workflows/{t["workflow"]}/executions", $"data-sources/{t["customers"]}/records",
            $"forms/{t["form"]}/submissions", "runs", $"agents/{t["agent"]}/tasks", "credentials", "agents",
        };
        foreach (var list in lists)
        {
            var response = await api.GetAsync(list);
            Assert.That(response.Code, Is.EqualTo(200), list + ": " + response.Raw);
            Assert.That(response.Raw, Does.Not.Contain("\uFFFD"), list);
        }

        Assert.That((await api.GetAsync("workflows")).Body["total"]!.GetValue<int>(), Is.EqualTo(1), "only the target workflow");
        Assert.That((await api.GetAsync("executions")).Body["data"]!.AsArray(), Is.Empty);
        Assert.That((await api.GetAsync($"data-sources/{t["customers"]}/records")).Body["data"]!.AsArray(), Is.Empty);
        Assert.That((await api.GetAsync($"forms/{t["form"]}/submissions")).Body["data"]!.AsArray(), Is.Empty);
        Assert.That((await api.GetAsync($"agents/{t["agent"]}/tasks")).Body["total"]!.GetValue<int>(), Is.Zero);
        Assert.That((await api.GetAsync("credentials")).Body["total"]!.GetValue<int>(), Is.Zero);
        var run = await api.GetAsync("runs/" + t["run"]);
        Assert.That(run.Body["tasks"]![0]!["value"], Is.Null);
        var workflow = await api.GetAsync("workflows/" + t["workflow"]);
        Assert.That(workflow.Body["description"], Is.Null);
        Assert.That(workflow.Body["trigger"], Is.Null);
    }

    [Test]
    public async Task A_lone_surrogate_escape_anywhere_in_a_body_is_400_naming_the_field_and_nothing_is_stored()
    {
        var api = NewTrackedTenant();
        var targets = await TargetsAsync(api);
        foreach (var (method, path, body, field) in Cases(targets))
        {
            foreach (var bad in new[] { "\"\\ud800\"", "\"ok \\udfff\"", "\"\\ude00\\ud83d\"" })
            {
                var response = await api.SendAsync(method, path, body.Replace("{X}", bad, StringComparison.Ordinal));
                Check.Error(response, 400, "INVALID_REQUEST", field);
            }
        }

        // A bad property name: the field is the object that holds it.
        Check.Error(await api.PostAsync("workflows", """{"name":"x","actions":[{"type":"t","config":{"\ud800":1}}]}"""), 400, "INVALID_REQUEST", "actions[0].config");
        Check.Error(await api.PostAsync("workflows", """{"\udc00":1,"name":"x"}"""), 400, "INVALID_REQUEST");

        // A valid surrogate pair is fine and comes back intact.
        var emoji = await api.PostAsync("workflows", """{"name":"smile \ud83d\ude00","actions":[{"type":"x","config":{"e":"\ud83d\ude00"}}]}""");
        Assert.That(emoji.Code, Is.EqualTo(201), emoji.Raw);
        Assert.That(Check.Str(emoji.Body["name"]), Is.EqualTo("smile \U0001F600"));
        Assert.That((await api.DeleteAsync("workflows/" + emoji.Id)).Code, Is.EqualTo(204));

        await AssertNothingStoredAsync(api, targets);
    }

    [Test]
    public async Task Invalid_utf8_bytes_anywhere_in_a_body_are_400_naming_the_field_and_nothing_is_stored()
    {
        var api = NewTrackedTenant();
        var targets = await TargetsAsync(api);
        foreach (var (method, path, body, field) in Cases(targets))
        {
            var response = await api.SendAsync(method, path, "-", configure: RawJson(body.Replace("{X}", "\"a@@b\"", StringComparison.Ordinal)));
            Check.Error(response, 400, "INVALID_REQUEST", field);
        }

        await AssertNothingStoredAsync(api, targets);
    }

    [Test]
    public async Task A_stored_lone_surrogate_never_makes_a_list_answer_500()
    {
        // The server's own seeding API takes .NET strings; a lone surrogate stored this way must not break the list.
        var org = Server.CreateOrganization("stored");
        var api = new Api(Http, Server.BaseAddress, Server.CreateApiKey(org.Id).Key);
        var agent = Server.AddAgent(org.Id, "bad \ud800 name");
        var list = await api.GetAsync("agents");
        Assert.That(list.Code, Is.EqualTo(200), list.Raw);
        Assert.That(list.Body["data"]!.AsArray().Select(a => Check.Str(a!["name"])), Does.Contain("bad \uFFFD name"));
        Assert.That((await api.GetAsync("agents/" + agent.Id)).Code, Is.EqualTo(200));
    }

    [Test]
    public async Task A_value_nested_as_deep_as_a_request_may_be_is_always_written_back()
    {
        // Found by the fuzz test: a body at the reader's depth limit (64) was stored, and then every list that wrapped it
        // in its envelope (page → workflow → actions → config …) went past the writer's depth and answered 500.
        var org = Server.CreateOrganization("deep");
        var api = new Api(Http, Server.BaseAddress, Server.CreateApiKey(org.Id).Key);
        const int levels = 61; // in the body under root, actions[] and the action: 64 deep, the reader's limit
        var config = string.Concat(Enumerable.Repeat("{\"a\":", levels)) + "1" + new string('}', levels);
        var created = await api.SendAsync(HttpMethod.Post, "workflows",
            "{\"name\":\"deep\",\"status\":\"active\",\"actions\":[{\"type\":\"log\",\"config\":" + config + "}]}");
        Assert.That(created.Code, Is.EqualTo(201), created.Raw);
        var id = System.Text.RegularExpressions.Regex.Match(created.Raw, "\"id\":\"(wf_[^\"]+)\"").Groups[1].Value;

        var executed = await api.SendAsync(HttpMethod.Post, $"workflows/{id}/execute", "{\"input\":" + config + "}");
        Assert.That(executed.Code, Is.EqualTo(201).Or.EqualTo(202), executed.Raw);
        foreach (var path in new[] { "workflows", $"workflows/{id}", "executions", $"workflows/{id}/executions" })
        {
            var read = await api.SendAsync(HttpMethod.Get, path);
            Assert.That(read.Code, Is.EqualTo(200), $"{path}: {read.Raw}");
            Assert.That(read.Raw, Does.Contain(new string('}', levels)), path);
        }
    }

    [TestCase("workflows?limit=abc&per_page=5", "limit")]
    [TestCase("workflows?per_page=5&limit=0", "limit")]
    [TestCase("workflows?limit=5&per_page=abc", "per_page")]
    [TestCase("workflows?limit=1%00", "limit")]
    [TestCase("workflows?per_page=1%00", "per_page")]
    [TestCase("workflows?page=2%00", "page")]
    [TestCase("workflows?page=%EF%BC%92", "page")]
    [TestCase("workflows?per_page=%201", "per_page")]
    [TestCase("workflows?per_page=1.0", "per_page")]
    [TestCase("workflows?page=99999999999999999999", "page")]
    [TestCase("executions?limit=1%00", "limit")]
    [TestCase("runs?limit=abc", "limit")]
    public async Task Paging_values_that_are_not_plain_integers_are_400(string path, string field) =>
        Check.Error(await NewTenant().GetAsync(path), 400, "INVALID_REQUEST", field);

    [Test]
    public async Task Per_page_wins_over_a_valid_limit_alias()
    {
        var response = await NewTenant().GetAsync("workflows?limit=7&per_page=5");
        Assert.That(response.Code, Is.EqualTo(200), response.Raw);
        Assert.That(response.Body["per_page"]!.GetValue<int>(), Is.EqualTo(5));
        Assert.That((await NewTenant().GetAsync("workflows?limit=7")).Body["per_page"]!.GetValue<int>(), Is.EqualTo(7));
        Assert.That((await NewTenant().GetAsync("workflows?page=%2B2")).Body["page"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [TestCase(false, TestName = "Multipart cut off inside the file part")]
    [TestCase(true, TestName = "Multipart cut off before the closing boundary")]
    public async Task A_truncated_multipart_upload_is_400(bool complete)
    {
        var api = NewTenant();
        const string boundary = "XyZ";
        var text = $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nhello world"
            + (complete ? $"\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"run_id\"\r\n\r\nrun_" : string.Empty);
        var response = await api.SendAsync(HttpMethod.Post, "files", "-", configure: r =>
        {
            r.Content = new ByteArrayContent(Encoding.ASCII.GetBytes(text));
            r.Content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        });
        Check.Error(response, 400, "INVALID_REQUEST");
    }

    [Test]
    public async Task A_multipart_file_part_with_a_content_type_that_cannot_be_served_back_is_400()
    {
        var api = NewTenant();
        const string boundary = "b0";
        var response = await api.SendAsync(HttpMethod.Post, "files", "-", configure: r =>
        {
            var bytes = Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/pl\u00e4in\r\n\r\nhi\r\n--{boundary}--\r\n");
            r.Content = new ByteArrayContent(bytes);
            r.Content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        });
        Check.Error(response, 400, "INVALID_REQUEST", "file");
    }

    [Test]
    public async Task A_connection_that_ends_mid_upload_gets_no_500()
    {
        // Content-Length promises more than is sent; the client half-closes. Kestrel reports the short body as a 400.
        using var client = new TcpClient();
        await client.ConnectAsync(Server.RootAddress.Host, Server.RootAddress.Port);
        var stream = client.GetStream();
        const string boundary = "XyZ";
        var body = $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello";
        var head = $"POST /v1/files HTTP/1.1\r\nHost: {Server.RootAddress.Authority}\r\nAuthorization: Bearer {Server.ApiKey}\r\n"
            + $"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {body.Length + 1000}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head + body));
        client.Client.Shutdown(SocketShutdown.Send);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        string? statusLine;
        try
        {
            statusLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch (IOException)
        {
            statusLine = null; // the connection was reset: no answer, which is not a 5xx either
        }

        Assert.That(statusLine, Does.StartWith("HTTP/1.1 4").Or.Null, "a 4xx, or the connection closed; never a 5xx");
    }
}
