using NUnit.Framework;

namespace Botcadence.ReferenceServer.Tests;

[TestFixture]
internal sealed class FormTests : ServerFixture
{
    private const string ContactForm = """
        {"name":"Contact Form","fields":[{"name":"email","type":"email","required":true},{"name":"message","type":"textarea","required":true},
         {"name":"plan","type":"select","options":["free","pro"]},{"name":"seats","type":"number"},{"name":"ok","type":"checkbox"}]}
        """;

    [Test]
    public async Task Create_returns_201_with_location_and_fields()
    {
        var api = NewTenant();
        var created = await api.PostAsync("forms", ContactForm);
        Assert.That(created.Code, Is.EqualTo(201), created.Raw);
        Assert.That(created.Id, Does.Match("^form_[0-9a-f]{16}$"));
        Assert.That(created.Message.Headers.Location?.ToString(), Is.EqualTo("/v1/forms/" + created.Id));
        Assert.That(Check.Str(created.Body["fields"]![0]!["type"]), Is.EqualTo("email"));
        Assert.That(created.Body["fields"]![2]!["options"]!.AsArray().Count, Is.EqualTo(2));
        Assert.That(created.Body["submission_count"]!.GetValue<int>(), Is.Zero);
    }

    [TestCase("""{"fields":[]}""", "name", 400)]
    [TestCase("""{"name":"x"}""", "fields", 400)]
    [TestCase("""{"name":"x","fields":{}}""", "fields", 400)]
    [TestCase("""{"name":"x","fields":[{"name":"a","type":"colour"}]}""", "fields[0].type", 422)]
    [TestCase("""{"name":"x","fields":[{"name":"a"}]}""", "fields[0].type", 400)]
    [TestCase("""{"name":"x","fields":[{"type":"text"}]}""", "fields[0].name", 400)]
    [TestCase("""{"name":"x","fields":[{"name":"1a","type":"text"}]}""", "fields[0].name", 422)]
    [TestCase("""{"name":"x","fields":[{"name":"a","type":"text"},{"name":"a","type":"email"}]}""", "fields[1].name", 422)]
    [TestCase("""{"name":"x","fields":[{"name":"a","type":"select"}]}""", "fields[0].options", 422)]
    [TestCase("""{"name":"x","fields":[{"name":"a","type":"text","options":["b"]}]}""", "fields[0].options", 422)]
    [TestCase("""{"name":"x","fields":[{"name":"a","type":"text","required":"yes"}]}""", "fields[0].required", 400)]
    public async Task Bad_definitions_are_rejected_naming_the_field(string body, string field, int status)
    {
        var response = await NewTenant().PostAsync("forms", body);
        Check.Field(response, status, field);
    }

    [TestCase("""{"data":{"message":"m"}}""", "data.email", 400)]
    [TestCase("""{"data":{"email":"","message":"m"}}""", "data.email", 422)]
    [TestCase("""{"data":{"email":"nope","message":"m"}}""", "data.email", 422)]
    [TestCase("""{"data":{"email":"a@b.co","message":"m","plan":"gold"}}""", "data.plan", 422)]
    [TestCase("""{"data":{"email":"a@b.co","message":"m","seats":"1"}}""", "data.seats", 400)]
    [TestCase("""{"data":{"email":"a@b.co","message":"m","ok":1}}""", "data.ok", 400)]
    [TestCase("""{"data":{"email":"a@b.co","message":"m","other":1}}""", "data.other", 422)]
    [TestCase("""{"data":[]}""", "data", 400)]
    [TestCase("""{}""", "data", 400)]
    public async Task Bad_submissions_are_rejected_naming_the_field(string body, string field, int status)
    {
        var api = NewTenant();
        var form = (await api.PostAsync("forms", ContactForm)).Id;
        Check.Field(await api.PostAsync($"forms/{form}/submissions", body), status, field);
        var list = await api.GetAsync($"forms/{form}/submissions");
        Assert.That(list.Body["data"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Submissions_are_stored_and_listed_by_cursor()
    {
        var api = NewTenant();
        var form = (await api.PostAsync("forms", ContactForm)).Id;
        var first = await api.PostAsync($"forms/{form}/submissions", """{"data":{"email":"user@example.com","message":"Hello!","seats":2,"ok":true,"plan":"pro"}}""");
        Assert.That(first.Code, Is.EqualTo(201), first.Raw);
        Assert.That(first.Id, Does.StartWith("sub_"));
        var second = await api.PostAsync($"forms/{form}/submissions", """{"data":{"email":"b@example.com","message":"Hi"}}""");

        var page = await api.GetAsync($"forms/{form}/submissions?limit=1");
        Assert.That(Check.Ids(page.Body), Is.EqualTo(new[] { second.Id }));
        Assert.That(page.Body["has_more"]!.GetValue<bool>(), Is.True);
        var next = await api.GetAsync($"forms/{form}/submissions?limit=1&cursor={Check.Str(page.Body["next_cursor"])}");
        Assert.That(Check.Ids(next.Body), Is.EqualTo(new[] { first.Id }));
        Assert.That(next.Body["has_more"]!.GetValue<bool>(), Is.False);
        Assert.That(next.Body["next_cursor"], Is.Null);
        Check.Error(await api.GetAsync($"forms/{form}/submissions?cursor=bogus"), 400, "INVALID_REQUEST", "cursor");
    }

    [Test]
    public async Task Another_organizations_form_is_404_and_scopes_are_enforced()
    {
        var owner = NewTenant();
        var form = (await owner.PostAsync("forms", ContactForm)).Id;
        var stranger = NewTenant();
        Check.Error(await stranger.GetAsync("forms/" + form), 404, "NOT_FOUND");
        Check.Error(await stranger.PostAsync($"forms/{form}/submissions", """{"data":{}}"""), 404, "NOT_FOUND");
        Check.Error(await stranger.GetAsync($"forms/{form}/submissions"), 404, "NOT_FOUND");
        var reader = NewTenant(["forms:read"]);
        var denied = Check.Error(await reader.PostAsync("forms", ContactForm), 403, "MISSING_SCOPE");
        Assert.That(Check.Str(denied["required_scope"]), Is.EqualTo("forms:write"));
    }
}
