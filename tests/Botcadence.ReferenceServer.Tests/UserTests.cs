using NUnit.Framework;

namespace Botcadence.ReferenceServer.Tests;

[TestFixture]
internal sealed class UserTests : ServerFixture
{
    [Test]
    public async Task Members_are_listed_page_style_and_filtered_by_role()
    {
        var org = Server.CreateOrganization("users");
        var api = new Api(Http, Server.BaseAddress, Server.CreateApiKey(org.Id, ["users:read"]).Key);
        var added = Server.AddUser(org.Id, "Vera Viewer", "vera@example.com", "viewer");

        var all = await api.GetAsync("users?per_page=2&page=3");
        Assert.That(all.Code, Is.EqualTo(200), all.Raw);
        Assert.That(all.Body["total"]!.GetValue<int>(), Is.EqualTo(5));
        Assert.That(Check.Ids(all.Body), Has.Count.EqualTo(1));

        var viewers = await api.GetAsync("users?role=viewer");
        Assert.That(Check.Ids(viewers.Body), Is.EqualTo(new[] { added.Id }));
        Assert.That(Check.Str(viewers.Body["data"]![0]!["email"]), Is.EqualTo("vera@example.com"));
        Check.Error(await api.GetAsync("users?role=god"), 400, "INVALID_REQUEST", "role");
        Check.Error(await NewTenant(["credentials:read"]).GetAsync("users"), 403, "MISSING_SCOPE");
    }

    [Test]
    public void AddUser_checks_its_arguments()
    {
        var org = Server.CreateOrganization("users");
        Assert.Throws<ArgumentException>(() => Server.AddUser(org.Id, "x", "x@y.z", "god"));
        Assert.Throws<KeyNotFoundException>(() => Server.AddUser("org_missing", "x", "x@y.z"));
    }
}
