using NUnit.Framework;

namespace Botcadence.ReferenceServer.Tests;

[TestFixture]
internal sealed class CredentialTests : ServerFixture
{
    private const string Secret = "xoxb-very-secret-token-123";

    [Test]
    public async Task Create_get_list_delete_never_return_the_value()
    {
        var api = NewTenant();
        var created = await api.PostAsync("credentials", $$"""{"name":"Slack Bot Token","type":"api_key","value":"{{Secret}}"}""");
        Assert.That(created.Code, Is.EqualTo(201), created.Raw);
        Assert.That(created.Id, Does.Match("^cred_[0-9a-f]{16}$"));
        Assert.That(created.Message.Headers.Location?.ToString(), Is.EqualTo("/v1/credentials/" + created.Id));
        Assert.That(created.Body.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "id", "name", "type", "created_at" }));

        var got = await api.GetAsync("credentials/" + created.Id);
        var list = await api.GetAsync("credentials?type=api_key");
        Assert.That(Check.Ids(list.Body), Is.EqualTo(new[] { created.Id }));
        foreach (var response in new[] { created, got, list })
        {
            Assert.That(response.Raw, Does.Not.Contain("xoxb").And.Not.Contain("123"), "no part of the value is returned");
        }

        Assert.That((await api.DeleteAsync("credentials/" + created.Id)).Code, Is.EqualTo(204));
        Check.Error(await api.GetAsync("credentials/" + created.Id), 404, "NOT_FOUND");
        Check.Error(await api.DeleteAsync("credentials/" + created.Id), 404, "NOT_FOUND");
    }

    [TestCase("""{"type":"api_key","value":"xoxb-very-secret-token-123"}""", "name", 400)]
    [TestCase("""{"name":"n","value":"xoxb-very-secret-token-123"}""", "type", 400)]
    [TestCase("""{"name":"n","type":"password","value":"xoxb-very-secret-token-123"}""", "type", 422)]
    [TestCase("""{"name":"n","type":"custom"}""", "value", 400)]
    [TestCase("""{"name":"n","type":"custom","value":""}""", "value", 422)]
    [TestCase("""{"name":"n","type":"custom","value":42}""", "value", 400)]
    public async Task Bad_input_is_4xx_naming_the_field_without_echoing_the_value(string body, string field, int status)
    {
        var response = await NewTenant().PostAsync("credentials", body);
        Check.Field(response, status, field);
        Assert.That(response.Raw, Does.Not.Contain("xoxb"));
    }

    [Test]
    public async Task Bad_type_filter_is_400_and_another_organization_gets_404()
    {
        var owner = NewTenant();
        var id = (await owner.PostAsync("credentials", """{"name":"n","type":"custom","value":"v"}""")).Id;
        Check.Error(await owner.GetAsync("credentials?type=nope"), 400, "INVALID_REQUEST", "type");
        Check.Error(await NewTenant().GetAsync("credentials/" + id), 404, "NOT_FOUND");
        Check.Error(await NewTenant().DeleteAsync("credentials/" + id), 404, "NOT_FOUND");
        Check.Error(await NewTenant(["credentials:read"]).PostAsync("credentials", """{"name":"n","type":"custom","value":"v"}"""), 403, "MISSING_SCOPE");
    }
}
