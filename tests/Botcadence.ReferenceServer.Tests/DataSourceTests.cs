using NUnit.Framework;

namespace Botcadence.ReferenceServer.Tests;

[TestFixture]
internal sealed class DataSourceTests : ServerFixture
{
    private async Task<(Api Api, string Customers)> TenantAsync()
    {
        var api = NewTenant();
        var list = await api.GetAsync("data-sources");
        Assert.That(list.Code, Is.EqualTo(200), list.Raw);
        var customers = list.Body["data"]!.AsArray().Single(d => Check.Str(d!["name"]) == "Customers")!;
        return (api, Check.Str(customers["id"]));
    }

    [Test]
    public async Task Seeded_data_sources_have_typed_columns()
    {
        var (api, _) = await TenantAsync();
        var list = await api.GetAsync("data-sources");
        Assert.That(list.Body["total"]!.GetValue<int>(), Is.EqualTo(2));
        var customers = list.Body["data"]!.AsArray().Single(d => Check.Str(d!["name"]) == "Customers")!;
        var columns = customers["columns"]!.AsArray();
        Assert.That(columns.Select(c => Check.Str(c!["type"])), Is.EquivalentTo(new[] { "text", "text", "number", "boolean", "date" }));
        Assert.That(columns.Single(c => Check.Str(c!["name"]) == "email")!["required"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Records_are_created_patched_and_listed_by_cursor()
    {
        var (api, ds) = await TenantAsync();
        var created = await api.PostAsync($"data-sources/{ds}/records", """{"values":{"name":"Ada","email":"ada@example.com","lifetime_value":12.5,"active":true,"signed_up":"2026-01-02"}}""");
        Assert.That(created.Code, Is.EqualTo(201), created.Raw);
        Assert.That(created.Id, Does.StartWith("rec_"));
        Assert.That(Check.Str(created.Body["data_source_id"]), Is.EqualTo(ds));

        var patched = await api.PatchAsync($"data-sources/{ds}/records/{created.Id}", """{"values":{"lifetime_value":20,"active":null}}""");
        Assert.That(patched.Code, Is.EqualTo(200), patched.Raw);
        Assert.That(patched.Body["values"]!["lifetime_value"]!.GetValue<int>(), Is.EqualTo(20));
        Assert.That(patched.Body["values"]!.AsObject().ContainsKey("active"), Is.False, "null removes an optional value");
        Assert.That(Check.Str(patched.Body["values"]!["name"]), Is.EqualTo("Ada"));

        for (var i = 0; i < 4; i++)
        {
            Assert.That((await api.PostAsync($"data-sources/{ds}/records", $$$"""{"values":{"name":"n{{{i}}}","email":"e{{{i}}}@x.y"}}""")).Code, Is.EqualTo(201));
        }

        var first = await api.GetAsync($"data-sources/{ds}/records?limit=2");
        Assert.That(first.Body["has_more"]!.GetValue<bool>(), Is.True);
        var second = await api.GetAsync($"data-sources/{ds}/records?limit=2&cursor={Check.Str(first.Body["next_cursor"])}");
        var third = await api.GetAsync($"data-sources/{ds}/records?limit=2&cursor={Check.Str(second.Body["next_cursor"])}");
        Assert.That(third.Body["has_more"]!.GetValue<bool>(), Is.False);
        Assert.That(third.Body["next_cursor"], Is.Null);
        Assert.That(Check.Ids(third.Body), Has.Count.EqualTo(1).And.Contains(created.Id), "oldest last");
        var recordCount = (await api.GetAsync("data-sources")).Body["data"]!.AsArray().Single(d => Check.Str(d!["id"]) == ds)!["record_count"]!.GetValue<int>();
        Assert.That(recordCount, Is.EqualTo(5));
    }

    [TestCase("""{"values":{"name":"a"}}""", "values.email", 400)]
    [TestCase("""{"values":{"name":"a","email":"e","nickname":"x"}}""", "values.nickname", 422)]
    [TestCase("""{"values":{"name":"a","email":"e","lifetime_value":"lots"}}""", "values.lifetime_value", 400)]
    [TestCase("""{"values":{"name":"a","email":"e","active":"yes"}}""", "values.active", 400)]
    [TestCase("""{"values":{"name":"a","email":"e","signed_up":"yesterday"}}""", "values.signed_up", 422)]
    [TestCase("""{"values":{"name":null,"email":"e"}}""", "values.name", 400)]
    [TestCase("""{"values":[1]}""", "values", 400)]
    [TestCase("""{}""", "values", 400)]
    public async Task Create_validates_values_against_the_columns(string body, string field, int status)
    {
        var (api, ds) = await TenantAsync();
        Check.Field(await api.PostAsync($"data-sources/{ds}/records", body), status, field);
    }

    [TestCase("""{"values":{"email":null}}""", "values.email", 400)]
    [TestCase("""{"values":{"unknown":1}}""", "values.unknown", 422)]
    [TestCase("""{"values":{"lifetime_value":true}}""", "values.lifetime_value", 400)]
    public async Task Patch_validates_values_against_the_columns(string body, string field, int status)
    {
        var (api, ds) = await TenantAsync();
        var id = (await api.PostAsync($"data-sources/{ds}/records", """{"values":{"name":"a","email":"e"}}""")).Id;
        Check.Field(await api.PatchAsync($"data-sources/{ds}/records/{id}", body), status, field);
    }

    [Test]
    public async Task Other_organizations_and_other_data_sources_get_404()
    {
        var (api, ds) = await TenantAsync();
        var id = (await api.PostAsync($"data-sources/{ds}/records", """{"values":{"name":"a","email":"e"}}""")).Id;
        var other = Check.Ids((await api.GetAsync("data-sources")).Body).Single(x => x != ds);
        Check.Error(await api.PatchAsync($"data-sources/{other}/records/{id}", """{"values":{}}"""), 404, "NOT_FOUND");
        Check.Error(await NewTenant().GetAsync($"data-sources/{ds}/records"), 404, "NOT_FOUND");
        Check.Error(await NewTenant().PostAsync($"data-sources/{ds}/records", """{"values":{}}"""), 404, "NOT_FOUND");
        Check.Error(await api.GetAsync($"data-sources/{ds}/records?cursor=bogus"), 400, "INVALID_REQUEST", "cursor");
    }
}
