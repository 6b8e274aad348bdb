using NUnit.Framework;

namespace Botcadence.ReferenceServer.Tests;

[TestFixture]
internal sealed class ApiKeyTests : ServerFixture
{
    [Test]
    public async Task A_session_creates_lists_and_revokes_real_keys()
    {
        var org = Server.CreateOrganization("keys");
        var session = new Api(Http, Server.BaseAddress, Server.CreateSessionToken(org.Id));
        Assert.That(session.Key, Does.StartWith("sess_"));

        var created = await session.PostAsync("api-keys", """{"name":"ERP Sync","scopes":["users:read"],"resource_mode":"ALL"}""");
        Assert.That(created.Code, Is.EqualTo(201), created.Raw);
        var plain = Check.Str(created.Body["plain_key"]);
        Assert.That(Check.Str(created.Body["key_prefix"]), Does.EndWith(plain[^4..]));

        var list = await session.GetAsync("api-keys");
        Assert.That(Check.Ids(list.Body), Does.Contain(created.Id));
        Assert.That(list.Raw, Does.Not.Contain(plain), "the plain key is shown only once");

        var key = session.WithKey(plain);
        Assert.That((await key.GetAsync("users")).Code, Is.EqualTo(200));
        Check.Error(await key.GetAsync("agents"), 403, "MISSING_SCOPE");

        Assert.That((await session.DeleteAsync("api-keys/" + created.Id)).Code, Is.EqualTo(204));
        Check.Error(await key.GetAsync("users"), 401, "KEY_REVOKED");
        Assert.That(Check.Ids((await session.GetAsync("api-keys")).Body), Does.Not.Contain(created.Id));
        Check.Error(await session.DeleteAsync("api-keys/" + created.Id), 404, "NOT_FOUND");
    }

    [Test]
    public async Task An_api_key_gets_403_forbidden()
    {
        var api = NewTenant();
        Check.Error(await api.GetAsync("api-keys"), 403, "FORBIDDEN");
        Check.Error(await api.PostAsync("api-keys", """{"name":"x","scopes":["users:read"]}"""), 403, "FORBIDDEN");
        Check.Error(await api.DeleteAsync("api-keys/key_x"), 403, "FORBIDDEN");
        Check.Error(await Anonymous().GetAsync("api-keys"), 401, "UNAUTHORIZED");
    }

    [TestCase("""{"name":"x","scopes":["users:read","root"]}""", 422, "UNPROCESSABLE", "scopes[1]")]
    [TestCase("""{"name":"x","scopes":[]}""", 422, "VALIDATION_ERROR", "scopes")]
    [TestCase("""{"scopes":["users:read"]}""", 400, "INVALID_REQUEST", "name")]
    [TestCase("""{"name":"x","scopes":["users:read"],"expires_at":"2000-01-01T00:00:00Z"}""", 422, "VALIDATION_ERROR", "expires_at")]
    [TestCase("""{"name":"x","scopes":["users:read"],"resource_mode":"SOME"}""", 422, "VALIDATION_ERROR", "resource_mode")]
    public async Task Bad_input_names_the_field(string body, int status, string code, string field)
    {
        var org = Server.CreateOrganization("keys");
        var session = new Api(Http, Server.BaseAddress, Server.CreateSessionToken(org.Id));
        Check.Error(await session.PostAsync("api-keys", body), status, code, field);
    }

    [Test]
    public async Task Another_organizations_key_is_404()
    {
        var a = Server.CreateOrganization("a");
        var b = Server.CreateOrganization("b");
        var key = Server.CreateApiKey(a.Id);
        var other = new Api(Http, Server.BaseAddress, Server.CreateSessionToken(b.Id));
        Check.Error(await other.DeleteAsync("api-keys/" + key.Id), 404, "NOT_FOUND");
    }
}
