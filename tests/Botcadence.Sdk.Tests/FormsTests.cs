using System.Text.Json;
using System.Text.Json.Nodes;

namespace Botcadence.Sdk.Tests;

[TestFixture]
public sealed class FormsTests
{
    private static FormCreateOptions ContactForm(string name = "Contact Form") => new()
    {
        Name = name,
        Description = "Seed 001's contact form, plus every type.",
        Fields =
        [
            new FormFieldOptions { Name = "email", Type = FormFieldType.Email, Required = true },
            new FormFieldOptions { Name = "message", Type = FormFieldType.Textarea, Required = true },
            new FormFieldOptions { Name = "subject", Type = FormFieldType.Text, Label = "Subject" },
            new FormFieldOptions { Name = "seats", Type = FormFieldType.Number },
            new FormFieldOptions { Name = "plan", Type = FormFieldType.Select, Options = ["free", "pro"] },
            new FormFieldOptions { Name = "newsletter", Type = FormFieldType.Checkbox },
        ],
    };

    [Test]
    public async Task Create_get_and_list_a_form()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var form = await client.Forms.CreateAsync(ContactForm());

        Assert.That(form.Id, Does.StartWith("form_"));
        Assert.That(form.Fields.Select(f => f.Type), Is.EqualTo(new[] { FormFieldType.Email, FormFieldType.Textarea, FormFieldType.Text, FormFieldType.Number, FormFieldType.Select, FormFieldType.Checkbox }));
        Assert.That(form.Fields[0].Required, Is.True);
        Assert.That(form.Fields[2].Required, Is.False);
        Assert.That(form.Fields[2].Label, Is.EqualTo("Subject"));
        Assert.That(form.Fields[4].Options, Is.EqualTo(new[] { "free", "pro" }));
        Assert.That(form.SubmissionCount, Is.Zero);

        var fetched = await client.Forms.GetAsync(form.Id);
        Assert.That(fetched.Name, Is.EqualTo("Contact Form"));
        Assert.That(fetched.Description, Is.EqualTo(form.Description));
        Assert.That((await client.Forms.ListAsync().ToListAsync()).Select(f => f.Id), Is.EqualTo(new[] { form.Id }));
    }

    [Test]
    public async Task An_unknown_field_type_is_422_naming_it()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var options = ContactForm();
        options.Fields.Add(new FormFieldOptions { Name = "signature", Type = new FormFieldType("signature") });

        var ex = await Assert.ThrowsAsync<BotCadenceValidationException>(() => client.Forms.CreateAsync(options));
        Assert.That(ex!.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.UnprocessableEntity));
        Assert.That(ex.Field, Is.EqualTo("fields[6].type"));

        var select = new FormCreateOptions { Name = "x", Fields = [new FormFieldOptions { Name = "plan", Type = FormFieldType.Select }] };
        var noOptions = await Assert.ThrowsAsync<BotCadenceValidationException>(() => client.Forms.CreateAsync(select));
        Assert.That(noOptions!.Field, Is.EqualTo("fields[0].options"));
    }

    [Test]
    public async Task Submit_stores_valid_data_from_a_dictionary_or_a_JsonObject()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var form = await client.Forms.CreateAsync(ContactForm());

        var fromDictionary = await client.Forms.SubmitAsync(form.Id, new Dictionary<string, object?>
        {
            ["email"] = "user@example.com",
            ["message"] = "Hello!",
            ["seats"] = 3,
            ["plan"] = "pro",
            ["newsletter"] = true,
            ["subject"] = null,
        });
        var fromJson = await client.Forms.SubmitAsync(form.Id, new JsonObject { ["email"] = "b@example.com", ["message"] = "Hi", ["seats"] = 2.5 }.ToElement());

        Assert.That(fromDictionary.Id, Does.StartWith("sub_"));
        Assert.That(fromDictionary.FormId, Is.EqualTo(form.Id));
        Assert.That(fromDictionary.Data.GetProperty("email").GetString(), Is.EqualTo("user@example.com"));
        Assert.That(fromDictionary.Data.GetProperty("seats").GetInt32(), Is.EqualTo(3));
        Assert.That(fromDictionary.Data.GetProperty("newsletter").GetBoolean(), Is.True);
        Assert.That(fromJson.Data.GetProperty("seats").GetDouble(), Is.EqualTo(2.5));
        Assert.That((await client.Forms.GetAsync(form.Id)).SubmissionCount, Is.EqualTo(2));
        await Assert.ThrowsAsync<ArgumentException>(() => client.Forms.SubmitAsync(form.Id, "not an object"));
    }

    // A missing field or a value of the wrong JSON type is 400 INVALID_REQUEST; a well-formed but invalid value is 422.
    [TestCase("""{"message":"Hi"}""", "data.email", 400, TestName = "Submit_400_required_field_missing")]
    [TestCase("""{"email":"not-an-address","message":"Hi"}""", "data.email", 422, TestName = "Submit_422_bad_email")]
    [TestCase("""{"email":"a@b.co","message":"Hi","seats":"three"}""", "data.seats", 400, TestName = "Submit_400_number_of_wrong_type")]
    [TestCase("""{"email":"a@b.co","message":"Hi","plan":"gold"}""", "data.plan", 422, TestName = "Submit_422_select_value_not_in_options")]
    [TestCase("""{"email":"a@b.co","message":"Hi","newsletter":"yes"}""", "data.newsletter", 400, TestName = "Submit_400_checkbox_of_wrong_type")]
    [TestCase("""{"email":"a@b.co","message":7}""", "data.message", 400, TestName = "Submit_400_textarea_of_wrong_type")]
    [TestCase("""{"email":"a@b.co","message":"Hi","colour":"red"}""", "data.colour", 422, TestName = "Submit_422_unknown_field")]
    public async Task Submit_validates_and_names_the_field(string data, string field, int status)
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var form = await client.Forms.CreateAsync(ContactForm());

        var ex = await Assert.ThrowsAsync<BotCadenceValidationException>(() => client.Forms.SubmitAsync(form.Id, JsonDocument.Parse(data).RootElement));

        Assert.That((int)ex!.StatusCode, Is.EqualTo(status));
        Assert.That(ex.Code, Is.EqualTo(status == 400 ? ErrorCode.InvalidRequest : ErrorCode.ValidationError));
        Assert.That(ex.Field, Is.EqualTo(field));
        Assert.That((await client.Forms.GetAsync(form.Id)).SubmissionCount, Is.Zero);
    }

    [Test]
    public async Task Forms_page_across_three_pages_and_search()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await client.Forms.CreateAsync(ContactForm(i % 2 == 0 ? $"Survey {i}" : $"Contact {i}"))).Id);
        }

        var pages = await client.Forms.ListAsync().AsPages(pageSizeHint: 2).ToListAsync();
        Assert.That(pages.Select(p => p.Values.Count), Is.EqualTo(new[] { 2, 2, 1 }));
        Assert.That(pages.SelectMany(p => p.Values).Select(f => f.Id), Is.EqualTo(Enumerable.Reverse(ids)));
        Assert.That(pages[0].TotalCount, Is.EqualTo(5));
        Assert.That(pages[^1].ContinuationToken, Is.Null);

        var resumed = await client.Forms.ListAsync().AsPages(pages[0].ContinuationToken).ToListAsync();
        Assert.That(resumed.SelectMany(p => p.Values).Select(f => f.Id), Is.EqualTo(Enumerable.Reverse(ids).Skip(2)));

        var surveys = await client.Forms.ListAsync(new FormListOptions { Search = "survey" }).ToListAsync();
        Assert.That(surveys.Select(f => f.Name), Is.EqualTo(new[] { "Survey 4", "Survey 2", "Survey 0" }));
    }

    [Test]
    public async Task Submissions_page_by_cursor_across_three_pages_and_resume()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var form = await client.Forms.CreateAsync(ContactForm());
        var other = await client.Forms.CreateAsync(ContactForm("Other"));
        await client.Forms.SubmitAsync(other.Id, new JsonObject { ["email"] = "o@example.com", ["message"] = "other form" }.ToElement());
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await client.Forms.SubmitAsync(form.Id, new JsonObject { ["email"] = $"u{i}@example.com", ["message"] = $"#{i}" }.ToElement())).Id);
        }

        var pages = await client.Forms.ListSubmissionsAsync(form.Id).AsPages(pageSizeHint: 2).ToListAsync();
        Assert.That(pages.Select(p => p.Values.Count), Is.EqualTo(new[] { 2, 2, 1 }));
        Assert.That(pages.SelectMany(p => p.Values).Select(s => s.Id), Is.EqualTo(Enumerable.Reverse(ids)));
        Assert.That(pages[0].TotalCount, Is.Null);
        Assert.That(pages[^1].ContinuationToken, Is.Null);

        string? token;
        await using (var enumerator = client.Forms.ListSubmissionsAsync(form.Id).AsPages(pageSizeHint: 2).GetAsyncEnumerator())
        {
            await enumerator.MoveNextAsync();
            token = enumerator.Current.ContinuationToken;
        }

        var rest = await client.Forms.ListSubmissionsAsync(form.Id, new FormSubmissionListOptions { PageSize = 2 }).AsPages(token).ToListAsync();
        Assert.That(rest.SelectMany(p => p.Values).Select(s => s.Id), Is.EqualTo(Enumerable.Reverse(ids).Skip(2)));
    }
}

/// <summary>Forms operations for the matrix.</summary>
public sealed class FormsMatrix : IOperationMatrix
{
    public async Task<IReadOnlyList<OperationCase>> ArrangeAsync(IBotCadenceClient owner)
    {
        var form = await owner.Forms.CreateAsync(new FormCreateOptions { Name = "matrix", Fields = [new FormFieldOptions { Name = "note", Type = FormFieldType.Text }] });
        var id = form.Id;
        return
        [
            new("Forms.List", "forms:read", false, true, c => OperationMatrixTests.FirstPageAsync(c.Forms.ListAsync())),
            new("Forms.Get", "forms:read", true, true, c => c.Forms.GetAsync(id)),
            new("Forms.Create", "forms:write", false, false, c => c.Forms.CreateAsync(new FormCreateOptions { Name = "x" })),
            new("Forms.Submit", "forms:write", true, false, c => c.Forms.SubmitAsync(id, new JsonObject { ["note"] = "n" }.ToElement())),
            new("Forms.Submit", "forms:write", true, false, c => c.Forms.SubmitAsync(id, new Dictionary<string, object?> { ["note"] = "n" })),
            new("Forms.ListSubmissions", "forms:read", true, true, c => OperationMatrixTests.FirstPageAsync(c.Forms.ListSubmissionsAsync(id))),
        ];
    }
}
