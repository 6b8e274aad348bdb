using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace Botcadence.ReferenceServer.Tests;

[TestFixture]
internal sealed class AuthTests : ServerFixture
{
    private static readonly string[] AllScopes = ["workflows:read", "workflows:write", "workflows:execute", "executions:read"];

    private FakeTimeProvider _time = null!;

    protected override ReferenceServerOptions Options()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 4, 12, 0, 0, TimeSpan.Zero));
        return new ReferenceServerOptions { TimeProvider = _time, StepDuration = TimeSpan.Zero };
    }

    public static IEnumerable<TestCaseData> Endpoints()
    {
        yield return new TestCaseData("GET", "workflows", null, "workflows:read");
        yield return new TestCaseData("POST", "workflows", """{"name":"x"}""", "workflows:write");
        yield return new TestCaseData("GET", "workflows/{wf}", null, "workflows:read");
        yield return new TestCaseData("PATCH", "workflows/{wf}", """{"name":"y"}""", "workflows:write");
        yield return new TestCaseData("PUT", "workflows/{wf}", """{"name":"y"}""", "workflows:write");
        yield return new TestCaseData("DELETE", "workflows/{wf}", null, "workflows:write");
        yield return new TestCaseData("POST", "workflows/{wf}/activate", null, "workflows:write");
        yield return new TestCaseData("POST", "workflows/{wf}/deactivate", null, "workflows:write");
        yield return new TestCaseData("POST", "workflows/{wf}/execute", """{"input":{}}""", "workflows:execute");
        yield return new TestCaseData("GET", "workflows/{wf}/metrics", null, "workflows:read");
        yield return new TestCaseData("GET", "workflows/{wf}/executions", null, "executions:read");
        yield return new TestCaseData("GET", "workflows/{wf}/executions/{exec}", null, "executions:read");
        yield return new TestCaseData("GET", "executions", null, "executions:read");
        yield return new TestCaseData("GET", "executions/{exec}", null, "executions:read");
    }

    [TestCaseSource(nameof(Endpoints))]
    public async Task Key_lacking_scope_gets_403_naming_it(string method, string path, string? body, string scope)
    {
        var org = Server.CreateOrganization("Scoped");
        var full = new Api(Http, Server.BaseAddress, Server.CreateApiKey(org.Id).Key);
        var wf = await full.CreateActiveWorkflowAsync();
        var exec = Check.Str((await full.ExecuteAsync(wf))["id"]);
        var resolved = path.Replace("{wf}", wf, StringComparison.Ordinal).Replace("{exec}", exec, StringComparison.Ordinal);

        var lacking = full.WithKey(Server.CreateApiKey(org.Id, AllScopes.Where(s => s != scope)).Key);
        var denied = await lacking.SendAsync(new HttpMethod(method), resolved, body);
        var error = Check.Error(denied, 403, "MISSING_SCOPE");
        Assert.That(error["required_scope"]!.GetValue<string>(), Is.EqualTo(scope));

        var only = full.WithKey(Server.CreateApiKey(org.Id, [scope]).Key);
        var allowed = await only.SendAsync(new HttpMethod(method), resolved, body);
        Assert.That(allowed.Code, Is.LessThan(300), allowed.Raw);
    }

    [Test]
    public async Task Missing_and_bogus_keys_are_401()
    {
        Check.Error(await Anonymous().GetAsync("workflows"), 401, "UNAUTHORIZED");
        Check.Error(await DefaultApi.WithKey("sk_test_00000000000000000000000000000000").GetAsync("workflows"), 401, "UNAUTHORIZED");
        var basic = await Anonymous().SendAsync(HttpMethod.Get, "workflows", configure: r => r.Headers.Add("Authorization", "Basic abc"));
        Check.Error(basic, 401, "UNAUTHORIZED");
    }

    [Test]
    public async Task Expired_key_is_401_key_expired()
    {
        var key = Server.CreateApiKey(Server.DefaultOrganization.Id, expiresAt: _time.GetUtcNow().AddHours(1));
        var api = DefaultApi.WithKey(key.Key);
        Assert.That((await api.GetAsync("workflows")).Code, Is.EqualTo(200));

        _time.Advance(TimeSpan.FromHours(2));
        Check.Error(await api.GetAsync("workflows"), 401, "KEY_EXPIRED");
    }

    [Test]
    public async Task Revoked_key_is_401_key_revoked()
    {
        var key = Server.CreateApiKey(Server.DefaultOrganization.Id);
        var api = DefaultApi.WithKey(key.Key);
        Assert.That((await api.GetAsync("workflows")).Code, Is.EqualTo(200));

        Server.RevokeApiKey(key.Id);
        Check.Error(await api.GetAsync("workflows"), 401, "KEY_REVOKED");
    }

    [Test]
    public async Task Other_organizations_resources_are_404()
    {
        var owner = NewTenant();
        var intruder = NewTenant();
        var wf = await owner.CreateActiveWorkflowAsync();
        var exec = Check.Str((await owner.ExecuteAsync(wf))["id"]);

        Check.Error(await intruder.GetAsync("workflows/" + wf), 404, "NOT_FOUND");
        Check.Error(await intruder.PatchAsync("workflows/" + wf, """{"name":"pwned"}"""), 404, "NOT_FOUND");
        Check.Error(await intruder.PutAsync("workflows/" + wf, """{"name":"pwned"}"""), 404, "NOT_FOUND");
        Check.Error(await intruder.PostAsync($"workflows/{wf}/execute"), 404, "NOT_FOUND");
        Check.Error(await intruder.PostAsync($"workflows/{wf}/deactivate"), 404, "NOT_FOUND");
        Check.Error(await intruder.GetAsync($"workflows/{wf}/metrics"), 404, "NOT_FOUND");
        Check.Error(await intruder.GetAsync($"workflows/{wf}/executions"), 404, "NOT_FOUND");
        Check.Error(await intruder.GetAsync("executions/" + exec), 404, "NOT_FOUND");
        Check.Error(await intruder.DeleteAsync("workflows/" + wf), 404, "NOT_FOUND");

        var list = await intruder.GetAsync("workflows");
        Assert.That(list.Body["total"]!.GetValue<int>(), Is.Zero);
        var executions = await intruder.GetAsync("executions");
        Assert.That(executions.Body["data"]!.AsArray(), Is.Empty);

        var stillThere = await owner.GetAsync("workflows/" + wf);
        Assert.That(Check.Str(stillThere.Body["name"]), Is.EqualTo("Active"));
    }

    [Test]
    public void Server_api_validates_arguments()
    {
        Assert.That(() => Server.CreateOrganization("x", "platinum"), Throws.ArgumentException);
        Assert.That(() => Server.CreateApiKey(Server.DefaultOrganization.Id, ["nope:read"]), Throws.ArgumentException);
        Assert.That(() => Server.CreateApiKey("org_missing"), Throws.InstanceOf<KeyNotFoundException>());
        Assert.That(() => Server.RevokeApiKey("key_missing"), Throws.InstanceOf<KeyNotFoundException>());
        var key = Server.CreateApiKey(Server.DefaultOrganization.Id, ["workflows:read"]);
        Assert.That(key.Key, Does.Match("^sk_test_[0-9a-f]{32}$"));
        Assert.That(key.Id, Does.Match("^key_[0-9a-f]{16}$"));
        Assert.That(Server.DefaultOrganization.Id, Is.EqualTo("org_default"));
        Assert.That(Server.DefaultOrganization.Plan, Is.EqualTo("enterprise"));
        Assert.That(Server.BaseAddress.ToString(), Does.EndWith("/v1/"));
        Assert.That(Server.ApiKey, Does.Match("^sk_test_[0-9a-f]{32}$"));
    }
}
